// Maps a location path to what the console shows. Pure, so it is unit-tested without a browser.
import { AREAS, DEFAULT_AREA_ID, type Area } from './areas.ts';

export type RouteMatch =
  { readonly kind: 'area'; readonly area: Area } | { readonly kind: 'not-found'; readonly path: string };

/**
 * Collapses repeated slashes and drops a trailing slash, so `//alerts/` and `/alerts` are one route.
 * @example normalisePath('//alerts/') === '/alerts'
 */
export function normalisePath(pathname: string): string {
  const collapsed = ('/' + pathname).replace(/\/{2,}/g, '/');
  return collapsed.length > 1 && collapsed.endsWith('/') ? collapsed.slice(0, -1) : collapsed;
}

/**
 * Finds the area owning a path: `/` is the default area, and an area owns its whole subtree
 * (`/alerts/42` belongs to Alerts) so detail pages added later keep their nav entry active.
 */
export function matchRoute(pathname: string, areas: readonly Area[] = AREAS): RouteMatch {
  const path = normalisePath(pathname);
  const target = path === '/' ? areas.find((a) => a.id === DEFAULT_AREA_ID) : findOwner(path, areas);
  return target ? { kind: 'area', area: target } : { kind: 'not-found', path };
}

function findOwner(path: string, areas: readonly Area[]): Area | undefined {
  return areas.find((a) => path === a.path || path.startsWith(a.path + '/'));
}
