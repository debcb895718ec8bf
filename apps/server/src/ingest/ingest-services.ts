import type { Bus, Logger } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import {
  createIngestPipeline,
  MemoryIngestTokenVerifier,
  SourceStats,
  type CommitTracker,
  type DetectHook,
  type IngestPipeline,
  type IngestTokenVerifier,
} from '@vigil/ingest';
import { HecAcks } from './hec/hec-acks.ts';
import { IngestAdmission } from './http/ingest-admission.ts';
import type { CloudTrailSource } from './cloud-trails/cloud-trail-source.ts';
import { SyslogRuntime } from './syslog/syslog-runtime.ts';

/** Everything the ingest routes and listeners share. */
export interface IngestServices {
  pipeline: IngestPipeline;
  stats: SourceStats;
  verifier: IngestTokenVerifier;
  hecAcks: HecAcks;
  /** Bounds the HTTP ingest requests handled at once (429 beyond). */
  admission: IngestAdmission;
  /** The cloud trail directory source, when enabled (for /metrics). */
  cloudTrails?: CloudTrailSource;
  /** Syslog listeners report whether they are up (for /metrics). */
  listeners: Map<string, boolean>;
  /** Syslog refusal counters and source-registry changes (shared by the listeners and the API). */
  syslog: SyslogRuntime;
}

export interface IngestServicesOptions {
  bus: Bus;
  config: VigilConfig;
  /** Ingest token checks; without one, no token is valid (every ingest request gets 401). */
  verifier?: IngestTokenVerifier;
  /** Embedded mode: HTTP acknowledgements wait for the event writer's commit. */
  commits?: CommitTracker;
  detect?: DetectHook;
  logger?: Logger;
}

/** Composes the ingest pipeline stage for the server (HTTP routes and syslog listeners). */
export function createIngestServices(options: IngestServicesOptions): IngestServices {
  const stats = new SourceStats();
  return {
    pipeline: createIngestPipeline({
      bus: options.bus,
      stats,
      maxBatchEvents: options.config.ingest.batchMaxEvents,
      // NATS messages are capped at 1 MB by default; the in-process queue has no such limit, and
      // SQLite appends are much cheaper per event in larger transactions.
      maxBatchBytes: options.config.mode === 'embedded' ? 8_388_608 : 262_144,
      ...(options.commits ? { commits: options.commits } : {}),
      ...(options.detect ? { detect: options.detect } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    }),
    stats,
    verifier: options.verifier ?? new MemoryIngestTokenVerifier(),
    hecAcks: new HecAcks(),
    admission: new IngestAdmission(options.config.ingest.maxConcurrentRequests),
    listeners: new Map(),
    syslog: new SyslogRuntime(),
  };
}
