import { silentLogger, type Clock, type Logger, type VigilEvent } from '@vigil/core';
import { eventView, routeKeys } from '@vigil/sigma';
import { MAX_SEEN_KEYS, mergeSeen, type DataSeenStore } from './data-seen-store.ts';

/**
 * Which logsources have data: the detection stage shows it every batch; the tracker notes, per
 * workspace, the route keys of the events (the same keys rules are routed by) with the time it saw
 * them, in memory, and adds them to the store when flushed (with the rule counters, every ~10 s).
 * Chosen over querying the event store because events carry no logsource: deriving one would mean
 * re-routing stored events, and a bounded scan could miss a rare logsource entirely.
 */
export class DataSeenTracker {
  private pending = new Map<string, Map<string, number>>();
  private readonly store: DataSeenStore;
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(store: DataSeenStore, clock: Clock, logger: Logger = silentLogger) {
    this.store = store;
    this.clock = clock;
    this.logger = logger;
  }

  /** Notes the logsources of a batch (synchronous and cheap: one routing pass per event). */
  observe(events: readonly VigilEvent[]): void {
    try {
      this.note(events);
    } catch (err) {
      // Bookkeeping only: it must never cost detection its batch.
      this.logger.warn({ err }, 'logsources of a batch could not be noted');
    }
  }

  private note(events: readonly VigilEvent[]): void {
    const now = this.clock.now();
    for (const event of events) {
      const view = eventView(event);
      if (view === undefined) continue;
      const ws = event.vigil.workspace;
      let keys = this.pending.get(ws);
      if (!keys) {
        keys = new Map();
        this.pending.set(ws, keys);
      }
      for (const key of routeKeys(view)) if (keys.size < MAX_SEEN_KEYS || keys.has(key)) keys.set(key, now);
    }
  }

  /** Saves what was observed since the last flush; a failed workspace is kept for the next flush. */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    for (const [ws, keys] of batch) {
      try {
        await this.store.add(ws, keys);
      } catch (err) {
        const again = this.pending.get(ws) ?? new Map<string, number>();
        for (const [k, at] of keys) if (!((again.get(k) ?? 0) >= at)) again.set(k, at);
        this.pending.set(ws, again);
        this.logger.warn({ err, workspace: ws }, 'logsource last-seen times could not be saved');
      }
    }
  }

  /** Route key → last seen (epoch ms): stored times of every process plus this one's unsaved ones. */
  async lastSeen(workspace: string): Promise<Record<string, number>> {
    const stored = await this.store.get(workspace);
    const pending = this.pending.get(workspace);
    return pending ? mergeSeen({ ...stored }, pending) : stored;
  }
}
