// The signed-in user's notifications in a workspace (apps/server/src/incidents/notifications.routes.ts):
// today, being mentioned in an incident comment.
import { apiJson } from '../api/api-client.ts';
import { obj, objects, str } from '../admin/parse.ts';

export interface MentionView {
  readonly id: string;
  readonly at: number;
  readonly actor: string;
  readonly incidentId: string;
  readonly incidentTitle: string;
  readonly excerpt: string;
  readonly read: boolean;
}

export function parseMentions(body: unknown): MentionView[] {
  return objects(obj(body)['notifications']).flatMap((n) => {
    const id = str(n['id']);
    const incidentId = str(n['incidentId']);
    if (id === undefined || incidentId === undefined || n['kind'] !== 'mention') return [];
    const at = n['at'];
    return [
      {
        id,
        at: typeof at === 'number' && Number.isFinite(at) ? at : 0,
        actor: str(n['actor']) ?? '',
        incidentId,
        incidentTitle: str(n['incidentTitle']) ?? incidentId,
        excerpt: str(n['excerpt']) ?? '',
        read: typeof n['readAt'] === 'number',
      },
    ];
  });
}

const base = (workspaceId: string) => `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/notifications`;

export async function listMentions(workspaceId: string, signal: AbortSignal): Promise<MentionView[]> {
  return parseMentions(await apiJson('GET', `${base(workspaceId)}?limit=20`, undefined, { signal }));
}

export const markMentionsRead = (workspaceId: string, ids?: readonly string[]) =>
  apiJson('POST', `${base(workspaceId)}/read`, ids === undefined ? { all: true } : { ids });

/** The `@names` a comment mentioned that match no member of the workspace (from the comment answer). */
export function unknownMentions(body: unknown): string[] {
  const unknown = obj(obj(body)['mentions'])['unknown'];
  return Array.isArray(unknown) ? unknown.filter((u): u is string => typeof u === 'string' && u !== '') : [];
}
