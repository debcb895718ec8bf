/**
 * The search condition tree of a query plan. Leaves carry the 0-based `offset` of their text in the
 * query so store adapters can point at the part they cannot compile. Semantics (the executable
 * spec is `compileExpr`):
 * - a field holding an array matches when any element matches; a missing or null field matches no
 *   leaf except under NOT;
 * - string equality and wildcards are case-insensitive (Unicode case folding);
 * - a number equals a string that is its canonical decimal form (4688 ↔ "4688").
 */
export type QueryExpr =
  | AllExpr
  | AndExpr
  | OrExpr
  | NotExpr
  | EqExpr
  | InExpr
  | WildcardExpr
  | CidrExpr
  | CmpExpr
  | RangeExpr
  | ExistsExpr
  | TextExpr;

/** Matches every row (the empty search, or `*`). */
export interface AllExpr {
  kind: 'all';
}

export interface AndExpr {
  kind: 'and';
  items: readonly QueryExpr[];
}

export interface OrExpr {
  kind: 'or';
  items: readonly QueryExpr[];
}

export interface NotExpr {
  kind: 'not';
  item: QueryExpr;
}

/** `field:value`: case-insensitive string equality; numbers match their canonical string form. */
export interface EqExpr {
  kind: 'eq';
  field: string;
  value: string;
  offset: number;
}

/** `field:(a OR b OR c)` with plain values: `eq` against any of them. */
export interface InExpr {
  kind: 'in';
  field: string;
  values: readonly string[];
  offset: number;
}

/** `field:power*`: whole-value, case-insensitive match; numbers match through their string form. */
export interface WildcardExpr {
  kind: 'wildcard';
  field: string;
  pattern: readonly WildcardPart[];
  offset: number;
}

/** A literal run of characters, or `{ wildcard: '*' }` (any run, possibly empty) / `'?'` (one character). */
export type WildcardPart = string | { wildcard: '*' | '?' };

/** `source.ip:10.0.0.0/8`: the field holds an IPv4/IPv6 address inside the network. */
export interface CidrExpr {
  kind: 'cidr';
  field: string;
  /** Canonical network text with host bits cleared, e.g. `10.0.0.0/8`, `2001:db8::/32`. */
  network: string;
  family: 4 | 6;
  prefix: number;
  offset: number;
}

export type CmpOp = 'gt' | 'gte' | 'lt' | 'lte';

/** `field >= 10`, `@timestamp < "2026-01-01"`, `@timestamp > now-1h`. */
export interface CmpExpr {
  kind: 'cmp';
  field: string;
  op: CmpOp;
  value: Bound;
  offset: number;
}

/** `field:[10 TO 20]` (inclusive) / `field:{10 TO 20}` (exclusive); a missing side is unbounded (`*`). */
export interface RangeExpr {
  kind: 'range';
  field: string;
  lower?: RangeEnd;
  upper?: RangeEnd;
  offset: number;
}

export interface RangeEnd {
  value: Bound;
  inclusive: boolean;
}

/** `field:*`: the field is present and not null (an empty array counts as present). */
export interface ExistsExpr {
  kind: 'exists';
  field: string;
  offset: number;
}

/**
 * Free text: a case-insensitive substring of `message` or of any string value under `raw`.
 * Wildcards inside free text match within that substring (`pass*word`).
 */
export interface TextExpr {
  kind: 'text';
  pattern: readonly WildcardPart[];
  offset: number;
}

/**
 * A comparison operand, classified once at parse time:
 * - `number`: compares with numbers and numeric strings;
 * - `time`: an ISO-8601 date/time (UTC when no zone is given), compares with time strings;
 * - `now`: `now`, `now-15m`, `now+1d`, resolved at execution against the caller's clock;
 * - `string`: compares with strings by UTF-16 code units.
 * `text` is the literal as written (after unescaping), for display.
 */
export type Bound =
  | { type: 'number'; value: number; text: string }
  | { type: 'time'; ms: number; text: string }
  | { type: 'now'; offsetMs: number; text: string }
  | { type: 'string'; value: string; text: string };
