import type { SourceStatsRow } from '@vigil/ingest';
import type { MetricFamily } from '../../metrics/prometheus-text.ts';
import type { IngestServices } from '../ingest-services.ts';

const COUNTERS = [
  ['received', 'Records received per source.'],
  ['parsed', 'Records parsed without error.'],
  ['failed', 'Records stored with vigil.parse_error.'],
  ['dropped', 'Records lost (UDP overflow): counted, never silent.'],
  ['rejected', 'Records refused with retry-later (429, HEC busy, ES 429 items).'],
  ['accepted', 'Records queued for storage.'],
  ['bytes', 'Payload bytes received (decompressed).'],
] as const;

function labels(row: SourceStatsRow): Record<string, string> {
  return { workspace: row.workspace, data_space: row.dataSpace, source: row.source };
}

/** Per-source ingest counters and listener state, for `/metrics`. */
export function ingestMetricFamilies(services: IngestServices): MetricFamily[] {
  const rows = services.stats.snapshot();
  return [
    ...COUNTERS.map(([name, help]) => ({
      name: `vigil_ingest_${name}_total`,
      help,
      type: 'counter' as const,
      samples: rows.map((row) => ({ labels: labels(row), value: row[name] })),
    })),
    {
      name: 'vigil_ingest_lag_seconds',
      help: 'Mean receive time minus event time over the last batch of a source.',
      type: 'gauge',
      samples: rows.map((row) => ({ labels: labels(row), value: row.lagMs / 1000 })),
    },
    {
      name: 'vigil_ingest_lag_max_seconds',
      help: 'Largest receive time minus event time in the last batch of a source.',
      type: 'gauge',
      samples: rows.map((row) => ({ labels: labels(row), value: row.lagMaxMs / 1000 })),
    },
    {
      name: 'vigil_ingest_overload_refused_total',
      help: 'HTTP ingest requests refused with 429 because too many were in flight (before authentication).',
      type: 'counter',
      samples: [{ labels: {}, value: services.admission.refused }],
    },
    {
      name: 'vigil_ingest_in_flight_requests',
      help: 'HTTP ingest requests being handled now.',
      type: 'gauge',
      samples: [{ labels: {}, value: services.admission.inFlight }],
    },
    ...cloudTrailFamilies(services),
    {
      name: 'vigil_syslog_listener_up',
      help: 'Whether a syslog listener is bound (1) or failed to start (0).',
      type: 'gauge',
      samples: [...services.listeners].map(([listener, up]) => ({ labels: { listener }, value: up ? 1 : 0 })),
    },
    {
      name: 'vigil_syslog_refused_total',
      help: 'Syslog messages (connections for unknown_certificate) refused before reaching a source, by reason.',
      type: 'counter',
      samples: services.syslog
        .refusals()
        .map((r) => ({ labels: { listener: r.listener, reason: r.reason }, value: r.count })),
    },
  ];
}

function cloudTrailFamilies(services: IngestServices): MetricFamily[] {
  const counters = services.cloudTrails?.counters;
  if (counters === undefined) return [];
  return [
    {
      name: 'vigil_cloud_trail_files_total',
      help: 'Trace files handled by the cloud trail directory source, by result.',
      type: 'counter',
      samples: [
        { labels: { result: 'ingested' }, value: counters.filesIngested },
        { labels: { result: 'failed' }, value: counters.filesFailed },
      ],
    },
    {
      name: 'vigil_cloud_trail_scan_errors_total',
      help: 'Scans of the cloud trail directory that could not list it.',
      type: 'counter',
      samples: [{ labels: {}, value: counters.scanErrors }],
    },
  ];
}
