import { issueMachineToken, type MachineToken } from '@vigil/identity';
import type { IdentityRuntime } from './identity-runtime.ts';
import { assertDataSpace } from '../workspaces/data-spaces.ts';
import { notFound } from './auth.error.ts';

export interface IngestTokenRequest {
  workspaceId: string;
  dataSpace: string;
  name: string;
  createdBy: string;
  expiresAt?: number;
}

/** Creates an ingest token bound to one workspace and data space; the token is returned once, stored hashed. */
export async function issueIngestToken(
  rt: IdentityRuntime,
  input: IngestTokenRequest,
): Promise<{ token: string; record: MachineToken }> {
  if (!(await rt.stores.workspaces.get(input.workspaceId))) throw notFound('workspace');
  await assertDataSpace(rt, input.workspaceId, input.dataSpace);
  const issued = issueMachineToken({
    kind: 'ingest',
    name: input.name,
    workspaceId: input.workspaceId,
    dataSpace: input.dataSpace,
    createdBy: input.createdBy,
    createdAt: rt.clock.now(),
    ...(input.expiresAt === undefined ? {} : { expiresAt: input.expiresAt }),
  });
  await rt.stores.machineTokens.create(issued.record);
  return issued;
}

/** What the API shows of a machine token: never the hash. */
export function tokenView(t: MachineToken) {
  const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
  return {
    id: t.id,
    kind: t.kind,
    name: t.name,
    workspaceId: t.workspaceId,
    ...(t.roleId === undefined ? {} : { roleId: t.roleId }),
    ...(t.dataSpace === undefined ? {} : { dataSpace: t.dataSpace }),
    createdBy: t.createdBy,
    createdAt: iso(t.createdAt),
    ...(t.expiresAt === undefined ? {} : { expiresAt: iso(t.expiresAt) }),
    ...(t.lastUsedAt === undefined ? {} : { lastUsedAt: iso(t.lastUsedAt) }),
    ...(t.revokedAt === undefined ? {} : { revokedAt: iso(t.revokedAt) }),
  };
}
