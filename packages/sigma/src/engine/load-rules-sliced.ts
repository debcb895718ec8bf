import { loadRulesSteps } from './load-rules.ts';
import type { LoadOptions, LoadResult, RuleSource } from './load-rules.ts';

/** How a sliced load shares the thread: a clock and a way to let other work run. */
export interface Slicer {
  /** Monotonic milliseconds (e.g. `performance.now`). */
  now(): number;
  /** Resolves after other pending work had its turn (e.g. `setImmediate` in Node). */
  pause(): Promise<void>;
  /** Longest stretch of compile work between pauses (default 10 ms). */
  sliceMs?: number;
}

/**
 * loadRules spread over many event-loop turns: compiles until `sliceMs` have passed, then awaits
 * `pause()` so ingest and API requests keep being served while a large ruleset compiles. Same result
 * as loadRules. Example: `await loadRulesSliced(sources, {}, {now: () => performance.now(), pause})`.
 */
export async function loadRulesSliced(
  sources: readonly RuleSource[],
  options: LoadOptions,
  slicer: Slicer,
): Promise<LoadResult> {
  const sliceMs = slicer.sliceMs ?? 10;
  const steps = loadRulesSteps(sources, options);
  let started = slicer.now();
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
    if (slicer.now() - started >= sliceMs) {
      await slicer.pause();
      started = slicer.now();
    }
  }
}
