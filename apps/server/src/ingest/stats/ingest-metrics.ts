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
      name: 'vigil_syslog_listener_up',
      help: 'Whether a syslog listener is bound (1) or failed to start (0).',
      type: 'gauge',
      samples: [...services.listeners].map(([listener, up]) => ({ labels: { listener }, value: up ? 1 : 0 })),
    },
  ];
}
