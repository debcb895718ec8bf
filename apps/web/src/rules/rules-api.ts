// The rules API of a workspace (apps/server/src/rules, docs/detection.md): list, import, enable,
// exceptions, test against pasted events, backtest over stored events.
import { apiJson } from '../api/api-client.ts';
import { obj, objects, str, strs, type Json } from '../admin/parse.ts';

export interface RuleSummary {
  readonly id: string;
  readonly title: string;
  readonly type: string;
  readonly level: string | undefined;
  readonly status: string | undefined;
  readonly description: string | undefined;
  readonly tags: readonly string[];
  readonly logsource: Readonly<Record<string, string>>;
  readonly file: string | undefined;
  readonly version: number;
  readonly enabled: boolean;
  readonly updatedAt: string | undefined;
}

export interface RuleVersion {
  readonly version: number;
  readonly file: string | undefined;
  readonly importedAt: string | undefined;
  readonly importedBy: string | undefined;
  readonly text: string;
}

export interface RuleException {
  readonly id: string;
  readonly conditions: unknown;
  readonly reason: string;
  readonly owner: string | undefined;
  readonly createdAt: string | undefined;
  readonly expiresAt: string | undefined;
  readonly active: boolean;
}

export interface RuleDetail extends RuleSummary {
  readonly text: string;
  readonly versions: readonly RuleVersion[];
  readonly exceptions: readonly RuleException[];
  readonly matches: number;
  readonly suppressed: number;
}

export interface RuleFilters {
  readonly q: string;
  readonly level: string;
  readonly status: string;
  /** '', 'true' or 'false'. */
  readonly enabled: string;
  readonly tag: string;
}

export interface RulePage {
  readonly rules: readonly RuleSummary[];
  readonly total: number;
  readonly next: string | undefined;
}

export const PAGE_SIZE = 25;

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const base = (ws: string) => `/api/v1/workspaces/${encodeURIComponent(ws)}/rules`;
const ruleUrl = (ws: string, id: string) => `${base(ws)}/${encodeURIComponent(id)}`;

function logsourceOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(obj(v))) if (typeof x === 'string') out[k] = x;
  return out;
}

export function parseRuleSummary(r: Json): RuleSummary | undefined {
  const id = str(r['id']);
  if (id === undefined) return undefined;
  return {
    id,
    title: str(r['title']) ?? id,
    type: str(r['type']) ?? 'rule',
    level: str(r['level']),
    status: str(r['status']),
    description: str(r['description']),
    tags: strs(r['tags']),
    logsource: logsourceOf(r['logsource']),
    file: str(r['file']),
    version: num(r['version']),
    enabled: r['enabled'] === true,
    updatedAt: str(r['updatedAt']),
  };
}

export function parseException(e: Json): RuleException | undefined {
  const id = str(e['id']);
  if (id === undefined) return undefined;
  return {
    id,
    conditions: e['conditions'],
    reason: str(e['reason']) ?? '',
    owner: str(e['owner']),
    createdAt: str(e['createdAt']),
    expiresAt: str(e['expiresAt']),
    active: e['active'] !== false,
  };
}

export async function listRules(
  ws: string,
  filters: RuleFilters,
  after: string | undefined,
  signal: AbortSignal,
): Promise<RulePage> {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const key of ['q', 'level', 'status', 'enabled', 'tag'] as const) {
    const value = filters[key].trim();
    if (value !== '') params.set(key, value);
  }
  if (after !== undefined) params.set('after', after);
  const body = obj(await apiJson('GET', `${base(ws)}?${params.toString()}`, undefined, { signal }));
  return {
    rules: objects(body['rules']).flatMap((r) => parseRuleSummary(r) ?? []),
    total: num(body['total']),
    next: str(body['next']),
  };
}

export async function getRule(ws: string, id: string, signal: AbortSignal): Promise<RuleDetail> {
  const body = obj(await apiJson('GET', ruleUrl(ws, id), undefined, { signal }));
  const summary = parseRuleSummary(body);
  if (summary === undefined) throw new Error('The server answered without a rule');
  const stats = obj(body['stats']);
  return {
    ...summary,
    text: typeof body['text'] === 'string' ? body['text'] : '',
    versions: objects(body['versions']).map((v) => ({
      version: num(v['version']),
      file: str(v['file']),
      importedAt: str(v['importedAt']),
      importedBy: str(v['importedBy']),
      text: typeof v['text'] === 'string' ? v['text'] : '',
    })),
    exceptions: objects(body['exceptions']).flatMap((e) => parseException(e) ?? []),
    matches: num(stats['matches']),
    suppressed: num(stats['suppressed']),
  };
}

export const setRuleEnabled = (ws: string, id: string, enabled: boolean) =>
  apiJson('PATCH', ruleUrl(ws, id), { enabled });

/** What a bulk enable/disable changed (the server applies it all or nothing). */
export interface BulkOutcome {
  readonly enabled: boolean;
  readonly selected: number;
  readonly changed: readonly string[];
  readonly unchanged: number;
}

/** Which rules a bulk action targets: ids, or every rule the list filters select (`enabled` aside). */
export type BulkTarget =
  { readonly ids: readonly string[] } | { readonly filter: Readonly<Record<string, string>> };

/** The list filters a bulk action can use (the server refuses a filter without any criterion). */
export function bulkFilter(filters: RuleFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['q', 'level', 'status', 'tag'] as const) {
    const value = filters[key].trim();
    if (value !== '') out[key] = value;
  }
  return out;
}

export function parseBulkOutcome(body: Json): BulkOutcome {
  return {
    enabled: body['enabled'] === true,
    selected: num(body['selected']),
    changed: strs(body['changed']),
    unchanged: num(body['unchanged']),
  };
}

export async function bulkSetEnabled(ws: string, enabled: boolean, target: BulkTarget): Promise<BulkOutcome> {
  return parseBulkOutcome(obj(await apiJson('POST', `${base(ws)}/bulk-enable`, { enabled, ...target })));
}

export interface ImportOutcome {
  readonly files: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly accepted: readonly { id: string; title: string; file: string; change: string }[];
  readonly rejected: readonly { file: string; reason: string; line: number | undefined }[];
  readonly warnings: readonly string[];
}

/** The import body: one YAML text (with its file name), or a zip as base64. */
export type ImportSource =
  | { readonly kind: 'text'; readonly path: string; readonly text: string }
  | { readonly kind: 'zip'; readonly base64: string };

export async function importRules(
  ws: string,
  source: ImportSource,
  enabled: boolean,
): Promise<ImportOutcome> {
  const body = source.kind === 'text' ? { text: source.text, path: source.path } : { zip: source.base64 };
  const answer = obj(
    await apiJson('POST', `${base(ws)}/import?enabled=${String(enabled)}`, body, { timeoutMs: 120_000 }),
  );
  const counts = obj(answer['counts']);
  const accepted = (['created', 'updated', 'unchanged'] as const).flatMap((change) =>
    objects(answer[change]).map((r) => ({
      id: str(r['id']) ?? '',
      title: str(r['title']) ?? str(r['id']) ?? '',
      file: str(r['file']) ?? '',
      change,
    })),
  );
  return {
    files: num(answer['files']),
    created: num(counts['created']),
    updated: num(counts['updated']),
    unchanged: num(counts['unchanged']),
    accepted,
    rejected: objects(answer['rejected']).map((r) => ({
      file: str(r['file']) ?? '',
      reason: str(r['reason']) ?? '',
      line: typeof r['line'] === 'number' ? r['line'] : undefined,
    })),
    warnings: strs(answer['warnings']),
  };
}

export interface NewException {
  readonly conditions: unknown;
  readonly reason: string;
  readonly expiresAt?: string;
}

export const addException = (ws: string, id: string, input: NewException) =>
  apiJson('POST', `${ruleUrl(ws, id)}/exceptions`, input);

export const deleteException = (ws: string, id: string, exceptionId: string) =>
  apiJson('DELETE', `${ruleUrl(ws, id)}/exceptions/${encodeURIComponent(exceptionId)}`);

export interface TestOutcome {
  readonly events: number;
  readonly hits: number;
  readonly matched: readonly number[];
  readonly suppressed: readonly number[];
  readonly errors: readonly { index: number; error: string }[];
  readonly correlations: readonly { title: string; eventIndexes: readonly number[] }[];
}

export async function testRule(ws: string, id: string, events: readonly unknown[]): Promise<TestOutcome> {
  const body = obj(await apiJson('POST', `${base(ws)}/test`, { ruleId: id, events }));
  const indexes = (v: unknown) => objects(v).map((m) => num(m['index']));
  return {
    events: num(body['events']),
    hits: num(body['hits']),
    matched: indexes(body['matches']),
    suppressed: indexes(body['suppressed']),
    errors: objects(body['errors']).map((e) => ({ index: num(e['index']), error: str(e['error']) ?? '' })),
    correlations: objects(body['correlations']).map((c) => ({
      title: str(c['title']) ?? '',
      eventIndexes: Array.isArray(c['eventIndexes']) ? (c['eventIndexes'] as unknown[]).map(num) : [],
    })),
  };
}

export interface BacktestOutcome {
  readonly hits: number;
  readonly scanned: number;
  readonly truncated: boolean;
  readonly suppressed: number;
  readonly events: readonly Json[];
}

export async function backtestRule(
  ws: string,
  id: string,
  range: { from: string; to: string },
): Promise<BacktestOutcome> {
  const body = obj(
    await apiJson('POST', `${ruleUrl(ws, id)}/backtest`, { ...range, limit: 20 }, { timeoutMs: 120_000 }),
  );
  return {
    hits: num(body['hits']),
    scanned: num(body['scanned']),
    truncated: body['truncated'] === true,
    suppressed: num(body['suppressed']),
    events: objects(body['events']),
  };
}
