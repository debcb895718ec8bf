// Suppressed and excepted hits (apps/server/src/alerts/suppressions.routes.ts, GET …/hits).
import { apiJson } from '../api/api-client.ts';
import { parseSuppressedHits, type SuppressedHitsView } from './parse-suppressed-hits.ts';

export async function getSuppressedHits(
  workspaceId: string,
  limit: number,
  signal: AbortSignal,
): Promise<SuppressedHitsView> {
  const url = `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/alert-suppressions/hits?limit=${limit}`;
  return parseSuppressedHits(await apiJson('GET', url, undefined, { signal }));
}
