/**
 * The one-time token travels in the URL fragment (`/setup#token=…`, as `vigil serve` prints it), which
 * browsers never send to servers or put in Referer headers.
 * @example setupTokenFromHash('#token=abc') === 'abc'
 */
export function setupTokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/u, '')).get('token') ?? '';
}
