// The workspace the console shows: `?workspace=` in the address (so a link names its workspace), else the
// one last chosen in this tab, else the first the account holds a role in.
import { useSyncExternalStore } from 'react';
import type { WorkspaceOption } from './parse-workspaces.ts';

/** The event `navigate()` of routing/location-store.ts dispatches after a pushState. */
const NAVIGATE_EVENT = 'vigil:navigate';
const PARAM = 'workspace';
let lastChosen: string | undefined;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function workspaceParam(): string | null {
  return new URLSearchParams(window.location.search).get(PARAM);
}

/**
 * The workspace id in view: undefined while the account has no workspace and the address names none.
 * An id from the address is returned even when not in `workspaces`, so the page can show "access denied".
 */
export function useCurrentWorkspace(workspaces: readonly WorkspaceOption[]): string | undefined {
  const fromUrl = useSyncExternalStore(subscribe, workspaceParam);
  if (fromUrl !== null && fromUrl !== '') return fromUrl;
  if (lastChosen !== undefined && workspaces.some((w) => w.id === lastChosen)) return lastChosen;
  return workspaces[0]?.id;
}

/** The current path with `?workspace=id` set, other query parameters kept. */
export function pathWithWorkspace(id: string): string {
  lastChosen = id;
  const params = new URLSearchParams(window.location.search);
  params.set(PARAM, id);
  return `${window.location.pathname}?${params.toString()}`;
}
