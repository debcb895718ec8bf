// Console paths of entity pages; only hosts, users and IPs have one.

export const entityPageKinds: readonly string[] = ['host', 'user', 'ip'];

export const hasEntityPage = (kind: string): boolean => entityPageKinds.includes(kind);

/** With `at` (epoch ms) the page opens on a window around that moment, e.g. an event of a timeline. */
export const entityPath = (workspaceId: string, kind: string, value: string, at?: number) =>
  `/entities/${encodeURIComponent(kind)}/${encodeURIComponent(value)}?workspace=${encodeURIComponent(workspaceId)}${
    at === undefined || !Number.isFinite(at) ? '' : `&at=${encodeURIComponent(new Date(at).toISOString())}`
  }`;
