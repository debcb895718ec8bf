import type { MetricFamily } from '../metrics/prometheus-text.ts';
import type { DetectionService } from './detection-service.ts';

const COUNTERS = [
  ['events', 'Events the detection stage evaluated.'],
  ['detections', 'Detections produced (rule matches and correlation hits).'],
  ['published', 'Detections published on the detections topic.'],
  ['dropped', 'Detections lost because the detections topic stayed full: counted, never silent.'],
  ['errors', 'Batches detection failed on (the events were still stored).'],
  ['compilations', 'Workspace rulesets compiled.'],
] as const;

const POOL_COUNTERS = [
  ['worker_restarts', 'workerRestarts', 'Match worker threads that died and were started again.'],
  ['batch_retries', 'batchRetries', 'Batches retried on a restarted match worker after theirs died.'],
  [
    'main_thread_fallbacks',
    'mainThreadFallbacks',
    'Batches the match workers failed twice (or refused), matched on the main thread instead.',
  ],
] as const;

/** Process-wide detection counters, for `/metrics` (no per-workspace labels: bounded cardinality). */
export function detectionMetricFamilies(service: DetectionService): MetricFamily[] {
  const pool = service.poolCounters();
  return [
    ...COUNTERS.map(([name, help]) => ({
      name: `vigil_detection_${name}_total`,
      help,
      type: 'counter' as const,
      samples: [{ labels: {}, value: service.counters[name] }],
    })),
    ...POOL_COUNTERS.map(([name, key, help]) => ({
      name: `vigil_detection_${name}_total`,
      help,
      type: 'counter' as const,
      samples: [{ labels: {}, value: pool[key] }],
    })),
    {
      name: 'vigil_detection_match_threads',
      help: 'Worker threads matching events (0: matching runs on the main thread).',
      type: 'gauge' as const,
      samples: [{ labels: {}, value: pool.threads }],
    },
  ];
}
