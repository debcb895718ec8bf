import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Storage } from '@vigil/core';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { addUser, authFixture, login, type AuthFixture, type Session } from '../auth/testing/auth-fixture.ts';

const PASSWORD = 'Correct-Horse-42!';
const BASE = '/api/v1/workspaces/ws-a/scheduled-rules';
const NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;

let dir: string;
let storage: Storage;
let fx: AuthFixture;
let analyst: Session;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-scheduled-limits-'));
  storage = await openSqliteStorage({ dataDir: dir });
  await storage.migrate();
  fx = await authFixture({
    storage,
    env: {
      VIGIL_SCHEDULED_RULES_SIMULATION_MAX_DAYS: '2',
      VIGIL_SCHEDULED_RULES_SIMULATION_MAX_WINDOWS: '10',
    },
  });
  await addUser(fx.rt, 'ana', PASSWORD, [['analyst', 'ws-a']]);
  analyst = await login(fx.app, 'ana', PASSWORD);
});
after(async () => {
  await fx.app.close();
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the simulate route applies the configured range and window limits, naming the field', async () => {
  const created = await fx.app.inject({
    method: 'POST',
    url: BASE,
    headers: analyst.headers,
    payload: {
      name: 'Hourly failures',
      query: 'event.outcome:failure',
      intervalSeconds: 3600,
      trigger: { kind: 'count', operator: 'gte', threshold: 1 },
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json<{ id: string }>().id;
  const simulate = (from: number, to: number) =>
    fx.app.inject({
      method: 'POST',
      url: `${BASE}/${id}/simulate`,
      headers: analyst.headers,
      payload: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    });
  type Err = { error: { code: string; message: string; details: { field: string; max?: number } } };

  const tooLong = await simulate(NOW - 3 * DAY, NOW);
  assert.equal(tooLong.statusCode, 400);
  assert.equal(tooLong.json<Err>().error.code, 'TIME_RANGE_TOO_LONG');
  assert.match(tooLong.json<Err>().error.message, /at most 2 days/);
  assert.equal(tooLong.json<Err>().error.details.field, 'to');

  // 11 hourly windows: within 2 days but over the 10-window bound.
  const tooMany = await simulate(NOW - 11 * 3_600_000, NOW);
  assert.equal(tooMany.statusCode, 400);
  assert.equal(tooMany.json<Err>().error.details.max, 10);

  const fits = await simulate(NOW - 10 * 3_600_000, NOW);
  assert.equal(fits.statusCode, 200, fits.body);
  assert.equal(fits.json<{ windows: unknown[] }>().windows.length, 10);
});
