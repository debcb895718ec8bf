import { isVigilError } from '@vigil/core';
import type { Bus, Logger } from '@vigil/core';
import { chunkDetections } from './chunk-detections.ts';
import { DETECTIONS_TOPIC } from './detection-event.ts';
import type { Detection } from './detection-event.ts';

export interface PublisherOptions {
  bus: Bus;
  logger: Logger;
  maxBatch?: number;
  maxBatchBytes?: number;
  publishRetryMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Publishes detections on `detections` in bounded messages. A publish refused by backpressure is
 * retried for a while; then the chunk is counted as dropped and logged, and later chunks are tried
 * once only until a publish succeeds again (a stuck topic must not stall ingest).
 */
export class DetectionPublisher {
  private congested = false;
  private readonly options: PublisherOptions;
  private readonly counters: { published: number; dropped: number };

  constructor(options: PublisherOptions, counters: { published: number; dropped: number }) {
    this.options = options;
    this.counters = counters;
  }

  async publish(detections: Detection[]): Promise<void> {
    const maxItems = this.options.maxBatch ?? 500;
    const maxBytes = this.options.maxBatchBytes ?? 262_144;
    for (const chunk of chunkDetections(detections, maxItems, maxBytes)) {
      // Wall time, not the injected clock: this bounds real waiting.
      const deadline = performance.now() + (this.congested ? 0 : (this.options.publishRetryMs ?? 2_000));
      for (let attempt = 1; ; attempt++) {
        try {
          await this.options.bus.publish(DETECTIONS_TOPIC, chunk);
          this.counters.published += chunk.length;
          this.congested = false;
          break;
        } catch (err) {
          const backpressure = isVigilError(err) && err.code === 'BUS_BACKPRESSURE';
          if (backpressure && performance.now() < deadline) {
            await sleep(Math.min(20 * attempt, 250));
            continue;
          }
          this.congested = backpressure;
          this.counters.dropped += chunk.length;
          this.options.logger.error({ err, dropped: chunk.length }, 'detections could not be published');
          break;
        }
      }
    }
  }
}
