import type { ErrorCode } from '@btb/contracts';

export interface ErrorDetail {
  path: string;
  message: string;
}

const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_state: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
};

/** The one error family of the platform: a machine code, a message a person can read, optional details. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = statusByCode[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do that') => new AppError('forbidden', message);
export const conflict = (message: string) => new AppError('conflict', message);
export const invalidState = (message: string) => new AppError('invalid_state', message);
export const unauthenticated = (message = 'Authentication required') =>
  new AppError('unauthenticated', message);
export const validationFailed = (details: ErrorDetail[], message = 'Validation failed') =>
  new AppError('validation_failed', message, details);
