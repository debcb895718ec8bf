import type { MetadataStore } from '@vigil/core';
import { RULE_STATS_KIND } from '../detection/rule-stats-store.ts';
import type { RuleCounters } from '../detection/workspace-detector.ts';

export interface RuleHealth {
  /** Matches recorded for the rule (every process, as of the last counter flush). */
  hits: number;
  /**
   * When a hit was last recorded: the persisted counters change only when the rule matched (or an
   * exception suppressed a match), so their record's update time is the last hit, to one flush (~10 s).
   */
  lastHit?: number;
}

/** Rule id → hits and last hit, from the persisted per-rule counters (one paged read per workspace). */
export async function ruleHealth(
  metadata: MetadataStore,
  workspace: string,
): Promise<Map<string, RuleHealth>> {
  const repo = metadata.repository<RuleCounters>(RULE_STATS_KIND);
  const out = new Map<string, RuleHealth>();
  for (let after: string | undefined; ;) {
    const page = await repo.list(workspace, { limit: 1000, ...(after === undefined ? {} : { after }) });
    for (const r of page) {
      const hits = r.data.matches;
      out.set(r.id, { hits, ...(hits + r.data.suppressed > 0 ? { lastHit: r.updatedAt } : {}) });
    }
    if (page.length < 1000) return out;
    after = page[page.length - 1]?.id;
  }
}
