import { silentLogger, startEventWriter, systemClock, type Logger } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import {
  createCasesRuntime,
  describeFailure,
  openBus,
  openCasesStores,
  openIdentityStores,
  openMigratedStorage,
  requireServiceUrls,
  runsScheduledRules,
  startAlertPipeline,
  startScheduledRules,
  urlTarget,
} from '@vigil/server';

export interface RunningWorker {
  /** Graceful stop: no new batches, wait for in-flight ones to be stored and acked, then disconnect. */
  close(): Promise<void>;
}

export interface StartWorkerOptions {
  logger?: Logger;
  /** Names this worker in the scheduled-rule ledger's claims (default: random). */
  instanceId?: string;
}

/**
 * The composition root of `vigil worker` (distributed mode): PostgreSQL + NATS JetStream, migrations,
 * then the pipeline consumers. Several workers share each durable consumer, so they scale out.
 */
export async function startWorker(
  config: VigilConfig,
  options: StartWorkerOptions = {},
): Promise<RunningWorker> {
  const { natsUrl } = requireServiceUrls(config, 'vigil worker');
  const logger = (options.logger ?? silentLogger).child({ role: 'worker' });
  // The worker is distributed by definition, whatever `mode` the shared config file says.
  const distributed: VigilConfig = { ...config, mode: 'distributed' };
  // Closed in reverse order of opening, on failure as on shutdown.
  const cleanups: (() => Promise<void>)[] = [];
  const unwind = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((err: unknown) => logger.warn({ err }, 'cleanup failed'));
    }
  };
  try {
    const { storage } = await openMigratedStorage(distributed, logger);
    cleanups.push(() => storage.close());
    const bus = await openBus(distributed, logger);
    cleanups.push(() => bus.close());
    const writer = await describeFailure('cannot start the event writer', `NATS ${urlTarget(natsUrl)}`, () =>
      startEventWriter({ bus, events: storage.events, logger }),
    );
    cleanups.push(() => writer.stop());
    // Detections → alerts (dedup, suppression) → incidents (automatic grouping); durable consumer alert-aggregator.
    const casesStores = await openCasesStores(distributed, logger);
    cleanups.push(() => casesStores.close());
    const cases = createCasesRuntime(casesStores, { metadata: storage.metadata });
    const pipeline = await startAlertPipeline({
      bus,
      cases,
      events: storage.events,
      logger: logger.child({ job: 'alert-pipeline' }),
    });
    cleanups.push(() => pipeline.stop());
    // Scheduled query rules, when scheduledRules.runIn includes the worker: the same runner and alert
    // intake as `vigil serve`; the ledger's claims keep each interval to one runner across processes.
    if (runsScheduledRules(distributed, 'worker')) {
      const identityStores = await openIdentityStores(distributed, logger);
      cleanups.push(() => identityStores.close());
      const scheduledRules = startScheduledRules({
        config: distributed,
        process: 'worker',
        metadata: storage.metadata,
        search: storage.search,
        cases,
        workspaces: async () => (await identityStores.workspaces.list()).map((w) => w.id),
        clock: systemClock,
        logger: logger.child({ job: 'scheduled-rules' }),
        ...(options.instanceId === undefined ? {} : { instanceId: options.instanceId }),
      });
      cleanups.push(() => scheduledRules.stop());
    }
    logger.info({}, 'worker started');
    let closing: Promise<void> | undefined;
    return {
      close: () => {
        closing ??= unwind().then(() => logger.info({}, 'worker stopped'));
        return closing;
      },
    };
  } catch (err) {
    await unwind();
    throw err;
  }
}
