/** Error codes that cross the service boundary; messages a user may see are Chinese. */
export type ErrorCode = 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'TOO_LARGE' | 'INTERNAL';

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
