/**
 * Renders server URLs for errors and logs without credentials (`nats://user:pass@host` or a token in
 * the user part), e.g. `nats://***@127.0.0.1:4222`. Accepts a comma-separated list.
 */
export function redactNatsUrl(url: string): string {
  return url
    .split(',')
    .map((part) =>
      part
        .trim()
        .replace(/^([a-z]+:\/\/)?[^@/]*@/i, (_m, scheme: string | undefined) => `${scheme ?? ''}***@`),
    )
    .join(',');
}
