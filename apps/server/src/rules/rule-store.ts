import { operationalError, userError } from '@vigil/core';
import type { Clock, MetadataStore, RecordRepository, StoredRecord } from '@vigil/core';
import {
  PLACEHOLDER_KIND,
  RULE_KIND,
  RULE_REVISION_KIND,
  RULE_VERSION_KIND,
  versionRecordId,
} from './stored-rule.ts';
import type { StoredRule, StoredRuleVersion } from './stored-rule.ts';

type Listener = (workspace: string) => void;

/** Values of `%name%` placeholders for the Sigma `expand` modifier. */
export type Placeholders = Record<string, string[]>;

export function ruleNotFound(id: string) {
  return userError('RULE_NOT_FOUND', `rule ${JSON.stringify(id)} was not found`, {
    status: 404,
    details: { id },
  });
}

/**
 * The workspace's Sigma rules over the metadata store: current rules (`sigma-rule`), their text
 * history (`sigma-rule-version`) and a per-workspace revision (`rule-revision`) that moves on every
 * change, so detection in this and other processes knows when to recompile.
 */
export class RuleStore {
  readonly rules: RecordRepository<StoredRule>;
  readonly versionRecords: RecordRepository<StoredRuleVersion>;
  private readonly revisions: RecordRepository<{ changedAt: number }>;
  private readonly placeholderRecords: RecordRepository<{ values: Placeholders }>;
  private readonly listeners = new Set<Listener>();

  readonly metadata: MetadataStore;
  readonly clock: Clock;

  constructor(metadata: MetadataStore, clock: Clock) {
    this.metadata = metadata;
    this.clock = clock;
    this.rules = metadata.repository<StoredRule>(RULE_KIND);
    this.versionRecords = metadata.repository<StoredRuleVersion>(RULE_VERSION_KIND);
    this.revisions = metadata.repository<{ changedAt: number }>(RULE_REVISION_KIND);
    this.placeholderRecords = metadata.repository<{ values: Placeholders }>(PLACEHOLDER_KIND);
  }

  /** Calls `listener(workspace)` after every change made through this store (this process). */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The workspace's rule revision: 0 before any change; moves on every change of rules or exceptions. */
  async revision(workspace: string): Promise<number> {
    return (await this.revisions.get(workspace, 'current'))?.version ?? 0;
  }

  /** Records that the workspace's rules or exceptions changed (revision + local listeners). */
  async touch(workspace: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const cur = await this.revisions.get(workspace, 'current');
        const data = { changedAt: this.clock.now() };
        if (cur) await this.revisions.update(workspace, 'current', cur.version, data);
        else await this.revisions.create(workspace, 'current', data);
        break;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if ((code !== 'VERSION_CONFLICT' && code !== 'RECORD_EXISTS') || attempt === 4) throw err;
      }
    }
    for (const l of this.listeners) l(workspace);
  }

  /** The workspace's `expand` placeholder values (rules using others are rejected). */
  async placeholders(workspace: string): Promise<Placeholders> {
    return (await this.placeholderRecords.get(workspace, 'current'))?.data.values ?? {};
  }

  /** Replaces the placeholder values; rules compile with them from now on (imports validate with them). */
  async setPlaceholders(workspace: string, values: Placeholders): Promise<void> {
    const cur = await this.placeholderRecords.get(workspace, 'current');
    if (cur) await this.placeholderRecords.update(workspace, 'current', cur.version, { values });
    else await this.placeholderRecords.create(workspace, 'current', { values });
    await this.touch(workspace);
  }

  /** Every rule of the workspace, ordered by id. */
  async all(workspace: string): Promise<StoredRecord<StoredRule>[]> {
    const out: StoredRecord<StoredRule>[] = [];
    for (let after: string | undefined; ;) {
      const page = await this.rules.list(workspace, {
        limit: 1000,
        ...(after === undefined ? {} : { after }),
      });
      out.push(...page);
      if (page.length < 1000) return out;
      after = page[page.length - 1]?.id;
    }
  }

  async get(workspace: string, id: string): Promise<StoredRecord<StoredRule>> {
    const found = await this.rules.get(workspace, id);
    if (!found) throw ruleNotFound(id);
    return found;
  }

  /** The text history of a rule, oldest first. */
  async versions(workspace: string, rule: StoredRule): Promise<StoredRuleVersion[]> {
    const out: StoredRuleVersion[] = [];
    for (let v = 1; v <= rule.ruleVersion; v++) {
      const r = await this.versionRecords.get(workspace, versionRecordId(rule.id, v));
      if (r) out.push(r.data);
    }
    return out;
  }

  async setEnabled(workspace: string, id: string, enabled: boolean): Promise<StoredRecord<StoredRule>> {
    const cur = await this.get(workspace, id);
    if (cur.data.enabled === enabled) return cur;
    const updated = await this.rules.update(workspace, id, cur.version, { ...cur.data, enabled });
    await this.touch(workspace);
    return updated;
  }

  /**
   * Enables or disables many rules as one change: every id is checked first (nothing is written when
   * one is unknown); a failed write undoes the writes before it; one revision move at the end.
   */
  async setEnabledMany(
    workspace: string,
    ids: readonly string[],
    enabled: boolean,
  ): Promise<{ changed: string[]; unchanged: string[] }> {
    const found: StoredRecord<StoredRule>[] = [];
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const r = await this.rules.get(workspace, id);
      if (r) found.push(r);
      else missing.push(id);
    }
    if (missing.length > 0)
      throw userError(
        'RULE_NOT_FOUND',
        `${missing.length} of the rules were not found (first: ${JSON.stringify(missing[0])}); nothing was changed`,
        { status: 404, details: { field: 'ids', missing: missing.slice(0, 100) } },
      );
    const toChange = found.filter((r) => r.data.enabled !== enabled);
    const done: StoredRecord<StoredRule>[] = [];
    try {
      for (const r of toChange)
        done.push(await this.rules.update(workspace, r.id, r.version, { ...r.data, enabled }));
    } catch (err) {
      const stuck = await this.undoEnabled(workspace, done, !enabled);
      await this.touch(workspace);
      if (stuck.length === 0) throw err;
      throw operationalError(
        'RULES_BULK_PARTIAL',
        `a write failed and ${stuck.length} rules could not be set back; retry the action`,
        { cause: err, details: { field: 'ids', notRestored: stuck.slice(0, 100) } },
      );
    }
    if (done.length > 0) await this.touch(workspace);
    return {
      changed: toChange.map((r) => r.id),
      unchanged: found.filter((r) => r.data.enabled === enabled).map((r) => r.id),
    };
  }

  /** Sets `enabled` back on records written by a failed bulk change; returns the ids it could not. */
  private async undoEnabled(
    workspace: string,
    done: readonly StoredRecord<StoredRule>[],
    enabled: boolean,
  ): Promise<string[]> {
    const stuck: string[] = [];
    for (const u of [...done].reverse()) {
      try {
        await this.rules.update(workspace, u.id, u.version, { ...u.data, enabled });
      } catch {
        stuck.push(u.id);
      }
    }
    return stuck;
  }

  /** Deletes a rule and its history. Its exceptions stay: they apply again if the rule comes back. */
  async delete(workspace: string, id: string): Promise<void> {
    const cur = await this.get(workspace, id);
    await this.rules.delete(workspace, id);
    for (let v = 1; v <= cur.data.ruleVersion; v++)
      await this.versionRecords.delete(workspace, versionRecordId(id, v));
    await this.touch(workspace);
  }
}
