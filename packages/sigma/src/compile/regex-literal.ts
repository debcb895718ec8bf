/**
 * A literal that every match of the regex must contain (the longest top-level literal run), or ''
 * when none can be derived (top-level alternation, escapes, classes). Used only as a necessary
 * condition to trigger the regex from the field's substring index.
 * Example: requiredLiteral('\\w+`(?:a|b)`x') === '`' … a one-character literal still helps.
 */
export function requiredLiteral(source: string): string {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return '';
  }
  let best = '';
  let run = '';
  depth = 0;
  inClass = false;
  const flush = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    const next = source[i + 1];
    const quantified = next === '*' || next === '?' || next === '{' || next === '+';
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      flush();
      inClass = true;
    } else if (c === '(') {
      flush();
      depth++;
    } else if (c === ')') {
      depth--;
      flush();
    } else if (depth > 0) continue;
    else if (c === '\\') {
      const e = source[i + 1] ?? '';
      i++;
      const q = source[i + 1];
      const lit = /[.*+?^${}()|[\]\\/-]/.test(e) ? e : undefined;
      if (lit === undefined || q === '*' || q === '?' || q === '{' || q === '+') {
        flush();
        if (lit !== undefined && q === '+') run = lit;
        continue;
      }
      run += lit;
    } else if ('.^$*+?{}|'.includes(c)) {
      flush();
      if (c === '{') while (i < source.length && source[i] !== '}') i++;
    } else if (quantified) {
      // `ab*`: the `b` is optional (a `+` keeps one).
      flush();
      if (next === '+') run = c;
    } else run += c;
  }
  flush();
  return best;
}
