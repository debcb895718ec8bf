/** Why a syslog message or connection was refused (a label of `vigil_syslog_refused_total`). */
export type SyslogRefusalReason =
  /** No ingest token, no registered client certificate, and unauthenticated syslog not allowed. */
  | 'unauthenticated'
  /** A token that is unknown, malformed, revoked, expired or of a disabled workspace. */
  | 'invalid_token'
  /** A valid token of an archived workspace, or one scheduled for deletion. */
  | 'workspace_not_writable'
  /** The token could not be checked (identity store unavailable). */
  | 'verify_failed'
  /** A TLS client certificate no syslog source is registered for (the connection is closed). */
  | 'unknown_certificate'
  /** UDP datagrams that arrived while the listener's buffer was full (before authentication). */
  | 'buffer_full';

export interface SyslogRefusalRow {
  listener: string;
  reason: SyslogRefusalReason;
  /** Messages (connections for unknown_certificate). */
  count: number;
  bytes: number;
}

/**
 * State the syslog listeners share with the API: refusal counters (refused records have no
 * workspace yet, so they cannot go into the per-source counters) and a change counter that the
 * sources API bumps so listeners reload the registered client certificates at once.
 */
export class SyslogRuntime {
  readonly #refused = new Map<string, SyslogRefusalRow>();
  #generation = 0;

  refuse(listener: string, reason: SyslogRefusalReason, count: number, bytes: number): void {
    const key = `${listener}\u0000${reason}`;
    let row = this.#refused.get(key);
    if (row === undefined) {
      row = { listener, reason, count: 0, bytes: 0 };
      this.#refused.set(key, row);
    }
    row.count += count;
    row.bytes += bytes;
  }

  refusals(): SyslogRefusalRow[] {
    return [...this.#refused.values()].map((r) => ({ ...r }));
  }

  /** Bumped by every change of the syslog source registry. */
  get generation(): number {
    return this.#generation;
  }

  sourcesChanged(): void {
    this.#generation++;
  }
}
