/** Channels remembered for indexer acknowledgement; the oldest is forgotten beyond this. */
const MAX_CHANNELS = 10_000;

/**
 * Splunk HEC indexer acknowledgement. Vigil answers a HEC request only once its events are durable,
 * so an ack id is issued already acknowledged: the ack endpoint reports true for every id this
 * channel was given, false for any other.
 */
export class HecAcks {
  readonly #next = new Map<string, number>();

  /** A new ack id on a channel (0, 1, 2…). */
  issue(channel: string): number {
    const id = this.#next.get(channel) ?? 0;
    this.#next.delete(channel);
    this.#next.set(channel, id + 1);
    if (this.#next.size > MAX_CHANNELS) {
      const oldest = this.#next.keys().next().value;
      if (oldest !== undefined) this.#next.delete(oldest);
    }
    return id;
  }

  status(channel: string, ids: readonly number[]): Record<string, boolean> {
    const next = this.#next.get(channel) ?? 0;
    return Object.fromEntries(ids.map((id) => [String(id), Number.isInteger(id) && id >= 0 && id < next]));
  }
}
