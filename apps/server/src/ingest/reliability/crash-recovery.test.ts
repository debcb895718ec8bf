import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  killHard,
  prepareDataDir,
  startVigil,
  stopVigil,
  storedMessageCounts,
} from './reliability-server.ts';
import type { RunningVigil } from './reliability-server.ts';

// Recent event times: retention (applied at start-up) would delete old ones.
const BASE = Date.now() - 3_600_000;
const PER_BATCH = 100;
const SENDERS = 3;

/** Batch `k`: PER_BATCH NDJSON events with their own time (the store dedupes on event time + id). */
function batch(k: number): string {
  const lines: string[] = [];
  for (let i = 0; i < PER_BATCH; i++) {
    lines.push(
      JSON.stringify({ '@timestamp': new Date(BASE + k * 1000 + i).toISOString(), message: `b${k}-${i}` }),
    );
  }
  return `${lines.join('\n')}\n`;
}

async function send(vigil: RunningVigil, token: string, k: number): Promise<number> {
  const res = await fetch(`${vigil.base}/api/v1/workspaces/default/ingest`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/x-ndjson',
      'x-vigil-delivery-id': `batch-${k}`,
    },
    body: batch(k),
  });
  await res.arrayBuffer();
  return res.status;
}

test('kill -9 during sustained ingest: every acknowledged event is stored exactly once after restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-crash-'));
  try {
    const token = await prepareDataDir(dir);
    let vigil = await startVigil(dir);
    const acked = new Set<number>();
    const unsure = new Set<number>();
    let next = 0;
    let stop = false;
    // Senders loop until the kill; a request without an answer is "unsure" and is re-sent later.
    const senders = Array.from({ length: SENDERS }, async () => {
      while (!stop) {
        const k = next++;
        try {
          const status = await send(vigil, token, k);
          if (status === 200) acked.add(k);
          else unsure.add(k);
        } catch {
          unsure.add(k);
        }
      }
    });
    const deadline = Date.now() + 20_000;
    while (acked.size < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(
      acked.size >= 20,
      `only ${acked.size} batches acknowledged before the kill:\n${vigil.output()}`,
    );
    await killHard(vigil);
    stop = true;
    await Promise.all(senders);
    const beforeKill = acked.size;

    vigil = await startVigil(dir);
    try {
      // The sender re-sends what it is unsure of, and (as after a lost answer) some acknowledged batches.
      const resend = [...unsure, ...[...acked].slice(0, 5)];
      for (const k of resend) {
        assert.equal(await send(vigil, token, k), 200, vigil.output());
        acked.add(k);
      }
    } finally {
      await stopVigil(vigil);
    }

    const counts = await storedMessageCounts(dir, BASE - 86_400_000, BASE + 86_400_000);
    const lost: string[] = [];
    for (const k of acked) {
      for (let i = 0; i < PER_BATCH; i++) if (!counts.has(`b${k}-${i}`)) lost.push(`b${k}-${i}`);
    }
    assert.deepEqual(
      lost.slice(0, 10),
      [],
      `${lost.length} acknowledged events lost of ${acked.size * PER_BATCH}, stored ${counts.size}, before kill ${beforeKill}, unsure ${unsure.size}`,
    );
    const duplicated = [...counts].filter(([, n]) => n > 1);
    assert.deepEqual(duplicated.slice(0, 10), [], `${duplicated.length} events stored more than once`);
    assert.equal(counts.size, acked.size * PER_BATCH);
    assert.ok(beforeKill >= 20);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
