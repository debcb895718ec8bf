/** RFC 5424 structured data: `{ "exampleSDID@32473": { "iut": "3" } }`. */
export type StructuredData = Record<string, Record<string, string>>;

/**
 * Parses the STRUCTURED-DATA part at `start` (`-` or one or more `[id k="v"…]`).
 * Returns the data and the offset after it, or an error naming the offset.
 */
export function parseStructuredData(
  text: string,
  start: number,
): { data: StructuredData | undefined; end: number } | { error: string } {
  if (text[start] === '-') return { data: undefined, end: start + 1 };
  const data: StructuredData = {};
  let i = start;
  if (text[i] !== '[')
    return { error: `syslog: structured data must start with '[' or '-' at offset ${start}` };
  while (text[i] === '[') {
    i++;
    const idEnd = scanName(text, i);
    if (idEnd === i) return { error: `syslog: empty SD-ID at offset ${i}` };
    const id = text.slice(i, idEnd);
    const params: Record<string, string> = {};
    i = idEnd;
    while (text[i] === ' ') {
      i++;
      const nameEnd = scanName(text, i);
      const name = text.slice(i, nameEnd);
      if (name === '' || text[nameEnd] !== '=' || text[nameEnd + 1] !== '"') {
        return { error: `syslog: malformed SD-PARAM in [${id}] at offset ${i}` };
      }
      const quoteAt = nameEnd + 1;
      i = nameEnd + 2;
      let value = '';
      for (;;) {
        const c = text[i];
        if (c === undefined)
          return { error: `syslog: unterminated SD-PARAM value in [${id}] at offset ${quoteAt}` };
        if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\' || text[i + 1] === ']')) {
          value += text[i + 1];
          i += 2;
          continue;
        }
        i++;
        if (c === '"') break;
        value += c;
      }
      params[name] = value;
    }
    if (text[i] !== ']') return { error: `syslog: expected ']' closing [${id}] at offset ${i}` };
    i++;
    data[id] = params;
  }
  return { data, end: i };
}

/** SD-NAME: printable US-ASCII except `=`, space, `]`, `"`. */
function scanName(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c > 126 || c === 61 || c === 93 || c === 34) break;
    i++;
  }
  return i;
}
