/** Splits a CEF header on unescaped `|`, unescaping `\|` and `\\`; stops after `max` fields (the rest is the extension). */
export function splitCefHeader(text: string, max: number): { fields: string[]; rest: string | undefined } {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '|' || text[i + 1] === '\\')) {
      current += text[i + 1];
      i++;
    } else if (c === '|') {
      fields.push(current);
      current = '';
      if (fields.length === max) return { fields, rest: text.slice(i + 1) };
    } else {
      current += c;
    }
  }
  fields.push(current);
  return { fields, rest: undefined };
}

/** Unescapes a CEF extension value: `\=`, `\\`, `\n`, `\r`. */
export function unescapeCefValue(value: string): string {
  return value.replace(/\\([=\\nr|])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

/**
 * Parses `k1=v1 k2=v with spaces k3=v3`: a value runs until the next ` key=` whose `=` is unescaped.
 * @example parseCefExtension('src=10.0.0.1 msg=a b\\=c') // {src:'10.0.0.1', msg:'a b=c'}
 */
export function parseCefExtension(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const keyRe = /(?:^|\s)([A-Za-z0-9_.[\]-]+)=/g;
  const keys: { key: string; start: number; valueStart: number }[] = [];
  for (let m = keyRe.exec(text); m !== null; m = keyRe.exec(text)) {
    keys.push({ key: m[1] ?? '', start: m.index, valueStart: m.index + m[0].length });
  }
  keys.forEach((k, i) => {
    const end = i + 1 < keys.length ? (keys[i + 1]?.start ?? text.length) : text.length;
    out[k.key] = unescapeCefValue(text.slice(k.valueStart, end).trim());
  });
  return out;
}
