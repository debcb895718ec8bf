import { createInProcessBus, type Bus, type Logger } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import { describeFailure, urlTarget } from './describe-failure.ts';
import { requireServiceUrls } from './open-storage.ts';

/** The in-process bus (embedded) or NATS JetStream (distributed). */
export async function openBus(config: VigilConfig, logger: Logger): Promise<Bus> {
  if (config.mode === 'embedded')
    return createInProcessBus({ capacity: config.ingest.queueCapacity, logger });
  const { natsUrl } = requireServiceUrls(config, 'distributed mode');
  const { connectNatsBus } = await import('@vigil/bus-nats');
  return describeFailure('cannot connect to the bus', `NATS ${urlTarget(natsUrl)}`, () =>
    connectNatsBus({
      url: natsUrl,
      streamPrefix: config.nats.streamPrefix,
      logger,
      ...(config.nats.maxPendingMessages === undefined
        ? {}
        : { maxPendingMessages: config.nats.maxPendingMessages }),
    }),
  );
}
