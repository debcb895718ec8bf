// The incident SLA policy (apps/server/src/incidents/sla-policy.routes.ts): targets per severity, in minutes.
import { apiJson } from '../api/api-client.ts';
import { obj } from '../admin/parse.ts';

export interface SlaTargetView {
  readonly acknowledgeMinutes: number;
  readonly resolveMinutes: number;
}

export interface SlaPolicyView {
  readonly targets: Readonly<Record<string, SlaTargetView>>;
  readonly isDefault: boolean;
  readonly version: number;
}

const whole = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;

export function parseSlaPolicy(body: unknown): SlaPolicyView {
  const o = obj(body);
  const targets: Record<string, SlaTargetView> = {};
  for (const [severity, t] of Object.entries(obj(o['targets']))) {
    const ack = whole(obj(t)['acknowledgeMinutes']);
    const resolve = whole(obj(t)['resolveMinutes']);
    if (ack !== undefined && resolve !== undefined)
      targets[severity] = { acknowledgeMinutes: ack, resolveMinutes: resolve };
  }
  const version = o['version'];
  return {
    targets,
    isDefault: o['isDefault'] === true,
    version: typeof version === 'number' && Number.isInteger(version) ? version : 0,
  };
}

const url = (workspaceId: string) =>
  `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/incident-sla-policy`;

export async function getSlaPolicy(workspaceId: string, signal: AbortSignal): Promise<SlaPolicyView> {
  return parseSlaPolicy(await apiJson('GET', url(workspaceId), undefined, { signal }));
}

export async function putSlaPolicy(
  workspaceId: string,
  targets: Readonly<Record<string, SlaTargetView>>,
  version: number,
): Promise<SlaPolicyView> {
  return parseSlaPolicy(await apiJson('PUT', url(workspaceId), { targets, version }));
}
