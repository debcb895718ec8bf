import { base64, base64Offsets, latin1, utf16Bytes, utf8Bytes } from './encode-value.ts';
import { parseSigmaString, STAR, isPlain, plainText } from './sigma-string.ts';
import type { SigmaPart } from './sigma-string.ts';
import type { CompareOp, FieldItem, MatchMode, TimeUnit, ValueTest } from './value-test.ts';
import { parseCidr } from '../compile/cidr.ts';
import { translateRegex } from '../compile/translate-regex.ts';

/** Every value modifier of Sigma specification v2.1 (plus the `re` sub-modifiers). */
export const knownModifiers: ReadonlySet<string> = new Set([
  'contains',
  'startswith',
  'endswith',
  'all',
  'exists',
  'cased',
  'neq',
  'windash',
  're',
  'i',
  'm',
  's',
  'base64',
  'base64offset',
  'utf16le',
  'utf16be',
  'utf16',
  'wide',
  'lt',
  'lte',
  'gt',
  'gte',
  'cidr',
  'expand',
  'fieldref',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
]);

const timeUnits: ReadonlySet<string> = new Set(['minute', 'hour', 'day', 'week', 'month', 'year']);
const compareOps: ReadonlySet<string> = new Set(['lt', 'lte', 'gt', 'gte']);
const windashChars = ['-', '/', '\u2013', '\u2014', '\u2015'];

export interface ModifierContext {
  /** Values of `%name%` placeholders for the `expand` modifier. */
  placeholders: Readonly<Record<string, readonly string[]>>;
}

type Alt = SigmaPart[] | Uint8Array;

/**
 * Applies a detection item's modifier chain to its values, producing field- and event-independent
 * tests, or the reasons the item is invalid. Example: `CommandLine|contains|all: [a, b]`.
 */
export function applyModifiers(
  field: string | null,
  modifiers: readonly string[],
  rawValue: unknown,
  ctx: ModifierContext,
): { item?: FieldItem; problems: string[] } {
  const problems: string[] = [];
  const label = field === null ? 'keywords' : `'${field}'`;
  for (const m of modifiers) {
    if (!knownModifiers.has(m)) problems.push(`${label}: unknown value modifier '${m}'`);
  }
  if (problems.length > 0) return { problems };
  const has = (m: string): boolean => modifiers.includes(m);
  const reIndex = modifiers.indexOf('re');
  for (const sub of ['i', 'm', 's']) {
    const at = modifiers.indexOf(sub);
    if (at >= 0 && (reIndex < 0 || at < reIndex))
      problems.push(`${label}: modifier '${sub}' is only valid after 're'`);
  }
  const values = Array.isArray(rawValue) ? (rawValue as unknown[]) : [rawValue];
  if (values.length === 0) problems.push(`${label}: empty value list`);
  let mode: MatchMode = 'eq';
  for (const m of modifiers) if (m === 'contains' || m === 'startswith' || m === 'endswith') mode = m;
  const cased = has('cased');
  const all = has('all');
  if (all && values.length < 2 && !has('expand')) {
    // Valid but pointless; pySigma accepts it too.
  }
  const out: ValueTest[][] = [];
  for (const v of values) {
    const tests = convertValue(v, modifiers, mode, cased, ctx, label, problems);
    if (tests) out.push(tests);
  }
  if (problems.length > 0) return { problems };
  return { item: { field, all, values: out }, problems };
}

function convertValue(
  v: unknown,
  modifiers: readonly string[],
  mode: MatchMode,
  cased: boolean,
  ctx: ModifierContext,
  label: string,
  problems: string[],
): ValueTest[] | undefined {
  const has = (m: string): boolean => modifiers.includes(m);
  if (v !== null && typeof v === 'object') {
    problems.push(
      `${label}: a value must be a string, number, boolean or null, not a ${Array.isArray(v) ? 'list' : 'map'}`,
    );
    return undefined;
  }
  if (has('exists')) {
    if (typeof v !== 'boolean') {
      problems.push(`${label}: 'exists' needs true or false`);
      return undefined;
    }
    return [{ kind: 'exists', want: v }];
  }
  if (v === null) return [{ kind: 'null' }];
  const text = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  if (has('re')) {
    if (typeof v !== 'string') problems.push(`${label}: 're' needs a string`);
    let flags = '';
    if (has('i')) flags += 'i';
    if (has('m')) flags += 'm';
    if (has('s')) flags += 's';
    const tr = translateRegex(text, flags);
    if (tr.error !== undefined) {
      problems.push(`${label}: invalid regular expression /${text}/: ${tr.error}`);
      return undefined;
    }
    return [{ kind: 're', source: tr.source, flags: tr.flags }];
  }
  if (has('cidr')) {
    if (parseCidr(text) === undefined) {
      problems.push(`${label}: '${text}' is not a valid CIDR range`);
      return undefined;
    }
    return [{ kind: 'cidr', cidr: text }];
  }
  const unit = modifiers.find((m) => timeUnits.has(m)) as TimeUnit | undefined;
  const op = modifiers.find((m) => compareOps.has(m)) as CompareOp | undefined;
  if (unit !== undefined || op !== undefined) {
    const n = typeof v === 'number' ? v : Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) {
      problems.push(`${label}: '${op ?? unit ?? ''}' needs a number, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return [
      unit === undefined
        ? { kind: 'cmp', op: op ?? 'eq', value: n }
        : { kind: 'cmp', op: op ?? 'eq', value: n, unit },
    ];
  }
  if (has('fieldref')) {
    return [{ kind: 'fieldref', ref: text, mode, cased }];
  }
  // String pipeline: expand, then encodings/windash in modifier order, then the match mode.
  let raws = [text];
  if (has('expand')) {
    const expanded = expandPlaceholders(text, ctx, label, problems);
    if (expanded === undefined) return undefined;
    raws = expanded;
  }
  let alts: Alt[] = raws.map(parseSigmaString);
  for (const m of modifiers) {
    switch (m) {
      case 'windash':
        alts = alts.flatMap((a): Alt[] => (a instanceof Uint8Array ? [a] : windash(a)));
        break;
      case 'wide':
      case 'utf16le':
      case 'utf16be':
      case 'utf16': {
        const next: Alt[] = [];
        for (const a of alts) {
          const s = plainOf(a, m, label, problems);
          if (s === undefined) return undefined;
          next.push(utf16Bytes(s, m === 'utf16be', m === 'utf16'));
        }
        alts = next;
        break;
      }
      case 'base64':
      case 'base64offset': {
        const next: Alt[] = [];
        for (const a of alts) {
          const bytes = a instanceof Uint8Array ? a : plainBytes(a, m, label, problems);
          if (bytes === undefined) return undefined;
          if (m === 'base64') next.push([base64(bytes)]);
          else for (const s of base64Offsets(bytes)) next.push([s]);
        }
        alts = next;
        break;
      }
      default:
        break;
    }
  }
  const neq = has('neq');
  return alts.map((a) => {
    const parts = withMode(a instanceof Uint8Array ? [latin1(a)] : a, mode);
    return neq ? { kind: 'neq' as const, parts, cased } : { kind: 'str' as const, parts, cased };
  });
}

function plainOf(a: Alt, m: string, label: string, problems: string[]): string | undefined {
  if (a instanceof Uint8Array) return latin1(a);
  if (!isPlain(a)) {
    problems.push(`${label}: '${m}' cannot encode a value with wildcards`);
    return undefined;
  }
  return plainText(a);
}

function plainBytes(a: SigmaPart[], m: string, label: string, problems: string[]): Uint8Array | undefined {
  const s = plainOf(a, m, label, problems);
  return s === undefined ? undefined : utf8Bytes(s);
}

function withMode(parts: SigmaPart[], mode: MatchMode): SigmaPart[] {
  const out = parts.slice();
  if ((mode === 'contains' || mode === 'endswith') && out[0] !== STAR) out.unshift(STAR);
  if ((mode === 'contains' || mode === 'startswith') && out[out.length - 1] !== STAR) out.push(STAR);
  return out;
}

/** `-` or `/` at the start of a word become each of the Windows option dashes (pySigma's `\B[-/]\b`). */
function windash(parts: SigmaPart[]): SigmaPart[][] {
  let results: SigmaPart[][] = [[]];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as SigmaPart;
    if (typeof p !== 'string') {
      for (const r of results) r.push(p);
      continue;
    }
    // Split the literal at each dash position, then take the cartesian product of the variants.
    const prev = i > 0 ? parts[i - 1] : undefined;
    const next = parts[i + 1];
    const segments: string[][] = [];
    let lit = '';
    for (let j = 0; j < p.length; j++) {
      const c = p[j] as string;
      if ((c === '-' || c === '/') && atWordStart(p, j, prev, next)) {
        segments.push([lit]);
        segments.push(windashChars);
        lit = '';
      } else lit += c;
    }
    segments.push([lit]);
    let variants = [''];
    for (const seg of segments) variants = variants.flatMap((v) => seg.map((s) => v + s));
    if (variants.length > 4096) variants = variants.slice(0, 4096);
    results = results.flatMap((r) => variants.map((v) => [...r, v]));
  }
  return results.map((r) => r.filter((p) => p !== ''));
}

const wordChar = /\w/;
function atWordStart(
  s: string,
  j: number,
  prev: SigmaPart | undefined,
  next: SigmaPart | undefined,
): boolean {
  const before =
    j > 0 ? s[j - 1] : prev === undefined ? '' : typeof prev === 'string' ? prev[prev.length - 1] : '';
  const after = j + 1 < s.length ? s[j + 1] : typeof next === 'string' ? next[0] : undefined;
  const beforeIsWord = before !== undefined && before !== '' && wordChar.test(before);
  const afterIsWord = after !== undefined && wordChar.test(after);
  return !beforeIsWord && afterIsWord;
}

const placeholderRe = /%([^%\s]+)%/g;
function expandPlaceholders(
  text: string,
  ctx: ModifierContext,
  label: string,
  problems: string[],
): string[] | undefined {
  let results = [''];
  let last = 0;
  let found = false;
  for (const m of text.matchAll(placeholderRe)) {
    found = true;
    const name = m[1] as string;
    const values = ctx.placeholders[name];
    if (values === undefined || values.length === 0) {
      problems.push(`${label}: unresolved placeholder %${name}% (no values configured for 'expand')`);
      return undefined;
    }
    const lit = text.slice(last, m.index);
    results = results.flatMap((r) => values.map((v) => r + lit + v));
    last = m.index + m[0].length;
  }
  if (!found) return [text];
  const tail = text.slice(last);
  return results.map((r) => r + tail);
}
