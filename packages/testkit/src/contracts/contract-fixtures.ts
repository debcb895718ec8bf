import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { isVigilError, MS_PER_DAY } from '@vigil/core';
import type { ErrorKind, EventStore, VigilEvent } from '@vigil/core';

export const HOUR = 3_600_000;
export const DAY = MS_PER_DAY;
/** A fixed UTC midnight, so tests can place events on known days. */
export const DAY0 = Date.UTC(2026, 2, 1);

/** A workspace name no other test (or earlier run on a shared database) uses. */
export function uniqueWorkspace(prefix = 'ws'): string {
  return `${prefix}-${randomUUID()}`;
}

export interface EventSpec {
  workspace: string;
  id: string;
  ts: number;
  dataSpace?: string;
  fields?: Record<string, unknown>;
}

/** A minimal valid event document (DESIGN §2) with extra fields merged in. */
export function makeEvent(spec: EventSpec): VigilEvent {
  return {
    '@timestamp': new Date(spec.ts).toISOString(),
    ...spec.fields,
    vigil: {
      id: spec.id,
      workspace: spec.workspace,
      data_space: spec.dataSpace ?? 'default',
      received_at: new Date(spec.ts).toISOString(),
    },
  };
}

/** Reads every page of a query, returning the events in page order and how many pages it took. */
export async function readAll(
  store: EventStore,
  query: Parameters<EventStore['query']>[0],
): Promise<{ events: VigilEvent[]; pages: number }> {
  const events: VigilEvent[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await store.query(cursor === undefined ? query : { ...query, cursor });
    events.push(...page.events);
    cursor = page.next;
    pages += 1;
    assert.ok(pages <= 10_000, 'pagination does not terminate');
  } while (cursor !== undefined);
  return { events, pages };
}

/** `data_space/id` of each event: unique across a workspace in these tests. */
export function keysOf(events: readonly VigilEvent[]): string[] {
  return events.map((e) => `${e.vigil.data_space}/${e.vigil.id}`);
}

export function idsOf(events: readonly VigilEvent[]): string[] {
  return events.map((e) => e.vigil.id).sort();
}

/** Asserts that `promise` rejects with a VigilError of this code and kind. */
export async function rejectsWith(promise: Promise<unknown>, code: string, kind: ErrorKind): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isVigilError(error), `expected a VigilError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(error.kind, kind);
    return true;
  });
}
