import { isVigilError, type MetadataStore, type StoredRecord } from '@vigil/core';
import type { ScheduledRule } from './scheduled-rule.ts';
import type { ScheduledRuleState } from './scheduled-rule-state.ts';
import type { ScheduledRuleStore } from './scheduled-rule-store.port.ts';
import { runKey, type ScheduledRun } from './scheduled-run.ts';
import { ledgerEntryExpired, ledgerScanEnd, type LedgerCutoff } from './ledger-retention.ts';

export const SCHEDULED_RULE_KIND = 'scheduled-rule';
export const SCHEDULED_STATE_KIND = 'scheduled-rule-state';
export const SCHEDULED_RUN_KIND = 'scheduled-rule-run';

const exists = (err: unknown): boolean => isVigilError(err) && err.code === 'RECORD_EXISTS';

/**
 * The scheduled-rule store on the generic records table (SQLite and PostgreSQL alike): the record's
 * version versions the definition, and the ledger id's uniqueness is the per-interval claim.
 */
export class RecordScheduledRuleStore implements ScheduledRuleStore {
  readonly #metadata: MetadataStore;

  constructor(metadata: MetadataStore) {
    this.#metadata = metadata;
  }

  get #rules() {
    return this.#metadata.repository<ScheduledRule>(SCHEDULED_RULE_KIND);
  }
  get #states() {
    return this.#metadata.repository<ScheduledRuleState>(SCHEDULED_STATE_KIND);
  }
  get #runs() {
    return this.#metadata.repository<ScheduledRun>(SCHEDULED_RUN_KIND);
  }

  listRules(workspace: string, options: { limit?: number; after?: string } = {}) {
    return this.#rules.list(workspace, options);
  }
  getRule(workspace: string, id: string) {
    return this.#rules.get(workspace, id);
  }
  createRule(workspace: string, id: string, rule: ScheduledRule) {
    return this.#rules.create(workspace, id, rule);
  }
  updateRule(workspace: string, id: string, expectedVersion: number, rule: ScheduledRule) {
    return this.#rules.update(workspace, id, expectedVersion, rule);
  }
  async deleteRule(workspace: string, id: string): Promise<boolean> {
    const deleted = await this.#rules.delete(workspace, id);
    if (deleted) await this.#states.delete(workspace, id);
    return deleted;
  }

  getState(workspace: string, ruleId: string) {
    return this.#states.get(workspace, ruleId);
  }
  async initState(
    workspace: string,
    ruleId: string,
    state: ScheduledRuleState,
  ): Promise<StoredRecord<ScheduledRuleState>> {
    try {
      return await this.#states.create(workspace, ruleId, state);
    } catch (err) {
      const found = exists(err) ? await this.#states.get(workspace, ruleId) : undefined;
      if (found === undefined) throw err;
      return found;
    }
  }
  saveState(workspace: string, ruleId: string, expectedVersion: number, state: ScheduledRuleState) {
    return this.#states.update(workspace, ruleId, expectedVersion, state);
  }
  async resetState(workspace: string, ruleId: string, state: ScheduledRuleState): Promise<void> {
    for (;;) {
      const current = await this.#states.get(workspace, ruleId);
      try {
        if (current === undefined) await this.#states.create(workspace, ruleId, state);
        else await this.#states.update(workspace, ruleId, current.version, state);
        return;
      } catch (err) {
        // Lost a race with a runner saving the old state: read again and replace it.
        if (!(isVigilError(err) && (err.code === 'VERSION_CONFLICT' || err.code === 'RECORD_EXISTS')))
          throw err;
      }
    }
  }

  async claimRun(workspace: string, run: ScheduledRun): Promise<StoredRecord<ScheduledRun> | undefined> {
    try {
      return await this.#runs.create(workspace, runKey(run.ruleId, run.start), run);
    } catch (err) {
      if (exists(err)) return undefined;
      throw err;
    }
  }
  getRun(workspace: string, ruleId: string, start: number) {
    return this.#runs.get(workspace, runKey(ruleId, start));
  }
  updateRun(workspace: string, expectedVersion: number, run: ScheduledRun) {
    return this.#runs.update(workspace, runKey(run.ruleId, run.start), expectedVersion, run);
  }
  async listRuns(
    workspace: string,
    ruleId: string,
    options: { from: number; limit: number },
  ): Promise<ScheduledRun[]> {
    const prefix = `${ruleId}/`;
    // Keyset: ids sort by start, so "after the key just before `from`" starts the page at `from`.
    const after = options.from <= 0 ? prefix : runKey(ruleId, options.from - 1);
    const page = await this.#runs.list(workspace, { after, limit: options.limit });
    return page.filter((r) => r.id.startsWith(prefix)).map((r) => r.data);
  }
  async listLedgerRuleIds(workspace: string, options: { after?: string; limit: number }): Promise<string[]> {
    const ids: string[] = [];
    // Skip-scan: one read per rule, jumping past the last possible key of the rule just found.
    let after = options.after === undefined ? '' : runKey(options.after, LAST_START);
    while (ids.length < options.limit) {
      const [next] = await this.#runs.list(workspace, { after, limit: 1 });
      if (next === undefined) break;
      ids.push(next.data.ruleId);
      after = runKey(next.data.ruleId, LAST_START);
    }
    return ids;
  }
  async deleteRuns(workspace: string, ruleId: string, cutoff: LedgerCutoff | undefined): Promise<number> {
    const prefix = `${ruleId}/`;
    const scanEnd = ledgerScanEnd(cutoff);
    let after = prefix;
    let removed = 0;
    for (;;) {
      const page = await this.#runs.list(workspace, { after, limit: 500 });
      for (const r of page) {
        if (!r.id.startsWith(prefix) || r.data.start >= scanEnd) return removed;
        if (ledgerEntryExpired(r.data, cutoff) && (await this.#runs.delete(workspace, r.id))) removed++;
      }
      const last = page.at(-1);
      if (last === undefined || page.length < 500) return removed;
      after = last.id;
    }
  }
}

/** The largest start `runKey` can write (15 digits), so `runKey(id, LAST_START)` ends a rule's keys. */
const LAST_START = 999_999_999_999_999;
