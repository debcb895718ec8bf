/** Why a detection did not become (or fold into) an alert. */
export type SuppressedKind = 'suppressed' | 'excepted';

/** One detection stopped by a suppression rule or a local exception: kept so it stays viewable. */
export interface SuppressedHit {
  workspace: string;
  ruleId: string;
  kind: SuppressedKind;
  /** The suppression rule or exception id. */
  by: string;
  /** Platform time, epoch ms. */
  at: number;
  eventIds: string[];
}

/** Per-rule counters of suppressed and excepted hits. */
export interface SuppressionCount {
  ruleId: string;
  suppressed: number;
  excepted: number;
  /** Suppression rule / exception id → hits it stopped. */
  by: Record<string, number>;
  lastAt: number;
}
