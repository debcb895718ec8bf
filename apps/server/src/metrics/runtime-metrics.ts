import type { Bus, EventWriter } from '@vigil/core';
import type { MetricFamily } from './prometheus-text.ts';

export interface RuntimeMetricsSources {
  bus: Bus;
  /** Topics whose queue depth is reported. */
  topics: readonly string[];
  writer?: EventWriter;
  version: string;
  mode: string;
}

const BUS_COUNTERS = [
  ['published', 'Batches accepted by publish().'],
  ['rejected', 'Batches refused with BUS_BACKPRESSURE.'],
  ['delivered', 'Handler invocations, redeliveries included.'],
  ['redelivered', 'Deliveries after the first attempt.'],
  ['acked', 'Batches acknowledged after their handler succeeded.'],
  ['deadLettered', 'Batches given up after maxDeliver failed attempts.'],
] as const;

/** The bus adapter's per-topic counters (`Bus.stats()`), one family per counter. */
function busStatFamilies(bus: Bus): MetricFamily[] {
  const stats = bus.stats?.() ?? [];
  return BUS_COUNTERS.map(([counter, help]) => ({
    name: `vigil_bus_${counter.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_total`,
    help,
    type: 'counter' as const,
    samples: stats.map((s) => ({ labels: { topic: s.topic }, value: s[counter] })),
  }));
}

/** Process, bus and pipeline figures, gathered at scrape time. */
export async function runtimeMetricFamilies(sources: RuntimeMetricsSources): Promise<MetricFamily[]> {
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  const pressures = await Promise.all(
    sources.topics.map(async (topic) => ({
      topic,
      pressure: await sources.bus.pressure(topic).catch(() => undefined),
    })),
  );
  const known = pressures.filter((p) => p.pressure !== undefined);
  const families: MetricFamily[] = [
    {
      name: 'vigil_build_info',
      help: 'Version and mode of this process (always 1).',
      type: 'gauge',
      samples: [{ labels: { version: sources.version, mode: sources.mode }, value: 1 }],
    },
    {
      name: 'process_uptime_seconds',
      help: 'Seconds since the process started.',
      type: 'gauge',
      samples: [{ value: process.uptime() }],
    },
    {
      name: 'process_cpu_seconds_total',
      help: 'User and system CPU time spent.',
      type: 'counter',
      samples: [{ value: (cpu.user + cpu.system) / 1e6 }],
    },
    {
      name: 'process_resident_memory_bytes',
      help: 'Resident set size.',
      type: 'gauge',
      samples: [{ value: memory.rss }],
    },
    {
      name: 'nodejs_heap_used_bytes',
      help: 'V8 heap in use.',
      type: 'gauge',
      samples: [{ value: memory.heapUsed }],
    },
    {
      name: 'vigil_bus_pending_messages',
      help: 'Batches published to a topic and not yet acknowledged.',
      type: 'gauge',
      samples: known.map((p) => ({ labels: { topic: p.topic }, value: p.pressure?.pending ?? 0 })),
    },
    {
      name: 'vigil_bus_capacity_messages',
      help: 'Batches a topic holds before publishers get backpressure.',
      type: 'gauge',
      samples: known.map((p) => ({ labels: { topic: p.topic }, value: p.pressure?.capacity ?? 0 })),
    },
    ...busStatFamilies(sources.bus),
  ];
  if (sources.writer) {
    const stats = sources.writer.stats();
    families.push(
      {
        name: 'vigil_events_stored_total',
        help: 'Events appended to the event store by this process.',
        type: 'counter',
        samples: [{ value: stats.events }],
      },
      {
        name: 'vigil_event_batches_stored_total',
        help: 'Event batches appended by this process.',
        type: 'counter',
        samples: [{ value: stats.batches }],
      },
      {
        name: 'vigil_event_append_failures_total',
        help: 'Failed batch appends (redelivered).',
        type: 'counter',
        samples: [{ value: stats.failures }],
      },
    );
  }
  return families;
}
