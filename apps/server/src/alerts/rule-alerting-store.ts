import type { Clock, MetadataStore, RecordRepository } from '@vigil/core';
import { dedupPolicyOf, type DedupPolicy, type RuleAlerting } from '@vigil/cases';

/** Record kind of rules' alerting settings (id = rule id), apart from the rule so rule updates keep them. */
export const RULE_ALERTING_KIND = 'rule-alerting';

/** How long the alert pipeline trusts what it read; another process's change applies within this. */
const CACHE_MS = 30_000;

/**
 * Rules' alerting settings (dedup fields and window) in the records table. The alert pipeline asks per
 * detection, so a workspace's settings are read in one list and cached briefly; a change made through
 * this store clears that workspace at once.
 */
export class RuleAlertingStore {
  readonly #repo: RecordRepository<RuleAlerting>;
  readonly #clock: Clock;
  readonly #cache = new Map<string, { at: number; byRule: Promise<Map<string, DedupPolicy>> }>();

  constructor(metadata: MetadataStore, clock: Clock) {
    this.#repo = metadata.repository<RuleAlerting>(RULE_ALERTING_KIND);
    this.#clock = clock;
  }

  async get(
    workspace: string,
    ruleId: string,
  ): Promise<{ settings: RuleAlerting; version: number } | undefined> {
    const found = await this.#repo.get(workspace, ruleId);
    return found === undefined ? undefined : { settings: found.data, version: found.version };
  }

  async put(workspace: string, settings: RuleAlerting): Promise<RuleAlerting> {
    const current = await this.#repo.get(workspace, settings.ruleId);
    if (current === undefined) await this.#repo.create(workspace, settings.ruleId, settings);
    else await this.#repo.update(workspace, settings.ruleId, current.version, settings);
    this.#cache.delete(workspace);
    return settings;
  }

  /** True when there was something to remove (the rule is back on the defaults). */
  async delete(workspace: string, ruleId: string): Promise<boolean> {
    const deleted = await this.#repo.delete(workspace, ruleId);
    this.#cache.delete(workspace);
    return deleted;
  }

  /** The dedup policy of a rule, or undefined for the defaults (what the aggregator asks). */
  async dedupPolicy(workspace: string, ruleId: string): Promise<DedupPolicy | undefined> {
    const now = this.#clock.now();
    let entry = this.#cache.get(workspace);
    if (entry === undefined || now - entry.at > CACHE_MS) {
      entry = { at: now, byRule: this.#load(workspace) };
      this.#cache.set(workspace, entry);
      // A failed read must not stick: the next detection tries again.
      entry.byRule.catch(() => this.#cache.delete(workspace));
    }
    return (await entry.byRule).get(ruleId);
  }

  async #load(workspace: string): Promise<Map<string, DedupPolicy>> {
    const out = new Map<string, DedupPolicy>();
    for (let after: string | undefined; ;) {
      const page = await this.#repo.list(workspace, {
        limit: 1000,
        ...(after === undefined ? {} : { after }),
      });
      for (const r of page) out.set(r.id, dedupPolicyOf(r.data));
      if (page.length < 1000) return out;
      after = page.at(-1)?.id;
    }
  }
}
