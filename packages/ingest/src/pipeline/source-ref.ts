/**
 * Where a batch came from and where it goes: the workspace and data space it is stored in (from the
 * ingest token's binding or the listener's configuration) and a source name (`http:<token name>`,
 * `syslog-udp`…) that labels counters and `vigil.source`. Keep source names bounded: they are
 * Prometheus labels.
 */
export interface SourceRef {
  workspace: string;
  dataSpace: string;
  source: string;
}

/** The key of a source in counters and maps. */
export function sourceKey(ref: SourceRef): string {
  return `${ref.workspace}\u0000${ref.dataSpace}\u0000${ref.source}`;
}
