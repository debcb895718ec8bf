import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { silentLogger, type Storage } from '@vigil/core';
import { RecordScheduledRuleStore } from '@vigil/cases';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { makeEvent } from '@vigil/testkit';
import { createScheduledRuleRunner } from './scheduled-rule-runner.ts';
import { addUser, authFixture, login, type AuthFixture, type Session } from '../auth/testing/auth-fixture.ts';

const PASSWORD = 'Correct-Horse-42!';
const BASE = '/api/v1/workspaces/ws-a/scheduled-rules';
/** The fixture's clock starts at 2026-06-01T00:00Z. */
const NOW = Date.UTC(2026, 5, 1);
const MIN = 60_000;

type Json = Record<string, unknown>;
interface RuleView {
  id: string;
  version: number;
  name: string;
  enabled: boolean;
  lookbackSeconds: number;
  schedule: { coveredUntil: string; nextRunAt: string | null; gaps: number };
}

const valid = {
  name: 'SSH brute force',
  query: 'event.category:authentication AND event.outcome:failure',
  intervalSeconds: 300,
  delaySeconds: 60,
  trigger: { kind: 'count', operator: 'gte', threshold: 3, groupBy: ['source.ip'] },
  severity: 'high',
  grouping: 'per-group',
};

describe('scheduled rules API', () => {
  let dir: string;
  let storage: Storage;
  let fx: AuthFixture;
  let analyst: Session;
  let viewer: Session;
  let outsider: Session;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-scheduled-api-'));
    storage = await openSqliteStorage({ dataDir: dir });
    await storage.migrate();
    // 4 failures from 10.0.0.1 and 1 from 10.0.0.2 in the hour before NOW, in ws-a; the same in ws-b.
    for (const ws of ['ws-a', 'ws-b']) {
      await storage.events.append(
        [
          ['10.0.0.1', 5],
          ['10.0.0.1', 6],
          ['10.0.0.1', 7],
          ['10.0.0.1', 8],
          ['10.0.0.2', 9],
        ].map(([ip, m], i) =>
          makeEvent({
            workspace: ws,
            id: `${ws}-e${i}`,
            ts: NOW - 60 * MIN + Number(m) * MIN,
            fields: {
              event: { category: 'authentication', outcome: 'failure' },
              source: { ip },
              user: { name: 'root' },
            },
          }),
        ),
      );
    }
    fx = await authFixture({ storage });
    await addUser(fx.rt, 'ana', PASSWORD, [['analyst', 'ws-a']]);
    await addUser(fx.rt, 'vic', PASSWORD, [['viewer', 'ws-a']]);
    await addUser(fx.rt, 'otto', PASSWORD, [['analyst', 'ws-b']]);
    analyst = await login(fx.app, 'ana', PASSWORD);
    viewer = await login(fx.app, 'vic', PASSWORD);
    outsider = await login(fx.app, 'otto', PASSWORD);
  });
  after(async () => {
    await fx.app.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (session: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Json) =>
    fx.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
  const auditTypes = async () => (await fx.rt.stores.audit.find({ limit: 1000 })).map((r) => r.event_type);
  const count = async () =>
    (await call(analyst, 'GET', BASE)).json<{ scheduledRules: unknown[] }>().scheduledRules.length;

  test('create → read → list: defaults applied, coverage starts at the current interval, audited', async () => {
    const res = await call(analyst, 'POST', BASE, valid);
    assert.equal(res.statusCode, 201, res.body);
    const rule = res.json<RuleView>();
    assert.equal(rule.version, 1);
    assert.equal(rule.lookbackSeconds, 300);
    assert.equal(rule.enabled, true);
    // now − delay = 23:59 the day before → the 5-minute boundary 23:55; due at 00:00 + 60 s.
    assert.equal(rule.schedule.coveredUntil, '2026-05-31T23:55:00.000Z');
    assert.equal(rule.schedule.nextRunAt, '2026-06-01T00:01:00.000Z');
    const read = await call(viewer, 'GET', `${BASE}/${rule.id}`);
    assert.equal(read.statusCode, 200);
    assert.equal(read.json<RuleView>().name, 'SSH brute force');
    const list = await call(viewer, 'GET', BASE);
    assert.ok(list.json<{ scheduledRules: RuleView[] }>().scheduledRules.some((r) => r.id === rule.id));
    assert.ok((await auditTypes()).includes('scheduled_rule.created'));
  });

  test('a query that does not parse: 400 naming the field with the offset, and nothing is written', async () => {
    const before = await count();
    const res = await call(analyst, 'POST', BASE, {
      ...valid,
      query: 'event.outcome:failure AND (user.name:root',
    });
    assert.equal(res.statusCode, 400);
    const body = res.json<{
      error: {
        code: string;
        message: string;
        details: { field: string; problems: { field: string; offset?: number }[] };
      };
    }>();
    assert.equal(body.error.code, 'QUERY_INVALID');
    assert.equal(body.error.details.field, 'query');
    assert.match(body.error.message, /^query: /);
    assert.equal(typeof body.error.details.problems[0]?.offset, 'number');
    const stats = await call(analyst, 'POST', BASE, {
      ...valid,
      query: 'event.outcome:failure | stats count() by source.ip',
    });
    assert.equal(stats.statusCode, 400);
    assert.match(stats.json<{ error: { message: string } }>().error.message, /trigger/);
    assert.equal(await count(), before, 'no rule was created');
  });

  test('other bad input names its field: interval under a minute, look-back under the interval, unknown operator', async () => {
    const before = await count();
    const short = await call(analyst, 'POST', BASE, { ...valid, intervalSeconds: 30 });
    assert.equal(short.statusCode, 400);
    assert.equal(
      short.json<{ error: { details: { field: string } } }>().error.details.field,
      'intervalSeconds',
    );
    const lookback = await call(analyst, 'POST', BASE, { ...valid, lookbackSeconds: 60 });
    assert.equal(
      lookback.json<{ error: { details: { field: string } } }>().error.details.field,
      'lookbackSeconds',
    );
    const op = await call(analyst, 'POST', BASE, {
      ...valid,
      trigger: { ...valid.trigger, operator: 'about' },
    });
    assert.equal(op.statusCode, 400);
    assert.match(op.body, /trigger\/operator|trigger\.operator/);
    const sum = await call(analyst, 'POST', BASE, {
      ...valid,
      trigger: { kind: 'aggregate', fn: 'sum', operator: 'gt', threshold: 1 },
    });
    assert.equal(sum.json<{ error: { details: { field: string } } }>().error.details.field, 'trigger.field');
    assert.equal(await count(), before);
  });

  test('update with the version read; a stale version is refused and changes nothing', async () => {
    const created = (await call(analyst, 'POST', BASE, valid)).json<RuleView>();
    const { id: _id, version: _v, ...rest } = valid as Json;
    const updated = await call(analyst, 'PUT', `${BASE}/${created.id}`, {
      ...rest,
      name: 'Renamed',
      version: 1,
    });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.equal(updated.json<RuleView>().version, 2);
    const stale = await call(analyst, 'PUT', `${BASE}/${created.id}`, { ...rest, name: 'Lost', version: 1 });
    assert.equal(stale.statusCode, 409);
    const badQuery = await call(analyst, 'PUT', `${BASE}/${created.id}`, {
      ...rest,
      query: 'a:(',
      version: 2,
    });
    assert.equal(badQuery.statusCode, 400);
    assert.equal((await call(analyst, 'GET', `${BASE}/${created.id}`)).json<RuleView>().name, 'Renamed');
    assert.ok((await auditTypes()).includes('scheduled_rule.updated'));
  });

  test('disable and enable; delete; each audited; 404 afterwards', async () => {
    const created = (await call(analyst, 'POST', BASE, valid)).json<RuleView>();
    const off = await call(analyst, 'POST', `${BASE}/${created.id}/disable`);
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json<RuleView>().enabled, false);
    assert.equal(off.json<RuleView>().schedule.nextRunAt, null);
    const on = await call(analyst, 'POST', `${BASE}/${created.id}/enable`);
    assert.equal(on.json<RuleView>().enabled, true);
    const del = await call(analyst, 'DELETE', `${BASE}/${created.id}`);
    assert.equal(del.statusCode, 204);
    assert.equal((await call(analyst, 'GET', `${BASE}/${created.id}`)).statusCode, 404);
    assert.equal((await call(analyst, 'DELETE', `${BASE}/${created.id}`)).statusCode, 404);
    const types = await auditTypes();
    for (const t of ['scheduled_rule.disabled', 'scheduled_rule.enabled', 'scheduled_rule.deleted'])
      assert.ok(types.includes(t), t);
  });

  test('simulate over a range returns the would-be alerts per group and writes nothing', async () => {
    const created = (await call(analyst, 'POST', BASE, valid)).json<RuleView>();
    const res = await call(analyst, 'POST', `${BASE}/${created.id}/simulate`, {
      from: new Date(NOW - 60 * MIN).toISOString(),
      to: new Date(NOW).toISOString(),
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{
      hits: number;
      windows: { hits: number }[];
      alerts: { group: Json; eventCount: number; severity: string }[];
    }>();
    assert.equal(body.windows.length, 12);
    assert.equal(body.hits, 5, 'only ws-a events are seen');
    // 10.0.0.1 had 4 failures in [00:05, 00:10) of the hour: one window, one group over the threshold.
    assert.deepEqual(
      body.alerts.map((a) => [a.group, a.eventCount, a.severity]),
      [[{ 'source.ip': '10.0.0.1' }, 4, 'high']],
    );
    const runs = await call(analyst, 'GET', `${BASE}/${created.id}/runs`);
    assert.deepEqual(runs.json<{ runs: unknown[] }>().runs, [], 'a simulation leaves no ledger entry');
    const bad = await call(analyst, 'POST', `${BASE}/${created.id}/simulate`, {
      from: 'yesterday',
      to: new Date(NOW).toISOString(),
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ error: { details: { field: string } } }>().error.details.field, 'from');
    const backwards = await call(analyst, 'POST', `${BASE}/${created.id}/simulate`, {
      from: new Date(NOW).toISOString(),
      to: new Date(NOW - MIN).toISOString(),
    });
    assert.equal(backwards.statusCode, 400);
  });

  test('run history shows the ledger, gaps included, after the runner ran', async () => {
    const created = (
      await call(analyst, 'POST', BASE, { ...valid, intervalSeconds: 60, delaySeconds: 0 })
    ).json<RuleView>();
    const runner = createScheduledRuleRunner({
      store: new RecordScheduledRuleStore(fx.rt.metadata),
      search: storage.search,
      intake: () => Promise.resolve([]),
      workspaces: () => Promise.resolve(['ws-a']),
      clock: fx.clock,
      logger: silentLogger,
      maxCatchUp: 2,
    });
    fx.clock.advance(5 * MIN);
    await runner.runRule('ws-a', created.id);
    const res = await call(viewer, 'GET', `${BASE}/${created.id}/runs?from=2026-05-31T00:00:00Z`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ runs: { status: string; start: string; end: string }[]; gaps: number }>();
    assert.deepEqual(
      body.runs.map((r) => r.status),
      ['gap', 'ok', 'ok'],
    );
    assert.equal(body.runs[0]?.start, '2026-06-01T00:00:00.000Z');
    assert.equal(body.gaps, 1);
    const rule = (await call(viewer, 'GET', `${BASE}/${created.id}`)).json<RuleView>();
    assert.equal(rule.schedule.gaps, 1);
  });

  test('permissions: a viewer cannot write or simulate; another workspace cannot read', async () => {
    const created = (await call(analyst, 'POST', BASE, valid)).json<RuleView>();
    assert.equal((await call(viewer, 'POST', BASE, valid)).statusCode, 403);
    assert.equal((await call(viewer, 'POST', `${BASE}/${created.id}/disable`)).statusCode, 403);
    assert.equal(
      (
        await call(viewer, 'POST', `${BASE}/${created.id}/simulate`, {
          from: '2026-05-31T00:00:00Z',
          to: '2026-06-01T00:00:00Z',
        })
      ).statusCode,
      403,
    );
    assert.equal((await call(outsider, 'GET', `${BASE}/${created.id}`)).statusCode, 403);
    // Rules are workspace-scoped in storage too: ws-b's own listing does not show ws-a's rule.
    const theirs = await call(outsider, 'GET', '/api/v1/workspaces/ws-b/scheduled-rules');
    assert.deepEqual(theirs.json<{ scheduledRules: unknown[] }>().scheduledRules, []);
  });
});
