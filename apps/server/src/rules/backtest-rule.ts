import type { EventStore, VigilEvent } from '@vigil/core';
import { userError } from '@vigil/core';
import { ProbeRun } from './rule-probe.ts';
import type { Probe, ProbeCorrelation } from './rule-probe.ts';

export interface BacktestRequest {
  workspace: string;
  from: number;
  to: number;
  dataSpaces?: readonly string[];
  /** Matching events returned (the count covers all). */
  limit: number;
  /** Events scanned at most; past it the answer says `truncated`. */
  maxScan: number;
  latenessMs: number;
}

export interface BacktestResult {
  /** Single-event matches plus correlation hits over the scanned events. */
  hits: number;
  scanned: number;
  truncated: boolean;
  events: VigilEvent[];
  suppressed: number;
  correlations: (Omit<ProbeCorrelation, 'eventIndexes'> & { eventIds: string[] })[];
}

const PAGE = 1000;

/**
 * Runs a prepared probe over the stored events of a time range, oldest first (so correlations see
 * event time move forward), scanning at most `maxScan` events.
 */
export async function backtestRule(
  events: EventStore,
  probe: Probe,
  req: BacktestRequest,
): Promise<BacktestResult> {
  if (!(req.to > req.from))
    throw userError('INVALID_RANGE', '"to" must be after "from"', { details: { field: 'to' } });
  const run = new ProbeRun(probe, req.limit, req.latenessMs);
  const found: VigilEvent[] = [];
  const ids = new Map<number, string>();
  let scanned = 0;
  let cursor: string | undefined;
  let truncated = false;
  for (;;) {
    const page = await events.query({
      workspace: req.workspace,
      from: req.from,
      to: req.to,
      limit: Math.min(PAGE, req.maxScan - scanned),
      order: 'asc',
      ...(req.dataSpaces && req.dataSpaces.length > 0 ? { dataSpaces: req.dataSpaces } : {}),
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const ev of page.events) {
      const index = scanned++;
      const before = run.correlations.length;
      if (run.feed(ev, index) && found.length < req.limit) found.push(ev);
      if (probe.compiled.correlations.length > 0 || run.correlations.length > before)
        ids.set(index, ev.vigil.id);
    }
    if (page.next === undefined) break;
    if (scanned >= req.maxScan) {
      truncated = true;
      break;
    }
    cursor = page.next;
  }
  run.finish();
  return {
    hits: run.hits,
    scanned,
    truncated,
    events: found,
    suppressed: run.suppressed.length,
    correlations: run.correlations.map(({ eventIndexes, ...c }) => ({
      ...c,
      eventIds: eventIndexes.map((i) => ids.get(i)).filter((x): x is string => x !== undefined),
    })),
  };
}
