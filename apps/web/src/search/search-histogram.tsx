import { useEffect, useRef, useState } from 'react';
import { apiJson } from '../api/api-client.ts';
import { barsOf, histogramQuery, histogramSpan, type Bar } from './histogram.ts';
import { histogramOption } from './histogram-option.ts';
import type { Row, SearchInput } from './search-api.ts';
import { init } from './search-echarts.ts';

type State =
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | {
      readonly status: 'done';
      readonly bars: readonly Bar[];
      readonly spanMs: number;
      readonly span: string;
    };

/** Event counts over the search's time range (a `timechart count()` of the same search), as bars. */
export function SearchHistogram({
  workspaceId,
  input,
}: {
  readonly workspaceId: string;
  readonly input: SearchInput;
}) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    const { span, ms } = histogramSpan(Date.parse(input.from), Date.parse(input.to));
    setState({ status: 'loading' });
    apiJson<{ stats?: { rows?: Row[] } } | undefined>(
      'POST',
      `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/events/search`,
      { query: histogramQuery(input.query, span), from: input.from, to: input.to, limit: 10_000 },
      { signal: controller.signal, timeoutMs: 60_000 },
    ).then(
      (body) => {
        if (!controller.signal.aborted)
          setState({ status: 'done', bars: barsOf(body?.stats?.rows ?? []), spanMs: ms, span });
      },
      () => {
        // The results above report a bad query or an unreachable server; the chart just stays away.
        if (!controller.signal.aborted) setState({ status: 'failed' });
      },
    );
    return () => controller.abort();
  }, [workspaceId, input]);

  const bars = state.status === 'done' ? state.bars : undefined;
  const spanMs = state.status === 'done' ? state.spanMs : 0;
  useEffect(() => {
    const el = ref.current;
    if (el === null || bars === undefined) return;
    const css = getComputedStyle(el);
    const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    const chart = init(el, undefined, { renderer: 'canvas' });
    chart.setOption(
      histogramOption(bars, spanMs, {
        bar: v('--accent', '#1d4ed8'),
        text: v('--muted', '#5b6474'),
        grid: v('--border', '#d8dde5'),
      }),
    );
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [bars, spanMs]);

  if (state.status === 'failed') return null;
  const total = bars?.reduce((sum, b) => sum + b.count, 0);
  return (
    <figure className="search-histogram" aria-busy={state.status === 'loading'}>
      <div ref={ref} className="search-histogram-chart" data-testid="search-histogram" />
      <figcaption className="muted" data-testid="histogram-caption">
        {state.status === 'done'
          ? `${total ?? 0} matching events over the time range, in ${state.span} buckets.`
          : 'Counting events over the time range…'}
      </figcaption>
    </figure>
  );
}
