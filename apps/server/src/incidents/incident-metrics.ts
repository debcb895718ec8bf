import {
  responseMetrics,
  severities,
  slaBreachList,
  type Alert,
  type AlertRepository,
  type Incident,
  type IncidentRepository,
  type ResponseFigures,
  type ResponseItem,
} from '@vigil/cases';

const PAGE = 1000;

/** Every incident or alert of a workspace created in [from, to), paging through the repository. */
async function allCreated<T extends { id: string }>(
  list: (after: string | undefined) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let after: string | undefined; ;) {
    const page = await list(after);
    out.push(...page);
    if (page.length < PAGE) return out;
    after = page.at(-1)?.id;
  }
}

function figures(items: readonly ResponseItem[], workspace: string, from: number, to: number) {
  const found = responseMetrics(items, from, to).find((m) => m.workspace === workspace);
  const zero = (): ResponseFigures => ({ count: 0, acknowledged: 0, closed: 0 });
  return {
    overall: found?.overall ?? zero(),
    bySeverity: found?.bySeverity ?? Object.fromEntries(severities.map((s) => [s, zero()])),
  };
}

/** MTTA/MTTR per severity of incidents and alerts created in [from, to), and the incidents' SLA breaches. */
export async function workspaceResponseMetrics(
  deps: { incidents: IncidentRepository; alerts: AlertRepository },
  workspace: string,
  from: number,
  to: number,
  now: number,
) {
  const range = { createdFrom: from, createdTo: to, limit: PAGE };
  const incidents = await allCreated<Incident>((after) =>
    deps.incidents.list(workspace, { ...range, ...(after === undefined ? {} : { after }) }),
  );
  const alerts = await allCreated<Alert>((after) =>
    deps.alerts.list(workspace, { ...range, ...(after === undefined ? {} : { after }) }),
  );
  return {
    from,
    to,
    incidents: figures(incidents, workspace, from, to),
    alerts: figures(alerts, workspace, from, to),
    slaBreaches: slaBreachList(incidents, now).map(({ workspace: _ws, ...row }) => row),
  };
}
