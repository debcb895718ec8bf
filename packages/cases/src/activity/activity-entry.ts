/**
 * One change to an alert or incident, for the activity timeline: who, when, what, before/after.
 * Automatic changes use actors such as `system:grouper` or `system:sla`.
 */
export interface ActivityEntry {
  /** Epoch ms. */
  at: number;
  actor: string;
  /** What happened, e.g. `created`, `status_changed`, `alert_added`, `merged`, `sla_breached`. */
  action: string;
  /** The field that changed, when one did. */
  field?: string;
  before?: unknown;
  after?: unknown;
  /** Human-readable detail, e.g. a comment or a grouping reason. */
  note?: string;
}

/** Builds an activity entry, leaving out undefined parts (exactOptionalPropertyTypes-friendly). */
export function activity(
  at: number,
  actor: string,
  action: string,
  parts: { field?: string; before?: unknown; after?: unknown; note?: string | undefined } = {},
): ActivityEntry {
  const entry: ActivityEntry = { at, actor, action };
  if (parts.field !== undefined) entry.field = parts.field;
  if ('before' in parts) entry.before = parts.before;
  if ('after' in parts) entry.after = parts.after;
  if (parts.note !== undefined) entry.note = parts.note;
  return entry;
}
