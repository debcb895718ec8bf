import type { SuppressionRule } from './suppression-rule.ts';

/** Suppression rules, scoped by workspace. */
export interface SuppressionRuleRepository {
  create(rule: SuppressionRule): Promise<void>;
  get(workspace: string, id: string): Promise<SuppressionRule | undefined>;
  /** Rules active at `now` (startsAt ≤ now < expiresAt). */
  listActive(workspace: string, now: number): Promise<SuppressionRule[]>;
  /** Every rule, expired ones too, ordered by id. */
  list(workspace: string): Promise<SuppressionRule[]>;
  /** Replaces a stored rule (same workspace and id); false when it does not exist. */
  update(rule: SuppressionRule): Promise<boolean>;
  /** Ends a rule early; false when it does not exist. */
  delete(workspace: string, id: string): Promise<boolean>;
}
