// Reads alerts from the API (apps/server/src/alerts/alerts.schema.ts; times are epoch ms). Pure.
import { obj, objects, str, strs, type Json } from '../admin/parse.ts';

export interface ActivityView {
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly field: string | undefined;
  readonly before: unknown;
  readonly after: unknown;
  readonly note: string | undefined;
}

export interface EntityView {
  readonly key: string;
  readonly type: string;
  readonly value: string;
  readonly roles: readonly string[];
}

export interface AlertView {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly description: string | undefined;
  readonly severity: string;
  readonly status: string;
  readonly verification: string;
  readonly ruleId: string;
  readonly ruleVersion: number | undefined;
  readonly count: number;
  readonly confidence: number | undefined;
  readonly category: string | undefined;
  readonly dataSource: string | undefined;
  readonly firstSeenAt: number;
  readonly lastSeenAt: number;
  readonly createdAt: number;
  readonly owner: string | undefined;
  readonly labels: readonly string[];
  readonly closeReason: string | undefined;
  readonly closeComment: string | undefined;
  readonly remediation: string | undefined;
  readonly incidentId: string | undefined;
  readonly tactics: readonly string[];
  readonly techniques: readonly string[];
  readonly entityKeys: readonly string[];
  readonly entities: readonly EntityView[];
  readonly eventIds: readonly string[];
  readonly activity: readonly ActivityView[];
}

export const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

export function parseActivity(list: unknown): ActivityView[] {
  return objects(list).map((e) => ({
    at: num(e['at']) ?? 0,
    actor: str(e['actor']) ?? '—',
    action: str(e['action']) ?? '—',
    field: str(e['field']),
    before: e['before'],
    after: e['after'],
    note: str(e['note']),
  }));
}

/** One alert, or undefined when the body has no id. */
export function parseAlert(body: unknown): AlertView | undefined {
  const a: Json = obj(body);
  const id = str(a['id']);
  if (id === undefined) return undefined;
  const rule = obj(a['rule']);
  return {
    id,
    version: num(a['version']) ?? 1,
    title: str(a['title']) ?? id,
    description: str(a['description']),
    severity: str(a['severity']) ?? 'medium',
    status: str(a['status']) ?? 'open',
    verification: str(a['verification']) ?? 'unknown',
    ruleId: str(rule['id']) ?? '—',
    ruleVersion: num(rule['version']),
    count: num(a['count']) ?? 1,
    confidence: num(a['confidence']),
    category: str(a['category']),
    dataSource: str(a['dataSource']),
    firstSeenAt: num(a['firstSeenAt']) ?? 0,
    lastSeenAt: num(a['lastSeenAt']) ?? 0,
    createdAt: num(a['createdAt']) ?? 0,
    owner: str(a['owner']),
    labels: strs(a['labels']),
    closeReason: str(a['closeReason']),
    closeComment: str(a['closeComment']),
    remediation: str(a['remediation']),
    incidentId: str(a['incidentId']),
    tactics: strs(a['tactics']),
    techniques: strs(a['techniques']),
    entityKeys: strs(a['entityKeys']),
    entities: objects(a['entities']).flatMap((e) => {
      const key = str(e['key']);
      return key === undefined
        ? []
        : [{ key, type: str(e['type']) ?? '', value: str(e['value']) ?? key, roles: strs(e['roles']) }];
    }),
    eventIds: strs(a['eventIds']),
    activity: parseActivity(a['activity']),
  };
}

export const parseAlerts = (list: unknown): AlertView[] => objects(list).flatMap((a) => parseAlert(a) ?? []);
