import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EventSearch, EventSearchRequest, Storage, VigilEvent } from '@vigil/core';
import { executePlan, parseQuery } from '@vigil/query';
import type { QueryPlan } from '@vigil/query';
import { CONFORMANCE_NOW, conformanceQueries, fixtureEvents } from '@vigil/query/testing';
import { DAY, DAY0, HOUR, makeEvent, rejectsWith, uniqueWorkspace } from './contract-fixtures.ts';

type Row = Record<string, unknown>;

function planOf(query: string): QueryPlan {
  const { plan, problems } = parseQuery(query);
  assert.deepEqual(problems, [], query);
  assert.ok(plan);
  return plan;
}

/** Canonical JSON (sorted keys): PostgreSQL's jsonb does not keep key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Row;
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Rows must be in the same order when the query orders them (sort, stats, timechart). */
function ordered(plan: QueryPlan): boolean {
  return plan.stages.some((s) => s.kind === 'sort' || s.kind === 'stats' || s.kind === 'timechart');
}

/**
 * Contract of the query-language search (EventSearch): for every conformance query, rows over the
 * fixture events equal the reference evaluator `executePlan`'s; plus paging, time ranges, limits.
 */
export function searchContract(name: string, open: () => Promise<Storage>): void {
  describe(`${name}: search contract`, () => {
    let storage: Storage;
    let search: EventSearch;
    const ws = uniqueWorkspace('search');
    const events: VigilEvent[] = fixtureEvents.map((e) => ({ ...e, vigil: { ...e.vigil, workspace: ws } }));
    const from = Date.parse('2026-03-01T00:00:00Z');
    const to = from + DAY;
    const request = (plan: QueryPlan, extra: Partial<EventSearchRequest> = {}): EventSearchRequest => ({
      workspace: ws,
      from,
      to,
      plan,
      limit: 10_000,
      now: CONFORMANCE_NOW,
      ...extra,
    });

    before(async () => {
      storage = await open();
      await storage.migrate();
      assert.ok(storage.search, 'the storage offers search');
      search = storage.search;
      await storage.events.append(events);
    });
    after(() => storage.close());

    for (const query of conformanceQueries) {
      test(`conformance: ${query}`, async () => {
        const plan = planOf(query);
        const expected = executePlan(plan, events, { now: CONFORMANCE_NOW, from, to });
        const result = await search.search(request(plan));
        const rows = result.rows;
        if (ordered(plan)) {
          assert.deepEqual(rows.map(canonical), expected.map(canonical));
        } else {
          assert.deepEqual(rows.map(canonical).sort(), expected.map(canonical).sort());
        }
        assert.equal(
          result.aggregated,
          plan.stages.some((s) => s.kind === 'stats' || s.kind === 'timechart'),
        );
      });
    }

    test('plain searches page by cursor, newest first, without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await search.search(request(planOf('*'), { limit: 5, ...(cursor ? { cursor } : {}) }));
        seen.push(...page.rows.map((r) => (r['vigil'] as { id: string }).id));
        cursor = page.next;
        if (!cursor) break;
      }
      const byTime = [...events].sort((a, b) => Date.parse(b['@timestamp']) - Date.parse(a['@timestamp']));
      assert.deepEqual(
        seen,
        byTime.map((e) => e.vigil.id),
      );
    });

    test('the time range limits what is read, and other workspaces are invisible', async () => {
      const early = await search.search(request(planOf('*'), { to: Date.parse('2026-03-01T10:05:00Z') }));
      assert.deepEqual(early.rows.map((r) => (r['vigil'] as { id: string }).id).sort(), ['ssh-1', 'ssh-2']);
      const other = await search.search(request(planOf('*'), { workspace: uniqueWorkspace('none') }));
      assert.deepEqual(other.rows, []);
      const nextDay = await search.search(request(planOf('| stats count()'), { from: to, to: to + DAY }));
      assert.deepEqual(nextDay.rows, [{ 'count()': 0 }]);
    });

    test('flat dotted keys, multi-day ranges and stats over several day partitions', async () => {
      const ws2 = uniqueWorkspace('search-flat');
      const docs = [
        makeEvent({
          workspace: ws2,
          id: 'a',
          ts: DAY0 - DAY + HOUR,
          fields: { 'event.code': 4688, host: { name: 'h1' } },
        }),
        makeEvent({
          workspace: ws2,
          id: 'b',
          ts: DAY0 + HOUR,
          fields: { event: { code: '4688' }, host: { name: 'h2' } },
        }),
        makeEvent({
          workspace: ws2,
          id: 'c',
          ts: DAY0 + DAY + HOUR,
          dataSpace: 'other',
          fields: { event: { code: 1 }, host: { name: 'h1' } },
        }),
      ];
      await storage.events.append(docs);
      const base = { workspace: ws2, from: DAY0 - DAY, to: DAY0 + 2 * DAY, limit: 100, now: DAY0 };
      const codes = await search.search({
        ...base,
        plan: planOf('event.code:4688 | sort @timestamp | fields vigil.id'),
      });
      assert.deepEqual(codes.rows, [{ 'vigil.id': 'a' }, { 'vigil.id': 'b' }]);
      const hosts = await search.search({ ...base, plan: planOf('| stats count() by host.name') });
      assert.deepEqual(hosts.rows, [
        { 'host.name': 'h1', 'count()': 2 },
        { 'host.name': 'h2', 'count()': 1 },
      ]);
      const oneSpace = await search.search({
        ...base,
        dataSpaces: ['other'],
        plan: planOf('| stats count()'),
      });
      assert.deepEqual(oneSpace.rows, [{ 'count()': 1 }]);
    });

    test('odd values (bad addresses, impossible dates, numeric text, booleans) agree with the evaluator', async () => {
      const ws3 = uniqueWorkspace('search-odd');
      const values: Record<string, unknown>[] = [
        { ip: '10.0.0.1', t: '2026-02-30', n: '5.', x: true, tags: ['a', 'a', 'b'] },
        { ip: ' 10.0.0.2 ', t: '2026-01-01T10:00', n: ' 7 ', x: 'True', tags: [] },
        { ip: '010.0.0.1', t: '2026-01-01 10:00:00,5', n: '1e3', x: 1, tags: ['b', null] },
        { ip: '999.1.1.1', t: '2026-01-01t10:00z', n: 'abc', x: false, tags: 'a' },
        { ip: ':::', t: 1767225600000, n: 9, x: 'false', tags: ['c', 'C'] },
        { ip: 'fe80::1%eth0', t: 'x', n: true, tags: [1, '1'] },
        { ip: '[::1]', t: '2026-01-01T10:00:00.9999+01:00', n: -2.5 },
        { ip: 'abc', t: '2025-12-31T23:59:59Z', n: '.5' },
        { ip: 42, t: null, n: null, x: null },
        { ip: '::ffff:10.9.9.9', 'flat.key': 'ÄRGER', deep: { 'a.b': { c: 'Straße' } } },
        {
          ip: '2001:db8:0:0:1:0:0:1',
          message: 'ΣΊΣΥΦΟΣ rolled 100% of the_stone',
          raw: { list: ['x', { y: 'Needle' }] },
        },
      ];
      const docs = values.map((fields, i) =>
        makeEvent({ workspace: ws3, id: `o${i}`, ts: DAY0 + i * 60_000, fields }),
      );
      await storage.events.append(docs);
      const queries = [
        'ip:10.0.0.0/8',
        'ip:::/0',
        'ip:fe80::/10',
        'ip:::1/128',
        'ip:0.0.0.0/0',
        'ip:2001:db8::/32',
        't > 2025-12-31',
        't:[2026-01-01T09:00 TO 2026-01-01T10:00]',
        't < now',
        'n > 4',
        'n <= 0.5',
        'n:[1 TO 10]',
        'n:*',
        'x:true',
        'x:TRUE OR x:false',
        'x:1',
        'tags:a',
        'tags:*',
        'flat.key:ärger',
        'deep.a.b.c:STRASSE OR deep.a.b.c:straße',
        'σίσυφος',
        '"100%"',
        'the_stone',
        'needle',
        '"the?stone"',
        '| stats count() by tags',
        '| stats dc(tags), count(tags), min(n), max(n), sum(n), avg(n)',
        '| stats count() by x | sort -count()',
        '| sort n | fields vigil.id',
        '| sort -t | fields vigil.id',
        '| timechart span=5m count() by x',
      ];
      const base = { workspace: ws3, from: DAY0, to: DAY0 + DAY, limit: 10_000, now: DAY0 + HOUR };
      for (const query of queries) {
        const plan = planOf(query);
        const expected = executePlan(plan, docs, { now: base.now, from: base.from, to: base.to });
        const rows = (await search.search({ ...base, plan })).rows;
        if (ordered(plan)) assert.deepEqual(rows.map(canonical), expected.map(canonical), query);
        else assert.deepEqual(rows.map(canonical).sort(), expected.map(canonical).sort(), query);
      }
    });

    test('refuses bad limits and cursors on sorted searches', async () => {
      await rejectsWith(search.search(request(planOf('*'), { limit: 0 })), 'INVALID_LIMIT', 'user');
      await rejectsWith(search.search(request(planOf('*'), { limit: 10_001 })), 'INVALID_LIMIT', 'user');
      await rejectsWith(
        search.search(request(planOf('* | sort host.name'), { cursor: 'x' })),
        'INVALID_CURSOR',
        'user',
      );
      await rejectsWith(search.search(request(planOf('*'), { cursor: 'garbage' })), 'INVALID_CURSOR', 'user');
    });

    test('stats, timechart and sorted results cut at the limit say so; exact fits do not', async () => {
      const chart = planOf('| timechart span=1h count()');
      const all = await search.search(request(chart));
      assert.equal(all.rows.length, 24);
      assert.equal(all.truncated, undefined);
      const cut = await search.search(request(chart, { limit: 5 }));
      assert.deepEqual(cut.rows, all.rows.slice(0, 5));
      assert.equal(cut.truncated, true);
      const exact = await search.search(request(chart, { limit: 24 }));
      assert.equal(exact.truncated, undefined);
      const groups = await search.search(request(planOf('* | stats count() by event.category')));
      assert.ok(groups.rows.length > 2);
      const cutGroups = await search.search(
        request(planOf('* | stats count() by event.category'), { limit: groups.rows.length - 1 }),
      );
      assert.equal(cutGroups.truncated, true);
      assert.equal(cutGroups.rows.length, groups.rows.length - 1);
      const sorted = planOf('* | sort -@timestamp');
      const total = (await search.search(request(sorted))).rows.length;
      assert.equal((await search.search(request(sorted, { limit: total - 1 }))).truncated, true);
      assert.equal((await search.search(request(sorted, { limit: total }))).truncated, undefined);
    });

    test('stream yields every row in bounded batches', async () => {
      const batches: number[] = [];
      for await (const batch of search.stream(request(planOf('*'), { limit: 4 }))) batches.push(batch.length);
      assert.deepEqual(batches, [4, 4, 4]);
    });
  });
}
