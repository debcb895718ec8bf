/**
 * The domain event the detection side publishes for every rule match (issue 3 → issue 5).
 * A single-event match carries one event; a correlation hit carries the correlated events and
 * the group-by values. Events are stored ECS documents (`vigil.id` is their id).
 */
export interface DetectionRuleRef {
  id: string;
  /** Vigil's rule version (rule management increments it on every change). */
  version?: number;
  title: string;
  description?: string;
  /** Sigma `level`. */
  level?: string;
  /** Sigma `status` (stable, test, experimental…): sets the default confidence. */
  status?: string;
  tags: readonly string[];
  logsource?: { product?: string; category?: string; service?: string };
  /** Remediation advice kept with the rule, copied onto the alert. */
  remediation?: string;
}

export const detectionKinds = ['event', 'correlation', 'scheduled', 'api', 'import'] as const;
export type DetectionKind = (typeof detectionKinds)[number];

export interface Detection {
  /** Deterministic id from the detection stage (rule, version, events): intake skips ids it already processed. */
  id?: string;
  workspace: string;
  rule: DetectionRuleRef;
  kind: DetectionKind;
  /** Sigma correlation type (`event_count`, `temporal`…) for correlation hits. */
  correlationType?: string;
  /** The matching event(s), as stored. */
  events: readonly Record<string, unknown>[];
  /** Ids of the events when they are not in `vigil.id` (or the events were left out to keep messages small). */
  eventIds?: readonly string[];
  /** Group-by field → value shared by a correlation's events. */
  group?: Readonly<Record<string, unknown>>;
  /** Event time of the (latest) matching event, epoch ms. */
  time: number;
  /** Where the events came from, e.g. `windows/sysmon`; defaults to the events' `event.dataset`. */
  dataSource?: string;
  /** 0–100, when the detection knows better than the rule status. */
  confidence?: number;
}
