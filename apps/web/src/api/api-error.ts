// The server's error model `{ error: { code, message, details } }` as a typed error the pages can switch on.

/** One failed password rule, as the server names it (`min_length`, `common_password`…). */
export interface RuleFailure {
  readonly rule: string;
  readonly message: string;
}

/** One query-language problem and the character offset it points at. */
export interface QueryProblem {
  readonly offset: number;
  readonly message: string;
}

export class ApiError extends Error {
  /** Stable SCREAMING_SNAKE code from the server, or `UNREACHABLE` / `BAD_RESPONSE` from the client. */
  readonly code: string;
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    message: string,
    status: number,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }

  /** Password-policy failures (`details.failures`), one per failed rule. */
  get failures(): readonly RuleFailure[] {
    return listOf(this.details['failures']).flatMap((f) =>
      typeof f['rule'] === 'string' && typeof f['message'] === 'string'
        ? [{ rule: f['rule'], message: f['message'] }]
        : [],
    );
  }

  /** Query problems with their offsets (`details.problems`). */
  get problems(): readonly QueryProblem[] {
    return listOf(this.details['problems']).flatMap((p) =>
      typeof p['offset'] === 'number' && typeof p['message'] === 'string'
        ? [{ offset: p['offset'], message: p['message'] }]
        : [],
    );
  }
}

function listOf(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return (value as unknown[]).filter(
    (v): v is Record<string, unknown> => typeof v === 'object' && v !== null,
  );
}

/** Builds the error of a non-2xx answer; a body that is not the error model still yields a usable error. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const error =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['error'] : undefined;
  if (typeof error !== 'object' || error === null) {
    return new ApiError(`HTTP_${status}`, `The server answered ${status}.`, status);
  }
  const { code, message, details } = error as Record<string, unknown>;
  return new ApiError(
    typeof code === 'string' ? code : `HTTP_${status}`,
    typeof message === 'string' ? message : `The server answered ${status}.`,
    status,
    typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {},
  );
}

/** Any thrown value as an ApiError (network failures, aborted requests, bugs). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('UNREACHABLE', 'The server could not be reached. Try again in a moment.', 0);
}
