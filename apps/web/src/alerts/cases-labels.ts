// Names and orders of the alert and incident enums (packages/cases), for filters, selects and tables.

export const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const STATUSES = ['open', 'in_progress', 'closed'] as const;
export type CaseStatus = (typeof STATUSES)[number];
export const VERIFICATIONS = ['unknown', 'true_positive', 'false_positive'] as const;
export const CLOSE_REASONS = ['resolved', 'false_detection', 'duplicate', 'other'] as const;
export const IR_STAGES = [
  'preparation',
  'detection_analysis',
  'containment',
  'eradication',
  'recovery',
  'post_incident',
] as const;

const NAMES: Readonly<Record<string, string>> = {
  informational: 'Informational',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
  open: 'Open',
  in_progress: 'In progress',
  closed: 'Closed',
  unknown: 'Unknown',
  true_positive: 'True positive',
  false_positive: 'False positive',
  resolved: 'Resolved',
  false_detection: 'False detection',
  duplicate: 'Duplicate',
  other: 'Other',
  preparation: 'Preparation',
  detection_analysis: 'Detection & analysis',
  containment: 'Containment',
  eradication: 'Eradication',
  recovery: 'Recovery',
  post_incident: 'Post-incident',
  none: 'No SLA',
  pending: 'Pending',
  met: 'Met',
  breached: 'Breached',
};

/** `in_progress` → `In progress`; an unknown value is shown as sent. */
export const label = (value: string): string => NAMES[value] ?? value;
