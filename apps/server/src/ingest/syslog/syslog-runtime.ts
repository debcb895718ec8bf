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

/** Refusals a workspace can be told about: messages with its revoked or expired tokens. */
export interface AttributedRefusalRow extends SyslogRefusalRow {
  workspace: string;
  /** The source label the messages had while the token was valid. */
  source: string;
}

/**
 * State the syslog listeners share with the API: refusal counters (refused records have no
 * workspace yet, so they cannot go into the per-source counters) and a change counter that the
 * sources API bumps so listeners reload the registered client certificates at once.
 */
export class SyslogRuntime {
  readonly #refused = new Map<string, SyslogRefusalRow>();
  readonly #attributed = new Map<string, AttributedRefusalRow>();
  readonly #bound = new Map<string, number>();
  #generation = 0;

  /** Records the port a listener bound (it differs from the configured one when that is 0). */
  listenerBound(listener: string, port: number): void {
    this.#bound.set(listener, port);
  }

  /** The bound port of a listener that started, undefined otherwise. */
  boundPort(listener: string): number | undefined {
    return this.#bound.get(listener);
  }

  /**
   * Counts refused messages by listener and reason; `attributed` also counts them for the workspace
   * and source a refused token belonged to (the server-wide row still includes them).
   */
  refuse(
    listener: string,
    reason: SyslogRefusalReason,
    count: number,
    bytes: number,
    attributed?: { workspace: string; source: string },
  ): void {
    if (attributed !== undefined) {
      const key = [attributed.workspace, attributed.source, listener, reason].join('\u0000');
      let row = this.#attributed.get(key);
      if (row === undefined) {
        row = { ...attributed, listener, reason, count: 0, bytes: 0 };
        this.#attributed.set(key, row);
      }
      row.count += count;
      row.bytes += bytes;
    }
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

  /** The refusals attributed to sources of one workspace. */
  attributedRefusals(workspace: string): AttributedRefusalRow[] {
    return [...this.#attributed.values()].filter((r) => r.workspace === workspace).map((r) => ({ ...r }));
  }

  /** Bumped by every change of the syslog source registry. */
  get generation(): number {
    return this.#generation;
  }

  sourcesChanged(): void {
    this.#generation++;
  }
}
