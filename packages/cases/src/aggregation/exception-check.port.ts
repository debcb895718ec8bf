import type { Detection } from '../alerts/detection.ts';

/** The local exception that covered a detection. */
export interface ExceptionMatch {
  id: string;
  reason?: string;
}

/**
 * Supplied by the detection side: rule-local exceptions (conditions + reason + owner + expiry, stored apart
 * from the rule). Applied before an alert exists; every covered hit is counted.
 */
export interface ExceptionCheck {
  match(detection: Detection, now: number): ExceptionMatch | undefined | Promise<ExceptionMatch | undefined>;
}
