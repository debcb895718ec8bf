// The ECharts option of the search histogram (pure, so its shape is checked without a browser).
import type { Bar } from './histogram.ts';

export interface HistogramColours {
  readonly bar: string;
  readonly text: string;
  readonly grid: string;
}

export function histogramOption(bars: readonly Bar[], spanMs: number, colours: HistogramColours) {
  return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 48, right: 16, top: 12, bottom: 28 },
    tooltip: {
      trigger: 'axis' as const,
      renderMode: 'richText' as const,
      valueFormatter: (value: unknown) => `${String(value)} events`,
    },
    xAxis: {
      type: 'time' as const,
      axisLabel: { color: colours.text, hideOverlap: true },
      axisLine: { lineStyle: { color: colours.grid } },
    },
    yAxis: {
      type: 'value' as const,
      minInterval: 1,
      axisLabel: { color: colours.text },
      splitLine: { lineStyle: { color: colours.grid } },
    },
    series: [
      {
        type: 'bar' as const,
        name: 'Events',
        // Each bar sits in the middle of its bucket.
        data: bars.map((b) => [b.at + spanMs / 2, b.count]),
        barMaxWidth: 24,
        itemStyle: { color: colours.bar },
      },
    ],
  };
}
