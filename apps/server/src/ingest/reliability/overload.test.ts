import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  metricTotal,
  prepareDataDir,
  rssOf,
  startVigil,
  stopVigil,
  storedMessageCounts,
} from './reliability-server.ts';
import type { RunningVigil } from './reliability-server.ts';

const BASE = Date.now() - 3_600_000;
const PER_BATCH = 500;
const SENDERS = 24;
const SEND_FOR_MS = 4_000;
/** The server's resident memory must stay under this while it is flooded. */
const RSS_BOUND = 512 * 1024 * 1024;

function batch(k: number): string {
  const lines: string[] = [];
  for (let i = 0; i < PER_BATCH; i++) {
    lines.push(
      JSON.stringify({
        '@timestamp': new Date(BASE + k * 1000 + i).toISOString(),
        message: `o${k}-${i}`,
        padding: 'x'.repeat(200),
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

async function send(vigil: RunningVigil, token: string, k: number, body: string): Promise<Response> {
  const res = await fetch(`${vigil.base}/api/v1/workspaces/default/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-vigil-delivery-id': `over-${k}` },
    body,
  });
  await res.arrayBuffer();
  return res;
}

test('offered far more than the writer drains: 429 + Retry-After, bounded memory, nothing acknowledged lost', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-overload-'));
  try {
    const token = await prepareDataDir(dir);
    // Six times more senders than the server admits at once, and a one-batch queue to the writer.
    const vigil = await startVigil(dir, {
      VIGIL_INGEST_MAX_CONCURRENT_REQUESTS: '4',
      VIGIL_INGEST_QUEUE_CAPACITY: '1',
      VIGIL_INGEST_BATCH_MAX_EVENTS: '100',
    });
    const acked = new Set<number>();
    let refused = 0;
    let refusedWithoutRetryAfter = 0;
    let other = 0;
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(vigil) ?? 0)), 50);
    try {
      let next = 0;
      const end = Date.now() + SEND_FOR_MS;
      await Promise.all(
        Array.from({ length: SENDERS }, async () => {
          while (Date.now() < end) {
            const k = next++;
            const body = batch(k);
            // A well-behaved sender re-sends the same batch (same delivery id) after Retry-After.
            for (;;) {
              const res = await send(vigil, token, k, body);
              if (res.status === 200) {
                acked.add(k);
                break;
              }
              if (res.status !== 429) {
                other++;
                break;
              }
              refused++;
              const retryAfter = Number(res.headers.get('retry-after'));
              if (!(retryAfter >= 1)) refusedWithoutRetryAfter++;
              // Bounded test: wait a fraction of Retry-After, and give up on the batch after the window.
              if (Date.now() > end + 10_000) break;
              await new Promise((r) => setTimeout(r, 100));
            }
          }
        }),
      );
      assert.equal(other, 0, 'only 200 or 429 answers');
      assert.ok(refused > 0, 'senders were told to slow down');
      assert.equal(refusedWithoutRetryAfter, 0, 'every 429 says when to retry');
      assert.ok(acked.size > 0);
      // Every refusal is counted: before admission (per server) or by the queue (records, per source).
      const overload = await metricTotal(vigil, 'vigil_ingest_overload_refused_total');
      const rejectedRecords = await metricTotal(vigil, 'vigil_ingest_rejected_total');
      assert.ok(overload > 0 && overload <= refused, `${overload} counted of ${refused} refused`);
      assert.ok(overload + Math.ceil(rejectedRecords / PER_BATCH) >= refused);
      assert.equal(await metricTotal(vigil, 'vigil_ingest_in_flight_requests'), 0);
      assert.ok(peakRss > 0 && peakRss < RSS_BOUND, `peak RSS ${Math.round(peakRss / 1048576)} MiB`);
      assert.equal((await fetch(`${vigil.base}/healthz`)).status, 200);
    } finally {
      clearInterval(sampler);
      await stopVigil(vigil);
    }
    const counts = await storedMessageCounts(dir, BASE - 86_400_000, BASE + 86_400_000);
    let lost = 0;
    for (const k of acked) for (let i = 0; i < PER_BATCH; i++) if (!counts.has(`o${k}-${i}`)) lost++;
    assert.equal(lost, 0, 'acknowledged events lost');
    assert.deepEqual([...counts].filter(([, n]) => n > 1).slice(0, 5), [], 'events stored more than once');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
