// The ECharts option of the 7-day trend: alerts stacked by severity (bars), open incidents and SLA
// breaches (lines). Pure, so it is unit-tested without a browser.
import { SEVERITIES, type OverviewView, type SeverityName } from './parse-overview.ts';
import { severityLabel } from './severity-label.ts';

export interface TrendColours {
  readonly severity: Readonly<Record<SeverityName, string>>;
  readonly incidents: string;
  readonly breaches: string;
  readonly text: string;
  readonly grid: string;
}

export function trendChartOption(trend: OverviewView['trend'], colours: TrendColours) {
  const days = trend.days.map((d) => d.slice(5));
  const textStyle = { color: colours.text };
  return {
    animation: false,
    aria: { enabled: true },
    // Rich-text tooltips are drawn on the canvas: HTML tooltips would carry inline styles the CSP blocks.
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { top: 0, textStyle },
    grid: { left: 40, right: 40, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: days, axisLabel: textStyle },
    yAxis: [
      {
        type: 'value',
        name: 'Alerts',
        minInterval: 1,
        axisLabel: textStyle,
        nameTextStyle: textStyle,
        splitLine: { lineStyle: { color: colours.grid } },
      },
      {
        type: 'value',
        name: 'Incidents',
        minInterval: 1,
        axisLabel: textStyle,
        nameTextStyle: textStyle,
        splitLine: { show: false },
      },
    ],
    series: [
      // Bottom to top: the most severe on top, where the eye lands first.
      ...[...SEVERITIES].reverse().map((s) => ({
        name: severityLabel(s),
        type: 'bar',
        stack: 'alerts',
        data: [...trend.alerts[s]],
        itemStyle: { color: colours.severity[s] },
      })),
      {
        name: 'Open incidents',
        type: 'line',
        yAxisIndex: 1,
        data: [...trend.openIncidents],
        itemStyle: { color: colours.incidents },
        lineStyle: { color: colours.incidents },
      },
      {
        name: 'SLA breaches',
        type: 'line',
        yAxisIndex: 1,
        data: [...trend.slaBreaches],
        itemStyle: { color: colours.breaches },
        lineStyle: { color: colours.breaches, type: 'dashed' },
      },
    ],
  };
}
