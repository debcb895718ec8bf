/**
 * Translates a Sigma (PCRE-flavoured) regular expression into a JavaScript one, or explains why not.
 * Handles a leading `(?i)`/`(?s)`/`(?m)`, `(?P<name>`, `\A`, `\Z`, `\z`; rejects patterns with nested
 * unbounded quantifiers (catastrophic backtracking) because a JavaScript regex cannot be interrupted.
 */
export function translateRegex(
  pattern: string,
  flags: string,
): { source: string; flags: string; error?: string } {
  let source = pattern;
  let f = flags;
  const lead = /^\(\?([imsx]+)\)/.exec(source);
  if (lead) {
    for (const c of lead[1] as string) {
      if (c === 'x') return { source, flags: f, error: 'the x (extended) flag is not supported' };
      if (!f.includes(c)) f += c;
    }
    source = source.slice(lead[0].length);
  }
  source = source
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\[Zz]/g, '$');
  if (/\(\?>|[*+?}]\+/.test(source)) {
    return { source, flags: f, error: 'atomic groups and possessive quantifiers are not supported' };
  }
  try {
    new RegExp(source, f);
  } catch (e) {
    return { source, flags: f, error: (e as Error).message };
  }
  if (hasNestedUnboundedQuantifier(source)) {
    return { source, flags: f, error: 'nested unbounded quantifiers risk catastrophic backtracking' };
  }
  return { source, flags: f };
}

/**
 * Detects `(…x+…)+`-style patterns: a group quantified by `*`, `+` or `{n,}` that itself contains an
 * unbounded quantifier. Conservative (it also flags some safe patterns); the rule is rejected with a reason.
 */
function hasNestedUnboundedQuantifier(source: string): boolean {
  // Stack of "group contains an unbounded quantifier" flags.
  const stack: boolean[] = [false];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push(false);
    else if (c === ')') {
      const inner = stack.pop() ?? false;
      const q = quantifierAt(source, i + 1);
      if (inner && q === 'unbounded') return true;
      if (stack.length === 0) stack.push(false);
      if (inner || q === 'unbounded') stack[stack.length - 1] = true;
    } else if (c === '*' || c === '+') stack[stack.length - 1] = true;
    else if (c === '{' && quantifierAt(source, i) === 'unbounded') stack[stack.length - 1] = true;
  }
  return false;
}

function quantifierAt(source: string, i: number): 'unbounded' | 'bounded' | 'none' {
  const c = source[i];
  if (c === '*' || c === '+') return 'unbounded';
  if (c === '?') return 'bounded';
  if (c === '{') {
    const m = /^\{(\d*)(,?)(\d*)\}/.exec(source.slice(i));
    if (!m) return 'none';
    return m[2] === ',' && m[3] === '' ? 'unbounded' : 'bounded';
  }
  return 'none';
}
