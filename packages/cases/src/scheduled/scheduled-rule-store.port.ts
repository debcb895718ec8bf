import type { StoredRecord } from '@vigil/core';
import type { ScheduledRule } from './scheduled-rule.ts';
import type { ScheduledRuleState } from './scheduled-rule-state.ts';
import type { ScheduledRun } from './scheduled-run.ts';
import type { LedgerCutoff } from './ledger-retention.ts';

/** Definitions (versioned), scheduler state and the run ledger of scheduled rules, per workspace. */
export interface ScheduledRuleStore {
  listRules(
    workspace: string,
    options?: { limit?: number; after?: string },
  ): Promise<StoredRecord<ScheduledRule>[]>;
  getRule(workspace: string, id: string): Promise<StoredRecord<ScheduledRule> | undefined>;
  createRule(workspace: string, id: string, rule: ScheduledRule): Promise<StoredRecord<ScheduledRule>>;
  /** VERSION_CONFLICT (409) when `expectedVersion` is stale, RECORD_NOT_FOUND (404) when gone. */
  updateRule(
    workspace: string,
    id: string,
    expectedVersion: number,
    rule: ScheduledRule,
  ): Promise<StoredRecord<ScheduledRule>>;
  /** Deletes the definition and its scheduler state; the ledger goes with the next `deleteRuns` pass. */
  deleteRule(workspace: string, id: string): Promise<boolean>;

  getState(workspace: string, ruleId: string): Promise<StoredRecord<ScheduledRuleState> | undefined>;
  /** Creates the state, or returns the one another runner created first. */
  initState(
    workspace: string,
    ruleId: string,
    state: ScheduledRuleState,
  ): Promise<StoredRecord<ScheduledRuleState>>;
  /** VERSION_CONFLICT when another runner saved meanwhile. */
  saveState(
    workspace: string,
    ruleId: string,
    expectedVersion: number,
    state: ScheduledRuleState,
  ): Promise<StoredRecord<ScheduledRuleState>>;
  /** Replaces the state whatever its version (enable resets coverage). */
  resetState(workspace: string, ruleId: string, state: ScheduledRuleState): Promise<void>;

  /** Atomically claims `[run.start, …)` of the rule: undefined when an entry already exists. */
  claimRun(workspace: string, run: ScheduledRun): Promise<StoredRecord<ScheduledRun> | undefined>;
  getRun(workspace: string, ruleId: string, start: number): Promise<StoredRecord<ScheduledRun> | undefined>;
  /** Updates a claimed entry; VERSION_CONFLICT when another runner took it over meanwhile. */
  updateRun(
    workspace: string,
    expectedVersion: number,
    run: ScheduledRun,
  ): Promise<StoredRecord<ScheduledRun>>;
  /** Ledger entries of a rule with `start ≥ from`, oldest first. */
  listRuns(
    workspace: string,
    ruleId: string,
    options: { from: number; limit: number },
  ): Promise<ScheduledRun[]>;
  /** Ids of the rules that have ledger entries (deleted rules included), in id order, after `after`. */
  listLedgerRuleIds(workspace: string, options: { after?: string; limit: number }): Promise<string[]>;
  /** Removes a rule's ledger entries past `cutoff` (all of them when undefined); resolves with how many. */
  deleteRuns(workspace: string, ruleId: string, cutoff: LedgerCutoff | undefined): Promise<number>;
}
