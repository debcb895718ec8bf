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

/** Process-wide detection counters, for `/metrics` (no per-workspace labels: bounded cardinality). */
export function detectionMetricFamilies(service: DetectionService): MetricFamily[] {
  return COUNTERS.map(([name, help]) => ({
    name: `vigil_detection_${name}_total`,
    help,
    type: 'counter' as const,
    samples: [{ labels: {}, value: service.counters[name] }],
  }));
}
