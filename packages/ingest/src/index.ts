// @vigil/ingest: the pipeline stage from received records to batches on the store topic (DESIGN §1).
export * from './pipeline/source-ref.ts';
export * from './pipeline/to-vigil-event.ts';
export * from './pipeline/ingest-pipeline.ts';
export * from './hooks/detect-hook.port.ts';
export * from './hooks/asset-lookup.port.ts';
export * from './stats/source-stats.ts';
export * from './durability/commit-tracker.ts';
export * from './tokens/ingest-token-verifier.port.ts';
export * from './tokens/memory-ingest-token-verifier.ts';
export * from './tokens/machine-token-verifier.ts';
export * from './syslog/syslog-framer.ts';
export * from './syslog/syslog-token.ts';
export * from './cloud-trails/trail-file.ts';
