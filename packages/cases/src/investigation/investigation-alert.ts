import type { Alert } from '../alerts/alert.ts';

/** The part of an alert the investigation views read: stores may hand over full alerts. */
export type InvestigationAlert = Pick<
  Alert,
  'id' | 'title' | 'severity' | 'status' | 'entities' | 'eventIds' | 'firstSeenAt' | 'lastSeenAt'
>;
