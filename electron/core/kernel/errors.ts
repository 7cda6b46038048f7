import type { ErrorCode } from '../../../shared/contract/errors';

export type { ErrorCode };

/** An expected failure with a code and a message fit to show a person. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
