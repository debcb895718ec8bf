import type { SuppressedHit, SuppressionCount } from './suppressed-hit.ts';

/** Where suppressed and excepted hits are counted (durably in the stores) and can be viewed. */
export interface SuppressedHitLedger {
  record(workspace: string, hits: readonly SuppressedHit[]): Promise<void>;
  /** Counters per rule (one rule when `ruleId` is given), ordered by rule id. */
  counts(workspace: string, ruleId?: string): Promise<SuppressionCount[]>;
  /** The most recent hits, newest first (adapters may keep only a bounded history; counts stay exact). */
  recent(workspace: string, options?: { ruleId?: string; limit?: number }): Promise<SuppressedHit[]>;
}
