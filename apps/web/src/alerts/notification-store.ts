// The notification centre's state rules (pure, unit-tested) and where its preferences live: the chosen
// severity and the ids already read are kept in localStorage, per browser, so they survive reloads.
import { SEVERITIES } from './cases-labels.ts';

export interface Notification {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  /** Alert creation time, epoch ms (0 when unknown). */
  readonly createdAt: number;
}

/** Notifications kept in the panel; read ids remembered per workspace. */
export const KEEP_NOTIFICATIONS = 50;
export const KEEP_READ_IDS = 500;
export const DEFAULT_MIN_SEVERITY = 'medium';

const SEVERITY_KEY = 'vigil.notifications.minSeverity';
const readKey = (workspaceId: string) => `vigil.notifications.read.${workspaceId}`;

/** The severities at or above `min`, in order (`high` → high, critical). */
export function severitiesFrom(min: string): string[] {
  const i = SEVERITIES.indexOf(min as (typeof SEVERITIES)[number]);
  return SEVERITIES.slice(i < 0 ? 0 : i);
}

/** Newest first, one entry per alert, at most KEEP_NOTIFICATIONS; `incoming` wins over older copies. */
export function mergeNotifications(
  current: readonly Notification[],
  incoming: readonly Notification[],
): Notification[] {
  const byId = new Map<string, Notification>();
  for (const n of [...incoming, ...current]) if (!byId.has(n.id)) byId.set(n.id, n);
  return [...byId.values()]
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
    .slice(0, KEEP_NOTIFICATIONS);
}

/** Storage that may be missing or refuse (private mode, quota): then preferences last for the page only. */
type Store = Pick<Storage, 'getItem' | 'setItem'> | undefined;

export function loadMinSeverity(store: Store): string {
  const saved = safeGet(store, SEVERITY_KEY);
  return saved !== undefined && (SEVERITIES as readonly string[]).includes(saved)
    ? saved
    : DEFAULT_MIN_SEVERITY;
}

export function saveMinSeverity(store: Store, severity: string): void {
  safeSet(store, SEVERITY_KEY, severity);
}

export function loadReadIds(store: Store, workspaceId: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(safeGet(store, readKey(workspaceId)) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Remembers the newest KEEP_READ_IDS ids (insertion order = the order they were read). */
export function saveReadIds(store: Store, workspaceId: string, ids: ReadonlySet<string>): void {
  safeSet(store, readKey(workspaceId), JSON.stringify([...ids].slice(-KEEP_READ_IDS)));
}

function safeGet(store: Store, key: string): string | undefined {
  try {
    return store?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function safeSet(store: Store, key: string, value: string): void {
  try {
    store?.setItem(key, value);
  } catch {
    // Storage full or refused: the preference lasts for this page only.
  }
}
