import type { MetadataStore, RecordRepository } from '@vigil/core';

/** Metadata kind: per workspace (id `current`), route key → last time detection saw an event for it. */
export const DATA_SEEN_KIND = 'logsource-seen';
const ID = 'current';

export interface DataSeen {
  /** Route key (`w:microsoft-windows-sysmon/operational:1`, `ls:aws||cloudtrail`) → epoch ms. */
  keys: Record<string, number>;
}

/**
 * Keys kept per workspace: route keys come partly from `event.dataset`, which senders choose, so the
 * record is bounded (newest first) and keys unseen for longer than the widest coverage window drop out.
 */
export const MAX_SEEN_KEYS = 2_000;
const KEEP_MS = 90 * 86_400_000;

/** Drops keys older than 90 days before the newest one and keeps at most MAX_SEEN_KEYS, newest first. */
export function pruneSeen(keys: Record<string, number>): Record<string, number> {
  const entries = Object.entries(keys);
  const newest = Math.max(0, ...entries.map(([, at]) => at));
  const kept = entries.filter(([, at]) => at >= newest - KEEP_MS);
  if (kept.length > MAX_SEEN_KEYS) kept.sort((a, b) => b[1] - a[1]).length = MAX_SEEN_KEYS;
  return Object.fromEntries(kept);
}

function isMap(
  v: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
): v is ReadonlyMap<string, number> {
  return v instanceof Map;
}

/** Merges two last-seen maps, keeping the later time of each key. */
export function mergeSeen(
  into: Record<string, number>,
  from: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
): Record<string, number> {
  const entries: Iterable<[string, number]> = isMap(from) ? from.entries() : Object.entries(from);
  for (const [key, at] of entries) if (!((into[key] ?? 0) >= at)) into[key] = at;
  return into;
}

/**
 * When each logsource last had an event, per workspace, shared by every detection process: each adds
 * its own observations (later time wins; optimistic concurrency, retried on conflict).
 */
export class DataSeenStore {
  private readonly repo: RecordRepository<DataSeen>;

  constructor(metadata: MetadataStore) {
    this.repo = metadata.repository<DataSeen>(DATA_SEEN_KIND);
  }

  async get(workspace: string): Promise<Record<string, number>> {
    return (await this.repo.get(workspace, ID))?.data.keys ?? {};
  }

  async add(workspace: string, seen: ReadonlyMap<string, number>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const cur = await this.repo.get(workspace, ID);
        const keys = pruneSeen(mergeSeen({ ...(cur?.data.keys ?? {}) }, seen));
        if (cur) await this.repo.update(workspace, ID, cur.version, { keys });
        else await this.repo.create(workspace, ID, { keys });
        return;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if ((code !== 'VERSION_CONFLICT' && code !== 'RECORD_EXISTS') || attempt >= 5) throw err;
      }
    }
  }
}
