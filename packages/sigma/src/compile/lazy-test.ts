import { inCidr, parseCidr } from './cidr.ts';
import { foldCase } from './fold-case.ts';
import { globRegExp } from './glob-regex.ts';
import { parseEventTime } from '../logsource/event-time.ts';
import type { EventView } from '../logsource/event-view.ts';
import type { FieldGetter } from '../logsource/field-getter.ts';
import { isPlain, plainText, STAR } from '../parse/sigma-string.ts';
import type { SigmaPart } from '../parse/sigma-string.ts';
import type { CompareOp, TimeUnit, ValueTest } from '../parse/value-test.ts';

export type ViewTest = (view: EventView) => boolean;
type ScalarTest = (s: string) => boolean;

/** Scalar field value as text: strings as is, numbers and booleans in their JSON form, others not comparable. */
export function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

/** True when `test` holds for the value or, for an array, for any element. */
function anyScalar(v: unknown, test: ScalarTest): boolean {
  if (Array.isArray(v)) {
    for (const el of v) {
      const s = scalarText(el);
      if (s !== undefined && test(s)) return true;
    }
    return false;
  }
  const s = scalarText(v);
  return s !== undefined && test(s);
}

/** Matcher of wildcard parts against a text; folds the text unless `cased`. */
export function partsMatcher(parts: readonly SigmaPart[], cased: boolean): ScalarTest {
  const norm = cased ? (s: string): string => s : foldCase;
  const p = cased ? parts : parts.map((x) => (typeof x === 'string' ? foldCase(x) : x));
  if (isPlain(p)) {
    const t = plainText(p);
    return (s) => norm(s) === t;
  }
  const inner = p.slice(p[0] === STAR ? 1 : 0, p[p.length - 1] === STAR && p.length > 1 ? -1 : undefined);
  if (isPlain(inner)) {
    const t = plainText(inner);
    const lead = p[0] === STAR;
    const trail = p[p.length - 1] === STAR;
    if (lead && trail) return (s) => norm(s).includes(t);
    if (lead) return (s) => norm(s).endsWith(t);
    if (trail) return (s) => norm(s).startsWith(t);
  }
  const re = globRegExp(p);
  return (s) => re.test(norm(s));
}

function datePart(ms: number, unit: TimeUnit): number {
  const d = new Date(ms);
  switch (unit) {
    case 'minute':
      return d.getUTCMinutes();
    case 'hour':
      return d.getUTCHours();
    case 'day':
      return d.getUTCDate();
    case 'month':
      return d.getUTCMonth() + 1;
    case 'year':
      return d.getUTCFullYear();
    case 'week': {
      // ISO-8601 week number.
      const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      const day = t.getUTCDay() || 7;
      t.setUTCDate(t.getUTCDate() + 4 - day);
      const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
      return Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
    }
  }
}

function compare(a: number, op: CompareOp, b: number): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
  }
}

function toNumber(s: string): number | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  const n = /^0x[0-9a-f]+$/i.test(t) ? parseInt(t, 16) : Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** Longest text a regex is run on: bounds the time a pathological value can take. */
const maxRegexInput = 1 << 20;

/**
 * Compiles a value test that the field indexes do not answer (regex, cidr, numeric and time
 * comparisons, null/exists, neq, fieldref, case-sensitive and general wildcard strings).
 */
export function lazyTest(
  test: ValueTest,
  get: FieldGetter,
  getRef: (field: string) => FieldGetter,
): ViewTest {
  switch (test.kind) {
    case 'str': {
      const m = partsMatcher(test.parts, test.cased);
      return (v) => anyScalar(get(v), m);
    }
    case 'neq': {
      const m = partsMatcher(test.parts, test.cased);
      return (v) => anyScalar(get(v), (s) => !m(s));
    }
    case 're': {
      const re = new RegExp(test.source, test.flags);
      return (v) =>
        anyScalar(get(v), (s) => re.test(s.length > maxRegexInput ? s.slice(0, maxRegexInput) : s));
    }
    case 'cidr': {
      const range = parseCidr(test.cidr);
      if (!range) return () => false;
      return (v) => anyScalar(get(v), (s) => inCidr(range, s));
    }
    case 'cmp': {
      const { op, value, unit } = test;
      if (unit !== undefined) {
        return (v) =>
          anyScalar(get(v), (s) => {
            const ms = parseEventTime(s);
            return ms !== undefined && compare(datePart(ms, unit), op, value);
          });
      }
      return (v) =>
        anyScalar(get(v), (s) => {
          const n = toNumber(s);
          return n !== undefined && compare(n, op, value);
        });
    }
    case 'null':
      return (v) => {
        const x = get(v);
        return x === undefined || x === null;
      };
    case 'exists': {
      const want = test.want;
      return (v) => {
        const x = get(v);
        return (x !== undefined && x !== null) === want;
      };
    }
    case 'fieldref': {
      const other = getRef(test.ref);
      const { mode, cased } = test;
      const norm = cased ? (s: string): string => s : foldCase;
      return (v) => {
        const refVal = other(v);
        return anyScalar(refVal, (r) => {
          const t = norm(r);
          return anyScalar(get(v), (s) => {
            const x = norm(s);
            return mode === 'eq'
              ? x === t
              : mode === 'contains'
                ? x.includes(t)
                : mode === 'startswith'
                  ? x.startsWith(t)
                  : x.endsWith(t);
          });
        });
      };
    }
  }
}

/** Full-text (keyword) test: any string value of the event, at any depth, matches the parts. */
export function keywordTest(parts: readonly SigmaPart[], cased: boolean): ViewTest {
  const full: SigmaPart[] = [...parts];
  if (full[0] !== STAR) full.unshift(STAR);
  if (full.length === 1 || full[full.length - 1] !== STAR) full.push(STAR);
  const m = partsMatcher(full, cased);
  const visit = (x: unknown, depth: number): boolean => {
    if (typeof x === 'string') return m(x);
    if (typeof x === 'number') return m(String(x));
    if (depth > 8 || x === null || typeof x !== 'object') return false;
    for (const el of Array.isArray(x) ? x : Object.values(x)) if (visit(el, depth + 1)) return true;
    return false;
  };
  return (v) =>
    visit(v.fields, 0) || (v.doc !== v.fields && typeof v.doc['message'] === 'string' && m(v.doc['message']));
}
