import { isVigilError, type StoredRecord } from '@vigil/core';
import type { ScheduledRuleStore, ScheduledRun } from '@vigil/cases';

export type ClaimResult =
  | { kind: 'claimed'; entry: StoredRecord<ScheduledRun> }
  /** Someone finished (or gave up on) an entry starting there: coverage may move to its `end`. */
  | { kind: 'covered'; end: number }
  /** Another runner holds it right now. */
  | { kind: 'busy' };

export interface ClaimPolicy {
  maxAttempts: number;
  /** A `running` entry older than this belongs to a runner that died: it may be taken over. */
  leaseMs: number;
}

/**
 * Claims the ledger entry of `entry.start` for this runner: creates it (atomic: the id is unique), or
 * takes over a claim that failed with attempts left or whose runner died, by an optimistic update so
 * one runner wins. A run taking over counts one more attempt; a gap simply replaces the entry.
 */
export async function claimInterval(
  store: ScheduledRuleStore,
  workspace: string,
  entry: ScheduledRun,
  policy: ClaimPolicy,
): Promise<ClaimResult> {
  const created = await store.claimRun(workspace, entry);
  if (created !== undefined) return { kind: 'claimed', entry: created };
  const existing = await store.getRun(workspace, entry.ruleId, entry.start);
  if (existing === undefined) return { kind: 'busy' };
  const e = existing.data;
  if (
    e.status === 'ok' ||
    e.status === 'gap' ||
    (e.status === 'failed' && e.attempts >= policy.maxAttempts)
  ) {
    return { kind: 'covered', end: e.end };
  }
  if (e.status === 'running' && entry.claimedAt - e.claimedAt < policy.leaseMs) return { kind: 'busy' };
  const next = entry.status === 'running' ? { ...entry, attempts: e.attempts + 1 } : entry;
  try {
    return { kind: 'claimed', entry: await store.updateRun(workspace, existing.version, next) };
  } catch (err) {
    if (isVigilError(err) && err.code === 'VERSION_CONFLICT') return { kind: 'busy' };
    throw err;
  }
}
