import { createInProcessBus, startEventWriter, type Logger } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import {
  CommitTracker,
  createIngestPipeline,
  SourceStats,
  trackCommits,
  type SourceRef,
} from '@vigil/ingest';
import type { FormatName } from '@vigil/parsers';
import { openMigratedStorage } from '@vigil/server';
import type { IngestSink } from './ingest-sink.ts';
import { assertWorkspaceWritable } from './assert-workspace-writable.ts';

/**
 * Local mode: opens the configured storage and stores through the same pipeline stage as the
 * server (parse → enrich → detect hook → bus → event writer), each chunk committed before the next.
 * The target workspace must accept writes (not archived or scheduled for deletion).
 */
export async function openLocalSink(
  config: VigilConfig,
  logger: Logger,
  workspace: string,
): Promise<IngestSink> {
  const { storage } = await openMigratedStorage(config, logger);
  try {
    await assertWorkspaceWritable(config, workspace, logger);
  } catch (err) {
    await storage.close();
    throw err;
  }
  const bus = createInProcessBus({ capacity: config.ingest.queueCapacity, logger });
  const commits = new CommitTracker(config.ingest.commitTimeoutMs);
  const writer = await startEventWriter({ bus, events: trackCommits(storage.events, commits), logger });
  const pipeline = createIngestPipeline({
    bus,
    stats: new SourceStats(),
    commits,
    maxBatchEvents: config.ingest.batchMaxEvents,
  });
  return {
    async send(source: SourceRef, text: string, format: FormatName) {
      const result = await pipeline.ingest({
        source,
        text,
        bytes: Buffer.byteLength(text),
        durable: true,
        patient: true,
        format,
      });
      return { events: result.accepted, failed: result.failed };
    },
    async close() {
      await writer.stop();
      await bus.close();
      await storage.close();
    },
  };
}
