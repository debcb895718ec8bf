import type { CorrelationHit } from '@vigil/sigma';
import { correlationOutputDocument } from '../rules/rule-exception.ts';
import type { OutputExceptions } from './compile-workspace.ts';

/**
 * Ids of the exceptions of the hit's correlation rule that accept this hit (its output document
 * matches their conditions), ignoring those expired at `now`. Empty: report the hit.
 */
export function correlationExceptionsOf(ex: OutputExceptions, h: CorrelationHit, now: number): string[] {
  if (ex.ruleset === undefined) return [];
  const doc = correlationOutputDocument({ ...h, eventCount: h.eventIndexes.length });
  const out: string[] = [];
  for (const i of ex.ruleset.matchIndexes(doc)) {
    const e = ex.byIndex[i];
    if (e === undefined || e.ruleId !== h.ruleId) continue;
    if (e.expiresAt !== undefined && e.expiresAt <= now) continue;
    out.push(e.id);
  }
  return out;
}
