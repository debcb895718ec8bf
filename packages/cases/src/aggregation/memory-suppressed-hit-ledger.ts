import type { SuppressedHit, SuppressionCount } from './suppressed-hit.ts';
import type { SuppressedHitLedger } from './suppressed-hit.port.ts';

/** In-memory `SuppressedHitLedger`: exact counters and the last `keep` hits per workspace. */
export class MemorySuppressedHitLedger implements SuppressedHitLedger {
  readonly #counts = new Map<string, Map<string, SuppressionCount>>();
  readonly #hits = new Map<string, SuppressedHit[]>();
  readonly #keep: number;

  constructor(keep = 1000) {
    this.#keep = keep;
  }

  record(workspace: string, hits: readonly SuppressedHit[]): Promise<void> {
    let counts = this.#counts.get(workspace);
    if (counts === undefined) this.#counts.set(workspace, (counts = new Map<string, SuppressionCount>()));
    const recent = this.#hits.get(workspace) ?? [];
    for (const hit of hits) {
      const c = counts.get(hit.ruleId) ?? {
        ruleId: hit.ruleId,
        suppressed: 0,
        excepted: 0,
        by: {},
        lastAt: 0,
      };
      c[hit.kind] += 1;
      c.by[hit.by] = (c.by[hit.by] ?? 0) + 1;
      c.lastAt = Math.max(c.lastAt, hit.at);
      counts.set(hit.ruleId, c);
      recent.push(structuredClone(hit));
    }
    this.#hits.set(workspace, recent.slice(-this.#keep));
    return Promise.resolve();
  }

  counts(workspace: string, ruleId?: string): Promise<SuppressionCount[]> {
    const rows = [...(this.#counts.get(workspace)?.values() ?? [])]
      .filter((c) => ruleId === undefined || c.ruleId === ruleId)
      .sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
    return Promise.resolve(structuredClone(rows));
  }

  recent(workspace: string, options: { ruleId?: string; limit?: number } = {}): Promise<SuppressedHit[]> {
    const rows = (this.#hits.get(workspace) ?? [])
      .filter((h) => options.ruleId === undefined || h.ruleId === options.ruleId)
      .reverse()
      .slice(0, options.limit ?? 100);
    return Promise.resolve(structuredClone(rows));
  }
}
