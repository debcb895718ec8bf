// A tiny History API router: the current path as an external store, and navigate() to change it.
import { useSyncExternalStore } from 'react';

const NAVIGATE_EVENT = 'vigil:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function currentPath(): string {
  return window.location.pathname;
}

/** The current location path; re-renders on navigate() and on back/forward. */
export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** Pushes a new history entry for a same-origin path and notifies subscribers. */
export function navigate(to: string): void {
  if (to === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
