import { sourceKey, type SourceRef } from '../pipeline/source-ref.ts';

/** Counters of one source since the process started (DESIGN §1: nothing is dropped silently). */
export interface SourceCounters {
  /** Records that arrived (lines, documents, datagrams). */
  received: number;
  /** Records parsed without error. */
  parsed: number;
  /** Records kept with `vigil.parse_error`. */
  failed: number;
  /** Records lost: UDP overflow, or a listener that could not queue them. */
  dropped: number;
  /** Records refused with "retry later" (429/busy/TCP pause): the sender still has them. */
  rejected: number;
  /** Records published for storage (acknowledged to the sender when it could be told). */
  accepted: number;
  /** Payload bytes received (after decompression). */
  bytes: number;
  /** Mean lag of the last batch: receive time minus event time, in ms (0 when unknown). */
  lagMs: number;
  /** Largest lag of the last batch, in ms. */
  lagMaxMs: number;
  /** Epoch ms of the last record received (0 = never). */
  lastReceivedAt: number;
}

export interface SourceStatsRow extends SourceRef, SourceCounters {}

/**
 * The per-source counters, kept in memory by the process that receives the data. Sources are few
 * (one per ingest token and listener), so the map stays small.
 */
export class SourceStats {
  readonly #rows = new Map<string, SourceStatsRow>();

  /** The mutable counters of a source, created at zero. */
  of(ref: SourceRef): SourceStatsRow {
    const key = sourceKey(ref);
    let row = this.#rows.get(key);
    if (row === undefined) {
      row = {
        workspace: ref.workspace,
        dataSpace: ref.dataSpace,
        source: ref.source,
        received: 0,
        parsed: 0,
        failed: 0,
        dropped: 0,
        rejected: 0,
        accepted: 0,
        bytes: 0,
        lagMs: 0,
        lagMaxMs: 0,
        lastReceivedAt: 0,
      };
      this.#rows.set(key, row);
    }
    return row;
  }

  /** Counts records lost before they could be parsed (UDP overflow). */
  drop(ref: SourceRef, records: number, bytes = 0): void {
    const row = this.of(ref);
    row.received += records;
    row.dropped += records;
    row.bytes += bytes;
  }

  /** A copy of every source's counters, optionally of one workspace, sorted by data space and source. */
  snapshot(workspace?: string): SourceStatsRow[] {
    return [...this.#rows.values()]
      .filter((r) => workspace === undefined || r.workspace === workspace)
      .map((r) => ({ ...r }))
      .sort(
        (a, b) =>
          a.workspace.localeCompare(b.workspace) ||
          a.dataSpace.localeCompare(b.dataSpace) ||
          a.source.localeCompare(b.source),
      );
  }
}
