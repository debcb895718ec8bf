import { severityRank, type Alert, type Severity } from '@vigil/cases';

type Listener = (alert: Alert) => void;

/**
 * In-process fan-out of newly created alerts to live listeners (the SSE stream). Listeners are per
 * workspace and per minimum severity; a slow or failing listener never blocks the pipeline.
 */
export class AlertNotifier {
  readonly #listeners = new Map<string, Set<{ min: number; fn: Listener }>>();
  /** Recently published alert ids: the pipeline, the API and the poller may all report the same alert. */
  readonly #recent = new Set<string>();
  readonly #remember: number;

  constructor(remember = 10_000) {
    this.#remember = remember;
  }

  /** Subscribes to new alerts of a workspace at or above `minSeverity`; returns the unsubscribe function. */
  listen(workspace: string, minSeverity: Severity, fn: Listener): () => void {
    let set = this.#listeners.get(workspace);
    if (set === undefined) this.#listeners.set(workspace, (set = new Set()));
    const entry = { min: severityRank(minSeverity), fn };
    set.add(entry);
    return () => {
      set.delete(entry);
      if (set.size === 0) this.#listeners.delete(workspace);
    };
  }

  /** Tells the listeners of each alert's workspace about it. */
  publish(alerts: readonly Alert[]): void {
    for (const alert of alerts) {
      const key = `${alert.workspace}\u0000${alert.id}`;
      if (this.#recent.has(key)) continue;
      this.#recent.add(key);
      if (this.#recent.size > this.#remember) {
        const oldest = this.#recent.values().next().value;
        if (oldest !== undefined) this.#recent.delete(oldest);
      }
      for (const l of this.#listeners.get(alert.workspace) ?? []) {
        if (severityRank(alert.severity) < l.min) continue;
        try {
          l.fn(alert);
        } catch {
          // A broken stream must not stop the others or the pipeline.
        }
      }
    }
  }

  /** Workspaces someone is listening to. */
  workspaces(): string[] {
    return [...this.#listeners.keys()];
  }

  /** Open listeners (for metrics and tests). */
  get size(): number {
    let n = 0;
    for (const set of this.#listeners.values()) n += set.size;
    return n;
  }
}
