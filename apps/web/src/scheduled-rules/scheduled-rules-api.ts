// The scheduled query rules API of a workspace (apps/server/src/scheduled-rules, docs/scheduled-rules.md):
// list, create, replace, enable/disable, delete, run history and dry-run simulation.
import { apiJson } from '../api/api-client.ts';
import { obj, objects, str, strs, type Json } from '../admin/parse.ts';

export interface ScheduledTrigger {
  readonly kind: 'count' | 'aggregate';
  readonly fn: string;
  readonly field: string | undefined;
  readonly operator: string;
  readonly threshold: number;
  readonly groupBy: readonly string[];
}

/** What the form edits and the server stores. */
export interface ScheduledRuleDraft {
  readonly name: string;
  readonly description: string;
  readonly query: string;
  readonly intervalSeconds: number;
  readonly lookbackSeconds: number;
  readonly delaySeconds: number;
  readonly trigger: ScheduledTrigger;
  readonly severity: string;
  readonly grouping: 'per-run' | 'per-group';
  readonly suppressionSeconds: number;
  readonly enabled: boolean;
  readonly simulation: boolean;
}

export interface ScheduleSummary {
  readonly coveredUntil: string | undefined;
  readonly nextRunAt: string | undefined;
  readonly lastRun:
    { readonly status: string; readonly finishedAt: string | undefined; readonly alerts: number } | undefined;
  readonly gaps: number;
  readonly lastGap:
    | { readonly start: string | undefined; readonly end: string | undefined; readonly reason: string }
    | undefined;
}

export interface ScheduledRuleView extends ScheduledRuleDraft {
  readonly id: string;
  readonly version: number;
  readonly schedule: ScheduleSummary;
}

export interface Firing {
  readonly group: Json;
  readonly count: number;
  readonly value: number | undefined;
  readonly suppressed: boolean;
}

export interface RunEntry {
  readonly start: string | undefined;
  readonly end: string | undefined;
  readonly status: string;
  readonly late: boolean;
  readonly simulated: boolean;
  readonly attempts: number;
  readonly hits: number;
  readonly truncated: boolean;
  readonly firings: readonly Firing[];
  readonly suppressed: number;
  readonly alerts: number;
  readonly error: string | undefined;
}

export interface WouldBeAlert {
  readonly windowStart: string | undefined;
  readonly windowEnd: string | undefined;
  readonly title: string;
  readonly severity: string;
  readonly group: Json | undefined;
  readonly eventCount: number;
  readonly value: number | undefined;
  readonly description: string;
}

export interface Simulation {
  readonly hits: number;
  readonly suppressed: number;
  readonly windows: number;
  readonly alerts: readonly WouldBeAlert[];
}

const num = (v: unknown, fallback = 0): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;
const optNum = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const base = (ws: string) => `/api/v1/workspaces/${encodeURIComponent(ws)}/scheduled-rules`;
const ruleUrl = (ws: string, id: string) => `${base(ws)}/${encodeURIComponent(id)}`;

export function parseTrigger(v: unknown): ScheduledTrigger {
  const t = obj(v);
  return {
    kind: t['kind'] === 'aggregate' ? 'aggregate' : 'count',
    fn: str(t['fn']) ?? 'count',
    field: str(t['field']),
    operator: str(t['operator']) ?? 'gte',
    threshold: num(t['threshold']),
    groupBy: strs(t['groupBy']),
  };
}

export function parseScheduledRule(r: Json): ScheduledRuleView | undefined {
  const id = str(r['id']);
  if (id === undefined) return undefined;
  const s = obj(r['schedule']);
  const last = r['schedule'] === undefined ? {} : obj(s['lastRun']);
  const gap = obj(s['lastGap']);
  return {
    id,
    version: num(r['version'], 1),
    name: str(r['name']) ?? id,
    description: typeof r['description'] === 'string' ? r['description'] : '',
    query: typeof r['query'] === 'string' ? r['query'] : '',
    intervalSeconds: num(r['intervalSeconds'], 300),
    lookbackSeconds: num(r['lookbackSeconds'], 300),
    delaySeconds: num(r['delaySeconds']),
    trigger: parseTrigger(r['trigger']),
    severity: str(r['severity']) ?? 'medium',
    grouping: r['grouping'] === 'per-group' ? 'per-group' : 'per-run',
    suppressionSeconds: num(r['suppressionSeconds']),
    enabled: r['enabled'] === true,
    simulation: r['simulation'] === true,
    schedule: {
      coveredUntil: str(s['coveredUntil']),
      nextRunAt: str(s['nextRunAt']),
      lastRun:
        str(last['status']) === undefined
          ? undefined
          : {
              status: str(last['status']) ?? '',
              finishedAt: str(last['finishedAt']),
              alerts: num(last['alerts']),
            },
      gaps: num(s['gaps']),
      lastGap:
        str(gap['reason']) === undefined
          ? undefined
          : { start: str(gap['start']), end: str(gap['end']), reason: str(gap['reason']) ?? '' },
    },
  };
}

function parseFiring(f: Json): Firing {
  return {
    group: obj(f['group']),
    count: num(f['count']),
    value: optNum(f['value']),
    suppressed: f['suppressed'] === true,
  };
}

export function parseRun(r: Json): RunEntry {
  return {
    start: str(r['start']),
    end: str(r['end']),
    status: str(r['status']) ?? 'unknown',
    late: r['late'] === true,
    simulated: r['simulated'] === true,
    attempts: num(r['attempts'], 1),
    hits: num(r['hits']),
    truncated: r['truncated'] === true,
    firings: objects(r['firings']).map(parseFiring),
    suppressed: num(r['suppressed']),
    alerts: strs(r['alertIds']).length,
    error: str(r['error']),
  };
}

export function parseSimulation(v: unknown): Simulation {
  const s = obj(v);
  return {
    hits: num(s['hits']),
    suppressed: num(s['suppressed']),
    windows: objects(s['windows']).length,
    alerts: objects(s['alerts']).map((a) => {
      const w = obj(a['window']);
      return {
        windowStart: str(w['start']),
        windowEnd: str(w['end']),
        title: str(a['title']) ?? '',
        severity: str(a['severity']) ?? 'medium',
        group: a['group'] === null || a['group'] === undefined ? undefined : obj(a['group']),
        eventCount: num(a['eventCount']),
        value: optNum(a['value']),
        description: typeof a['description'] === 'string' ? a['description'] : '',
      };
    }),
  };
}

/** The body the server takes: the draft, without a field the trigger kind does not use. */
export function draftBody(d: ScheduledRuleDraft): Json {
  const trigger: Record<string, unknown> = {
    kind: d.trigger.kind,
    operator: d.trigger.operator,
    threshold: d.trigger.threshold,
    groupBy: d.trigger.groupBy,
  };
  if (d.trigger.kind === 'aggregate') {
    trigger['fn'] = d.trigger.fn;
    if (d.trigger.field !== undefined) trigger['field'] = d.trigger.field;
  }
  return {
    name: d.name,
    description: d.description,
    query: d.query,
    intervalSeconds: d.intervalSeconds,
    lookbackSeconds: d.lookbackSeconds,
    delaySeconds: d.delaySeconds,
    trigger,
    severity: d.severity,
    grouping: d.grouping,
    suppressionSeconds: d.suppressionSeconds,
    enabled: d.enabled,
    simulation: d.simulation,
  };
}

export async function listScheduledRules(ws: string, signal?: AbortSignal): Promise<ScheduledRuleView[]> {
  const body = await apiJson('GET', base(ws), undefined, signal ? { signal } : {});
  return objects(obj(body)['scheduledRules']).flatMap((r) => parseScheduledRule(r) ?? []);
}

export async function getScheduledRule(
  ws: string,
  id: string,
  signal?: AbortSignal,
): Promise<ScheduledRuleView> {
  const rule = parseScheduledRule(
    obj(await apiJson('GET', ruleUrl(ws, id), undefined, signal ? { signal } : {})),
  );
  if (rule === undefined) throw new Error('the server answered without a rule id');
  return rule;
}

export async function createScheduledRule(
  ws: string,
  draft: ScheduledRuleDraft,
): Promise<ScheduledRuleView | undefined> {
  return parseScheduledRule(obj(await apiJson('POST', base(ws), draftBody(draft))));
}

export async function updateScheduledRule(
  ws: string,
  id: string,
  version: number,
  draft: ScheduledRuleDraft,
): Promise<ScheduledRuleView | undefined> {
  return parseScheduledRule(obj(await apiJson('PUT', ruleUrl(ws, id), { ...draftBody(draft), version })));
}

export async function setScheduledRuleEnabled(ws: string, id: string, enabled: boolean): Promise<void> {
  await apiJson('POST', `${ruleUrl(ws, id)}/${enabled ? 'enable' : 'disable'}`);
}

export async function deleteScheduledRule(ws: string, id: string): Promise<void> {
  await apiJson('DELETE', ruleUrl(ws, id));
}

export async function listRuns(ws: string, id: string, signal?: AbortSignal): Promise<RunEntry[]> {
  const body = await apiJson('GET', `${ruleUrl(ws, id)}/runs`, undefined, signal ? { signal } : {});
  return objects(obj(body)['runs']).map(parseRun);
}

export async function simulateScheduledRule(
  ws: string,
  id: string,
  range: { from: string; to: string },
): Promise<Simulation> {
  return parseSimulation(await apiJson('POST', `${ruleUrl(ws, id)}/simulate`, range, { timeoutMs: 120_000 }));
}
