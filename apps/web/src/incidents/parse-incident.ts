// Reads incidents from the API (apps/server/src/incidents/incidents.schema.ts; times are epoch ms). Pure.
import { obj, objects, str, strs } from '../admin/parse.ts';
import { num, parseActivity, parseAlerts, type ActivityView, type AlertView } from '../alerts/parse-alert.ts';

export interface ProvenanceView {
  readonly kind: string;
  readonly alertId: string;
  readonly relatedAlertId: string | undefined;
  readonly entity: string | undefined;
  readonly at: number;
  readonly actor: string;
  readonly reason: string;
}

export interface IncidentView {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly description: string | undefined;
  readonly status: string;
  readonly severity: string;
  readonly stage: string;
  readonly owner: string | undefined;
  readonly labels: readonly string[];
  readonly alertIds: readonly string[];
  readonly entityKeys: readonly string[];
  readonly tactics: readonly string[];
  readonly firstSeenAt: number | undefined;
  readonly lastSeenAt: number | undefined;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly plannedClosureAt: number | undefined;
  readonly acknowledgeDueAt: number | undefined;
  readonly resolveDueAt: number | undefined;
  readonly closeReason: string | undefined;
  readonly closeComment: string | undefined;
  readonly mergedInto: string | undefined;
  readonly splitFrom: string | undefined;
  readonly provenance: readonly ProvenanceView[];
}

export interface KillChainAlertView {
  readonly alertId: string;
  readonly title: string;
  readonly severity: string;
  readonly firstSeenAt: number;
  readonly techniques: readonly string[];
}

export interface KillChainRow {
  readonly tactic: string;
  readonly id: string;
  readonly name: string;
  readonly firstSeenAt: number | undefined;
  readonly alerts: readonly KillChainAlertView[];
}

export interface KillChainView {
  readonly columns: readonly KillChainRow[];
  readonly unmapped: readonly string[];
  readonly furthestTactic: string | undefined;
  readonly monotonic: boolean;
}

export interface IncidentDetailView {
  readonly incident: IncidentView;
  readonly alerts: readonly AlertView[];
  readonly timeline: readonly ActivityView[];
  readonly killChain: KillChainView;
  readonly sla: { readonly acknowledge: string; readonly resolve: string };
}

export function parseIncident(body: unknown): IncidentView | undefined {
  const i = obj(body);
  const id = str(i['id']);
  if (id === undefined) return undefined;
  const sla = obj(i['sla']);
  return {
    id,
    version: num(i['version']) ?? 1,
    title: str(i['title']) ?? id,
    description: str(i['description']),
    status: str(i['status']) ?? 'open',
    severity: str(i['severity']) ?? 'medium',
    stage: str(i['stage']) ?? 'detection_analysis',
    owner: str(i['owner']),
    labels: strs(i['labels']),
    alertIds: strs(i['alertIds']),
    entityKeys: strs(i['entityKeys']),
    tactics: strs(i['tactics']),
    firstSeenAt: num(i['firstSeenAt']),
    lastSeenAt: num(i['lastSeenAt']),
    createdAt: num(i['createdAt']) ?? 0,
    updatedAt: num(i['updatedAt']) ?? 0,
    plannedClosureAt: num(i['plannedClosureAt']),
    acknowledgeDueAt: num(sla['acknowledgeDueAt']),
    resolveDueAt: num(sla['resolveDueAt']),
    closeReason: str(i['closeReason']),
    closeComment: str(i['closeComment']),
    mergedInto: str(i['mergedInto']),
    splitFrom: str(i['splitFrom']),
    provenance: objects(i['provenance']).map((p) => ({
      kind: str(p['kind']) ?? '—',
      alertId: str(p['alertId']) ?? '—',
      relatedAlertId: str(p['relatedAlertId']),
      entity: str(p['entity']),
      at: num(p['at']) ?? 0,
      actor: str(p['actor']) ?? '—',
      reason: str(p['reason']) ?? '',
    })),
  };
}

export const parseIncidents = (list: unknown): IncidentView[] =>
  objects(list).flatMap((i) => parseIncident(i) ?? []);

function parseKillChain(body: unknown): KillChainView {
  const k = obj(body);
  const furthest = str(k['furthestTactic']);
  return {
    columns: objects(k['columns']).map((c) => ({
      tactic: str(c['tactic']) ?? '',
      id: str(c['id']) ?? '',
      name: str(c['name']) ?? str(c['tactic']) ?? '',
      firstSeenAt: num(c['firstSeenAt']),
      alerts: objects(c['alerts']).map((a) => ({
        alertId: str(a['alertId']) ?? '',
        title: str(a['title']) ?? '',
        severity: str(a['severity']) ?? 'medium',
        firstSeenAt: num(a['firstSeenAt']) ?? 0,
        techniques: strs(a['techniques']),
      })),
    })),
    unmapped: strs(k['unmapped']),
    furthestTactic: furthest,
    monotonic: k['monotonic'] === true,
  };
}

export function parseIncidentDetail(body: unknown): IncidentDetailView | undefined {
  const d = obj(body);
  const incident = parseIncident(d['incident']);
  if (incident === undefined) return undefined;
  const sla = obj(d['sla']);
  return {
    incident,
    alerts: parseAlerts(d['alerts']),
    timeline: parseActivity(d['timeline']),
    killChain: parseKillChain(d['killChain']),
    sla: { acknowledge: str(sla['acknowledge']) ?? 'none', resolve: str(sla['resolve']) ?? 'none' },
  };
}
