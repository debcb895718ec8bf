import type { VigilConfig } from '@vigil/config';
import type { Logger, MetadataStore } from '@vigil/core';
import type { IngestServices } from '../ingest-services.ts';
import { CloudTrailSource, TRAIL_LEDGER_KIND, type ProcessedTrailFile } from './cloud-trail-source.ts';

/** Starts polling `cloudTrails.directory` when enabled (a no-op otherwise); `close` stops the timer. */
export function startCloudTrailSource(
  config: VigilConfig,
  ingest: IngestServices,
  metadata: MetadataStore,
  logger: Logger,
): { source: CloudTrailSource | undefined; close: () => Promise<void> } {
  const settings = config.cloudTrails;
  if (!settings.enabled || settings.directory === undefined) {
    if (settings.enabled) logger.warn({}, 'cloud trails enabled without cloudTrails.directory: not polling');
    return { source: undefined, close: () => Promise.resolve() };
  }
  const source = new CloudTrailSource({
    directory: settings.directory,
    workspace: settings.workspace,
    dataSpace: settings.dataSpace,
    maxFileBytes: settings.maxFileBytes,
    pipeline: ingest.pipeline,
    ledger: metadata.repository<ProcessedTrailFile>(TRAIL_LEDGER_KIND),
    logger: logger.child({ component: 'cloud-trails' }),
  });
  ingest.cloudTrails = source;
  const run = () => {
    source.scan().catch((err: unknown) => logger.error({ err }, 'cloud trail scan failed'));
  };
  run();
  const timer = setInterval(run, settings.pollIntervalMs);
  return {
    source,
    close: async () => {
      clearInterval(timer);
      await source.scan().catch(() => {});
    },
  };
}
