import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { test } from 'node:test';
import type { VigilEvent } from '@vigil/core';
import { parseQuery } from '@vigil/query';
import { openSqliteStorage } from '../sqlite-storage.ts';

const DAY0 = Date.parse('2026-03-01T00:00:00Z');

function event(i: number): VigilEvent {
  return {
    '@timestamp': new Date(DAY0 + i * 1000).toISOString(),
    message: `user u${i % 977} logged in from 10.0.${i % 250}.${i % 200} with agent ${'abcdefghij'.repeat(8)}${i}`,
    host: { name: `host-${i % 50}` },
    vigil: {
      id: `e${i}`,
      workspace: 'ws',
      data_space: 'default',
      source: 'test',
      received_at: new Date(DAY0).toISOString(),
    },
  };
}

test('a slow search runs off the event loop: appends and timers go on while it runs', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-search-worker-'));
  const storage = await openSqliteStorage({ dataDir: dir });
  try {
    await storage.migrate();
    const total = 60_000;
    for (let start = 0; start < total; start += 5000) {
      await storage.events.append(Array.from({ length: 5000 }, (_, i) => event(start + i)));
    }
    const search = storage.search;
    assert.ok(search);
    const { plan } = parseQuery('message:*agent*j9* | stats count() as n, dc(message) as d by host.name');
    assert.ok(plan);
    const request = { workspace: 'ws', from: DAY0, to: DAY0 + 86_400_000, plan, limit: 100, now: DAY0 };
    await search.search(request); // starts the worker

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    let done = false;
    const running = search.search(request).finally(() => (done = true));
    let appended = 0;
    while (!done) {
      await storage.events.append([event(total + appended)]);
      appended++;
      await new Promise((r) => setTimeout(r, 5));
    }
    const result = await running;
    const took = performance.now() - started;
    delay.disable();

    assert.equal(result.rows.length, 50);
    assert.ok(took > 150, `the search must be slow enough to tell (took ${Math.round(took)} ms)`);
    assert.ok(appended >= 3, `only ${appended} appends committed during a ${Math.round(took)} ms search`);
    // On the main thread the whole search would be one stall of `took` ms.
    const maxStallMs = delay.max / 1e6;
    t.diagnostic(
      `search ${Math.round(took)} ms, ${appended} appends, longest stall ${Math.round(maxStallMs)} ms`,
    );
    assert.ok(
      maxStallMs < took / 2,
      `event loop stalled ${Math.round(maxStallMs)} ms during ${Math.round(took)} ms`,
    );
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('errors keep their code and kind across the thread, and a closed store refuses searches', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-search-worker-'));
  const storage = await openSqliteStorage({ dataDir: dir });
  await storage.migrate();
  const search = storage.search;
  assert.ok(search);
  const { plan } = parseQuery('*');
  assert.ok(plan);
  await assert.rejects(search.search({ workspace: 'ws', from: 0, to: 1, plan, limit: 0, now: 0 }), {
    code: 'INVALID_LIMIT',
    kind: 'user',
  });
  await storage.close();
  await assert.rejects(search.search({ workspace: 'ws', from: 0, to: 1, plan, limit: 1, now: 0 }), {
    code: 'SEARCH_UNAVAILABLE',
  });
  rmSync(dir, { recursive: true, force: true });
});
