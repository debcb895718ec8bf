import type { Logger } from '@vigil/core';
import type { CasesRuntime } from './cases-runtime.ts';

export interface AlertStreamPoller {
  stop(): Promise<void>;
}

/**
 * Distributed mode: alerts are created by `vigil worker`, not in this process, so the live stream reads
 * new alerts from the store instead — only for workspaces someone is listening to, every `intervalMs`,
 * looking back `overlapMs` to tolerate clock skew between hosts (the notifier drops repeats).
 */
export function startAlertStreamPoller(options: {
  cases: CasesRuntime;
  logger: Logger;
  intervalMs?: number;
  overlapMs?: number;
}): AlertStreamPoller {
  const { cases, logger } = options;
  const overlap = options.overlapMs ?? 60_000;
  let since = cases.clock.now() - overlap;
  let running: Promise<void> | undefined;
  const poll = async (): Promise<void> => {
    const now = cases.clock.now();
    for (const ws of cases.notifier.workspaces()) {
      const alerts = await cases.alerts.list(ws, { createdFrom: since, limit: 1000 });
      cases.notifier.publish(alerts.sort((a, b) => a.createdAt - b.createdAt));
    }
    since = now - overlap;
  };
  const timer = setInterval(() => {
    if (running !== undefined) return;
    running = poll()
      .catch((err: unknown) => logger.warn({ err }, 'alert stream poll failed'))
      .finally(() => {
        running = undefined;
      });
  }, options.intervalMs ?? 2000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
