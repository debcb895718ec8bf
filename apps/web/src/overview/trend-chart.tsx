import { useEffect, useRef } from 'react';
import { init } from './echarts-setup.ts';
import { SEVERITIES, type OverviewView, type SeverityName } from './parse-overview.ts';
import { severityLabel } from './severity-label.ts';
import { trendChartOption, type TrendColours } from './trend-chart-option.ts';

/** The chart's colours come from the stylesheet (light and dark themes), read off the container. */
function coloursOf(el: HTMLElement): TrendColours {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    severity: Object.fromEntries(SEVERITIES.map((s) => [s, v(`--sev-${s}`, '#888')])) as Record<
      SeverityName,
      string
    >,
    incidents: v('--trend-incidents', '#1d4ed8'),
    breaches: v('--trend-breaches', '#b42318'),
    text: v('--muted', '#5b6474'),
    grid: v('--border', '#d8dde5'),
  };
}

/** 7-day alerts by severity with open incidents and SLA breaches, as a chart and as a table. */
export function TrendChart({ trend }: { readonly trend: OverviewView['trend'] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const chart = init(el, undefined, { renderer: 'canvas' });
    chart.setOption(trendChartOption(trend, coloursOf(el)));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [trend]);
  const total = (i: number) => SEVERITIES.reduce((s, sev) => s + (trend.alerts[sev][i] ?? 0), 0);
  return (
    <figure className="trend-figure">
      <div ref={ref} className="trend-chart" data-testid="trend-chart" />
      <figcaption className="muted">
        Alerts raised per UTC day by severity (bars), incidents open at each day’s end and SLA targets missed
        that day (lines).
      </figcaption>
      <details>
        <summary>Show the figures as a table</summary>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Alerts, open incidents and SLA breaches per day</caption>
            <thead>
              <tr>
                <th scope="col">Day (UTC)</th>
                {SEVERITIES.map((s) => (
                  <th key={s} scope="col">
                    {severityLabel(s)}
                  </th>
                ))}
                <th scope="col">All alerts</th>
                <th scope="col">Open incidents</th>
                <th scope="col">SLA breaches</th>
              </tr>
            </thead>
            <tbody>
              {trend.days.map((day, i) => (
                <tr key={day}>
                  <th scope="row">{day}</th>
                  {SEVERITIES.map((s) => (
                    <td key={s}>{trend.alerts[s][i] ?? 0}</td>
                  ))}
                  <td>{total(i)}</td>
                  <td>{trend.openIncidents[i] ?? 0}</td>
                  <td>{trend.slaBreaches[i] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
