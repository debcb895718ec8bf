import type { Slicer } from '@vigil/sigma';

/**
 * How the server compiles large rule sets (see loadRulesSliced): ~10 ms of compile work, then
 * `setImmediate` lets pending I/O, ingest batches and API requests run. Wall time, not the injected
 * clock: slices bound real time spent off the event loop.
 */
export const eventLoopSlicer: Slicer = {
  now: () => performance.now(),
  pause: () => new Promise<void>((r) => setImmediate(r)),
  sliceMs: 10,
};

/**
 * For loops of small async or sync steps (parsing files, writing records): call the returned function
 * after each step; it pauses once a slice has passed. Awaiting promises that are already resolved
 * never lets I/O in, so a long loop of store writes needs this as much as a compile does.
 */
export function breather(slicer: Slicer = eventLoopSlicer): () => Promise<void> {
  const sliceMs = slicer.sliceMs ?? 10;
  let started = slicer.now();
  return async () => {
    if (slicer.now() - started < sliceMs) return;
    await slicer.pause();
    started = slicer.now();
  };
}
