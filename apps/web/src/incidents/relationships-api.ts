// Indicator and asset links (apps/server/src/incidents/relationships.routes.ts).
import { apiJson } from '../api/api-client.ts';
import { parseRelationships, type RelationshipsView } from './parse-relationships.ts';

export interface RelationshipOwner {
  readonly kind: 'alerts' | 'incidents';
  readonly id: string;
}

const base = (workspaceId: string, owner: RelationshipOwner) =>
  `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/${owner.kind}/${encodeURIComponent(owner.id)}/relationships`;

export async function listRelationships(
  workspaceId: string,
  owner: RelationshipOwner,
  signal: AbortSignal,
): Promise<RelationshipsView> {
  return parseRelationships(await apiJson('GET', base(workspaceId, owner), undefined, { signal }));
}

export const addRelationship = (
  workspaceId: string,
  owner: RelationshipOwner,
  link: { kind: string; type: string; value: string; note?: string },
) => apiJson('POST', base(workspaceId, owner), link);

export const removeRelationship = (workspaceId: string, owner: RelationshipOwner, id: string) =>
  apiJson('DELETE', `${base(workspaceId, owner)}/${encodeURIComponent(id)}`);
