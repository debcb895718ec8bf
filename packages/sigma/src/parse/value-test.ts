import type { SigmaPart } from './sigma-string.ts';

export type TimeUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
export type CompareOp = 'eq' | 'lt' | 'lte' | 'gt' | 'gte';
export type MatchMode = 'eq' | 'contains' | 'startswith' | 'endswith';

/**
 * One test of a field value, after all value modifiers were applied (field- and event-independent).
 * `str` parts are not yet case-folded; `cased: false` means case-insensitive.
 */
export type ValueTest =
  | { kind: 'str'; parts: SigmaPart[]; cased: boolean }
  | { kind: 'neq'; parts: SigmaPart[]; cased: boolean }
  | { kind: 're'; source: string; flags: string }
  | { kind: 'cidr'; cidr: string }
  | { kind: 'cmp'; op: CompareOp; value: number; unit?: TimeUnit }
  | { kind: 'null' }
  | { kind: 'exists'; want: boolean }
  | { kind: 'fieldref'; ref: string; mode: MatchMode; cased: boolean };

/**
 * One `field|modifiers: values` entry of a selection. `values` are ANDed when `all` is set, else ORed;
 * each value is the OR of its expansions (windash, base64offset, expand).
 * `field: null` marks keywords (full-text search).
 */
export interface FieldItem {
  field: string | null;
  all: boolean;
  values: ValueTest[][];
}

/** A named detection entry: one or more field maps (ORed), each an AND of its items. */
export interface Selection {
  name: string;
  maps: FieldItem[][];
}
