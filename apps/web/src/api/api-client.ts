// A small fetch client for the Vigil API: JSON in and out, same-origin credentials, the CSRF token on
// writes, and every non-2xx answer thrown as a typed ApiError.
import { ApiError, errorFromResponse } from './api-error.ts';
import { csrfToken, setCsrfToken } from './csrf-token.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** Default 30 s; searches may take longer on a busy server. */
  readonly timeoutMs?: number;
}

/** Sends one request; resolves with the raw Response when it is 2xx, else throws ApiError. */
export async function apiFetch(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = csrfToken();
  if (method !== 'GET' && token !== undefined) headers['x-csrf-token'] = token;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    if (options.signal?.aborted === true) throw error;
    throw new ApiError('UNREACHABLE', 'The server could not be reached. Try again in a moment.', 0);
  }
  if (!response.ok) throw errorFromResponse(response.status, await readJson(response));
  // The server rotated the session id (a privilege change of the caller): its new CSRF token.
  const rotated = response.headers.get('x-csrf-token');
  if (rotated !== null && rotated !== '') setCsrfToken(rotated);
  return response;
}

/** Sends one request and reads its JSON answer (undefined for 204 or a non-JSON body). */
export async function apiJson<T = unknown>(
  method: Method,
  path: string,
  body?: unknown,
  options?: RequestOptions,
): Promise<T> {
  const response = await apiFetch(method, path, body, options);
  return (await readJson(response)) as T;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  if (!(response.headers.get('content-type') ?? '').includes('json')) return undefined;
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}
