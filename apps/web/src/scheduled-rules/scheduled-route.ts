/** The pages of scheduled rules under the Detection area. */
export type ScheduledRoute =
  { readonly kind: 'list' } | { readonly kind: 'new' } | { readonly kind: 'detail'; readonly id: string };

export const SCHEDULED_PATH = '/detection/scheduled';

const DETAIL = /^\/detection\/scheduled\/([^/]+)$/;

/** `/detection/scheduled`, `/detection/scheduled/new` and `/detection/scheduled/:id`; else undefined. */
export function scheduledRoute(path: string): ScheduledRoute | undefined {
  if (path === SCHEDULED_PATH) return { kind: 'list' };
  const m = DETAIL.exec(path);
  if (!m?.[1]) return undefined;
  if (m[1] === 'new') return { kind: 'new' };
  try {
    return { kind: 'detail', id: decodeURIComponent(m[1]) };
  } catch {
    return { kind: 'detail', id: m[1] };
  }
}

// The workspace in view stays in the address, as on the other detection pages.
const withWorkspace = (path: string, workspaceId: string): string =>
  `${path}?${new URLSearchParams({ workspace: workspaceId }).toString()}`;

export const scheduledListHref = (workspaceId: string): string => withWorkspace(SCHEDULED_PATH, workspaceId);
export const newScheduledRuleHref = (workspaceId: string): string =>
  withWorkspace(`${SCHEDULED_PATH}/new`, workspaceId);
export const scheduledRuleHref = (workspaceId: string, id: string): string =>
  withWorkspace(`${SCHEDULED_PATH}/${encodeURIComponent(id)}`, workspaceId);
