import type { ScheduledRuleView } from './scheduled-rules-api.ts';

const OPERATORS: Readonly<Record<string, string>> = { gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=' };

/** A trigger in one line: `count() ≥ 10 by source.ip`. */
export function triggerText(r: Pick<ScheduledRuleView, 'trigger'>): string {
  const t = r.trigger;
  const fn = t.kind === 'count' ? 'count()' : `${t.fn}(${t.field ?? ''})`;
  const by = t.groupBy.length > 0 ? ` by ${t.groupBy.join(', ')}` : '';
  return `${fn} ${OPERATORS[t.operator] ?? t.operator} ${t.threshold}${by}`;
}

/** An interval in the largest whole unit: `5 min`, `1 h`, `90 s`. */
export function everyText(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
