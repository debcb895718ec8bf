import { setTimeout as sleep } from 'node:timers/promises';
import type { Bus } from '@vigil/core';

/**
 * Waits until every batch published to `topic` has been acknowledged, or `timeoutMs` passed. Used at
 * shutdown of embedded mode: the in-process queue lives in memory, so stopping its consumer early
 * would lose accepted events. Returns the batches still pending (0 when drained).
 */
export async function drainTopic(bus: Bus, topic: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { pending } = await bus.pressure(topic);
    if (pending === 0 || Date.now() >= deadline) return pending;
    await sleep(20);
  }
}
