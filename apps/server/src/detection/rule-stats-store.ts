import type { MetadataStore, RecordRepository } from '@vigil/core';
import type { RuleCounters } from './workspace-detector.ts';

/** Metadata kind of the persisted per-rule counters (id = rule id). */
export const RULE_STATS_KIND = 'rule-stats';

export function emptyCounters(): RuleCounters {
  return { matches: 0, suppressed: 0, byException: {} };
}

export function addCounters(into: RuleCounters, delta: RuleCounters): RuleCounters {
  into.matches += delta.matches;
  into.suppressed += delta.suppressed;
  for (const [id, n] of Object.entries(delta.byException))
    into.byException[id] = (into.byException[id] ?? 0) + n;
  return into;
}

/**
 * Per-rule detection counters that outlive the process and add up across processes: each detection
 * process adds its deltas (optimistic concurrency, retried on conflict).
 */
export class RuleStatsStore {
  private readonly repo: RecordRepository<RuleCounters>;

  constructor(metadata: MetadataStore) {
    this.repo = metadata.repository<RuleCounters>(RULE_STATS_KIND);
  }

  async get(workspace: string, ruleId: string): Promise<RuleCounters> {
    return (await this.repo.get(workspace, ruleId))?.data ?? emptyCounters();
  }

  async add(workspace: string, ruleId: string, delta: RuleCounters): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const cur = await this.repo.get(workspace, ruleId);
        if (cur)
          await this.repo.update(
            workspace,
            ruleId,
            cur.version,
            addCounters(structuredClone(cur.data), delta),
          );
        else await this.repo.create(workspace, ruleId, addCounters(emptyCounters(), delta));
        return;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if ((code !== 'VERSION_CONFLICT' && code !== 'RECORD_EXISTS') || attempt >= 5) throw err;
      }
    }
  }
}
