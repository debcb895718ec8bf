/**
 * The one error taxonomy of Vigil. `kind` decides how an error is reported:
 * - `user`: the caller sent something wrong (4xx, not alarming);
 * - `operational`: a dependency is unavailable or overloaded (retry / 503, warn);
 * - `unexpected`: a bug (500, error).
 * Only the server's error handler maps errors to HTTP.
 */
export type ErrorKind = 'user' | 'operational' | 'unexpected';

export interface VigilErrorOptions {
  /** Underlying error, kept for logs; never sent to clients. */
  cause?: unknown;
  /** Structured, non-secret details safe to show the caller (field, position, limit…). */
  details?: Record<string, unknown>;
  /** HTTP status override for user errors (e.g. 404, 409, 413, 429). */
  status?: number;
  /** Seconds a client should wait before retrying (backpressure). */
  retryAfterSeconds?: number;
}

export class VigilError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details: Record<string, unknown> | undefined;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: string, kind: ErrorKind, message: string, options: VigilErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VigilError';
    this.code = code;
    this.kind = kind;
    this.details = options.details;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** A problem with what the caller sent: bad input, missing resource, conflict. */
export function userError(code: string, message: string, options: VigilErrorOptions = {}): VigilError {
  return new VigilError(code, 'user', message, options);
}

/** A dependency is unavailable or overloaded: retrying later may succeed. */
export function operationalError(code: string, message: string, options: VigilErrorOptions = {}): VigilError {
  return new VigilError(code, 'operational', message, options);
}

/** A broken invariant: a bug in Vigil. */
export function unexpectedError(code: string, message: string, options: VigilErrorOptions = {}): VigilError {
  return new VigilError(code, 'unexpected', message, options);
}

export function isVigilError(value: unknown): value is VigilError {
  return value instanceof VigilError;
}
