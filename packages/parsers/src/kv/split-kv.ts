/**
 * Splits `k=v k2="quoted \"value\"" k3='x'` into pairs; separators are whitespace, `,` or `;`.
 * An unquoted value runs to the next separator. Returns an error with the offset of an unterminated quote.
 * @example splitKv('user=bob msg="a b"') // {pairs: {user:'bob', msg:'a b'}}
 */
export function splitKv(text: string): { pairs: Record<string, string>; error?: string } {
  const pairs: Record<string, string> = {};
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && /[\s,;]/.test(text[i] ?? '')) i++;
    if (i >= n) break;
    const keyStart = i;
    while (i < n && /[^\s=,;"']/.test(text[i] ?? '')) i++;
    const key = text.slice(keyStart, i);
    if (text[i] !== '=' || key === '') {
      // Free text between pairs: skip the word.
      while (i < n && !/[\s,;]/.test(text[i] ?? '')) i++;
      continue;
    }
    i++;
    const q = text[i];
    if (q === '"' || q === "'") {
      const start = i;
      i++;
      let value = '';
      let closed = false;
      while (i < n) {
        const c = text[i] as string;
        if (c === '\\' && i + 1 < n) {
          const next = text[i + 1] as string;
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
          continue;
        }
        i++;
        if (c === q) {
          closed = true;
          break;
        }
        value += c;
      }
      if (!closed)
        return {
          pairs,
          error: `kv: unterminated quote in value of ${JSON.stringify(key)} at offset ${start}`,
        };
      pairs[key] = value;
    } else {
      const start = i;
      while (i < n && !/[\s,;]/.test(text[i] ?? '')) i++;
      pairs[key] = text.slice(start, i);
    }
  }
  return { pairs };
}
