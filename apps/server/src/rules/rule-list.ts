import type { StoredRecord } from '@vigil/core';
import type { StoredRule } from './stored-rule.ts';

export interface RuleListQuery {
  /** Case-insensitive substring of title, id, name or description. */
  q?: string;
  level?: string;
  tag?: string;
  /** `product`, `product:category`, `product:category:service`, or any one value (`process_creation`). */
  logsource?: string;
  status?: string;
  type?: string;
  enabled?: boolean;
  limit: number;
  /** Keyset pagination: ids after this one. */
  after?: string;
}

function logsourceMatches(r: StoredRule, wanted: string): boolean {
  const ls = r.logsource ?? {};
  const w = wanted.toLowerCase();
  const parts = [ls.product ?? '', ls.category ?? '', ls.service ?? ''].map((p) => p.toLowerCase());
  if (!w.includes(':')) return parts.includes(w);
  return w.split(':').every((p, i) => p === '' || p === '*' || parts[i] === p);
}

/** Filters and pages a workspace's rules (ordered by id). */
export function filterRules(
  all: readonly StoredRecord<StoredRule>[],
  query: RuleListQuery,
): { rules: StoredRecord<StoredRule>[]; total: number; next?: string } {
  const q = query.q?.toLowerCase();
  const tag = query.tag?.toLowerCase();
  const matching = all.filter(({ data: r }) => {
    if (query.level !== undefined && r.level !== query.level) return false;
    if (query.status !== undefined && r.status !== query.status) return false;
    if (query.type !== undefined && r.type !== query.type) return false;
    if (query.enabled !== undefined && r.enabled !== query.enabled) return false;
    if (tag !== undefined && !r.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (query.logsource !== undefined && !logsourceMatches(r, query.logsource)) return false;
    if (q !== undefined) {
      const hay = `${r.title}\n${r.id}\n${r.name ?? ''}\n${r.description ?? ''}`.toLowerCase();
      if (!hay.includes(q)) return false;
    }
    return true;
  });
  const start = query.after === undefined ? 0 : matching.findIndex((r) => r.id > (query.after as string));
  const from = start < 0 ? matching.length : start;
  const page = matching.slice(from, from + query.limit);
  const last = page[page.length - 1];
  return {
    rules: page,
    total: matching.length,
    ...(from + query.limit < matching.length && last ? { next: last.id } : {}),
  };
}
