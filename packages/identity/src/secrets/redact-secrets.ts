export const REDACTED = '[REDACTED]';

/** The spellings a secret can take once it is serialised somewhere: raw, JSON-escaped, URL-encoded, base64. */
export function secretVariants(secret: string): string[] {
  if (secret.length === 0) return [];
  const variants = new Set<string>([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
  // base64 of the secret alone (e.g. `Basic` headers embed user:secret, which shares no fixed prefix; the
  // raw-form check covers headers after decoding, which is what log scanners see).
  variants.add(Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''));
  variants.add(Buffer.from(secret, 'utf8').toString('base64url'));
  return [...variants].filter((v) => v.length > 0).sort((a, b) => b.length - a.length);
}

/**
 * Replaces every occurrence of the known secrets (and their common encodings) with `[REDACTED]`.
 * Example: `redactSecrets('token=abc123', ['abc123'])` → `'token=[REDACTED]'`.
 */
export function redactSecrets(text: string, knownSecrets: Iterable<string>): string {
  const variants = [...knownSecrets].flatMap(secretVariants).sort((a, b) => b.length - a.length);
  let out = text;
  for (const v of variants) out = out.split(v).join(REDACTED);
  return out;
}

/** Which known secrets occur in `text` (any variant): the assertion helper for tests that scan logs and responses. */
export function findLeakedSecrets(text: string, knownSecrets: Iterable<string>): string[] {
  return [...knownSecrets].filter((s) => secretVariants(s).some((v) => text.includes(v)));
}
