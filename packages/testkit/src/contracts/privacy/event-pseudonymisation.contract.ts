import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Storage, VigilEvent } from '@vigil/core';
import {
  eventNeedles,
  identifierPattern,
  pseudonymiseEvent,
  type EventPseudonymisationStore,
} from '@vigil/identity';
import { DAY, DAY0, HOUR, makeEvent, uniqueWorkspace } from '../contract-fixtures.ts';

export interface EventPseudonymisationTarget {
  storage: Storage;
  pseudonymiser: EventPseudonymisationStore;
}

const PSEUDONYM = 'person-0123456789ab';
const IDS = ['alice', 'alice@example.org'];

/** Events over three days and two data spaces; `alice` appears in ECS fields, free text and raw fields. */
function seed(ws: string): VigilEvent[] {
  const e = (id: string, ts: number, fields: Record<string, unknown>, dataSpace = 'default') =>
    makeEvent({ workspace: ws, dataSpace, id, ts, fields });
  return [
    e('d0-a', DAY0 + HOUR, { user: { name: 'alice' }, message: 'login alice ok' }),
    e('d0-b', DAY0 + 2 * HOUR, { user: { name: 'bob' }, message: 'malice is not alice-free: alice' }),
    e('d0-c', DAY0 + 3 * HOUR, { user: { name: 'bob' }, message: 'nothing here' }),
    e('d1-a', DAY0 + DAY + HOUR, {
      user: { email: 'Alice@Example.org' },
      raw: { TargetUserName: 'CORP\\ALICE' },
    }),
    e('d1-b', DAY0 + DAY + 2 * HOUR, { user: { name: 'alice' } }, 'other'),
    e('d1-c', DAY0 + DAY + 3 * HOUR, { user: { name: 'alice' } }),
    e('d2-a', DAY0 + 2 * DAY + HOUR, { user: { name: 'alice' } }),
  ];
}

/** Contract for per-person erasure in stored events: dry run, batches, scope, derived columns. */
export function eventPseudonymisationContract(
  name: string,
  open: () => Promise<EventPseudonymisationTarget>,
  options: { skip?: false | string } = {},
): void {
  describe(`${name}: event pseudonymisation contract`, { skip: options.skip ?? false }, () => {
    let target: EventPseudonymisationTarget;
    before(async () => {
      target = await open();
    });
    after(async () => {
      await target.pseudonymiser.close();
      await target.storage.close();
    });
    const pattern = identifierPattern(IDS);
    const rewrite = (doc: Record<string, unknown>) => pseudonymiseEvent(doc, pattern, PSEUDONYM);
    const all = async (ws: string) =>
      (
        await target.storage.events.query({
          workspace: ws,
          from: DAY0 - DAY,
          to: DAY0 + 5 * DAY,
          limit: 100,
          order: 'asc',
        })
      ).events;

    test('a dry run counts and writes nothing; the run rewrites only [from, to) of the workspace, in batches', async () => {
      const ws = uniqueWorkspace('erase');
      const other = uniqueWorkspace('keep');
      await target.storage.events.append([...seed(ws), ...seed(other)]);
      const scope = { workspace: ws, from: DAY0, to: DAY0 + 2 * DAY, needles: eventNeedles(IDS) };
      const before = await all(ws);
      const dry = await target.pseudonymiser.pseudonymise(scope, rewrite, { batchSize: 2, dryRun: true });
      // d0-a, d0-b (free text), d1-a (email, raw), d1-b (other data space), d1-c; d2-a is after `to`.
      assert.deepEqual(dry, { scanned: 5, matched: 5, rewritten: 0 });
      assert.deepEqual(await all(ws), before, 'a dry run writes nothing');

      const run = await target.pseudonymiser.pseudonymise(scope, rewrite, { batchSize: 2, dryRun: false });
      assert.deepEqual(run, { scanned: 5, matched: 5, rewritten: 5 });
      const byId = new Map((await all(ws)).map((e) => [e.vigil.id, e as Record<string, unknown>]));
      assert.deepEqual(byId.get('d0-a')?.['user'], { name: PSEUDONYM });
      assert.equal(byId.get('d0-a')?.['message'], `login ${PSEUDONYM} ok`);
      assert.equal(byId.get('d0-b')?.['message'], `malice is not ${PSEUDONYM}-free: ${PSEUDONYM}`);
      assert.deepEqual(byId.get('d1-a')?.['raw'], { TargetUserName: `CORP\\${PSEUDONYM}` });
      assert.deepEqual(byId.get('d1-a')?.['user'], { email: PSEUDONYM });
      assert.deepEqual(byId.get('d2-a')?.['user'], { name: 'alice' }, 'outside the range');
      assert.equal(JSON.stringify(await all(ws)).includes('"alice"'), true, 'only d2-a keeps the name');
      assert.deepEqual(await all(other), seed(other), 'another workspace is untouched');
      // Searches see the new value, also through any column a store derives from the document.
      const found = await target.storage.events.query({
        workspace: ws,
        from: DAY0,
        to: DAY0 + 5 * DAY,
        limit: 100,
        order: 'asc',
        filter: { field: 'user.name', op: 'eq', value: PSEUDONYM },
      });
      assert.deepEqual(
        found.events.map((e) => e.vigil.id),
        ['d0-a', 'd1-b', 'd1-c'],
      );
      const again = await target.pseudonymiser.pseudonymise(scope, rewrite, { batchSize: 2, dryRun: true });
      assert.equal(again.matched, 0, 'nothing left to erase in the range');
    });

    test('no needle or an empty range does nothing', async () => {
      const ws = uniqueWorkspace('erase');
      await target.storage.events.append(seed(ws));
      const none = await target.pseudonymiser.pseudonymise(
        { workspace: ws, from: DAY0, to: DAY0, needles: eventNeedles(IDS) },
        rewrite,
        { batchSize: 10, dryRun: false },
      );
      assert.deepEqual(none, { scanned: 0, matched: 0, rewritten: 0 });
    });
  });
}
