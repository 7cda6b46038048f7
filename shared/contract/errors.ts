/**
 * Error codes that cross the service boundary (the one definition: services, transports and the UI use it).
 * UNAUTHORIZED: no valid session (HTTP 401); RATE_LIMITED: too many failed logins, wait (HTTP 429).
 */
export const ERROR_CODES = ['INVALID_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'TOO_LARGE', 'INTERNAL', 'UNAUTHORIZED', 'RATE_LIMITED'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a failed request answers; messages a person may see are Chinese. */
export interface RpcError {
  code: ErrorCode;
  message: string;
}
export type RpcResult<T> = { ok: true; data: T } | { ok: false; error: RpcError };
