import type { Logger } from '@vigil/core';

export interface PeriodicJob {
  /** Stops the timer and waits for a pass that is running. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` now and then every `intervalMs`, never two at a time (a slow pass delays the next one
 * rather than overlapping it). A failed pass is logged as `failureMessage` and the job keeps going; the
 * timer does not keep the process alive.
 */
export function startPeriodicJob(
  pass: () => Promise<unknown>,
  options: { intervalMs: number; logger: Logger; failureMessage: string },
): PeriodicJob {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const queuePass = () => {
    running = running.then(() =>
      stopped
        ? undefined
        : pass().catch((error: unknown) =>
            options.logger.error({ error: String(error) }, options.failureMessage),
          ),
    );
  };
  queuePass();
  const timer = setInterval(queuePass, options.intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
