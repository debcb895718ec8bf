// The ATT&CK coverage API (apps/server/src/coverage, docs/attack-coverage.md): the workspace's coverage
// matrix, its Navigator layer download, and the bundle import (platform administrators).
import { apiFetch, apiJson } from '../api/api-client.ts';
import { saveResponse } from '../api/save-response.ts';
import { ApiError, errorFromResponse } from '../api/api-error.ts';
import { csrfToken } from '../api/csrf-token.ts';
import { obj, objects, str, strs, type Json } from '../admin/parse.ts';

export const coverageStates = ['covered', 'covered-but-no-data', 'rules-disabled', 'none'] as const;
export type CoverageState = (typeof coverageStates)[number];

export const STATE_LABELS: Readonly<Record<CoverageState, string>> = {
  covered: 'Covered',
  'covered-but-no-data': 'Rules, no data',
  'rules-disabled': 'Rules disabled',
  none: 'No rule',
};

export interface DataSeen {
  readonly logsource: string;
  readonly routed: boolean;
  readonly lastSeen: string | undefined;
}

export interface CoverageRule {
  readonly id: string;
  readonly title: string;
  readonly level: string;
  readonly enabled: boolean;
  readonly dataSeen: boolean;
  readonly data: readonly DataSeen[];
  readonly errors: readonly string[];
  readonly hits: number;
  readonly lastHit: string | undefined;
  readonly via: string | undefined;
}

export interface TechniqueCoverage {
  readonly id: string;
  readonly name: string;
  readonly tactics: readonly string[];
  readonly platforms: readonly string[];
  readonly dataSources: readonly string[];
  readonly parent: string | undefined;
  readonly state: CoverageState;
  readonly rules: readonly CoverageRule[];
  readonly enabledRules: number;
  readonly hits: number;
  readonly lastHit: string | undefined;
  readonly errors: number;
}

export interface Tactic {
  readonly shortname: string;
  readonly id: string;
  readonly name: string;
}

export interface Coverage {
  readonly tactics: readonly Tactic[];
  readonly techniques: readonly TechniqueCoverage[];
  readonly counts: Readonly<Record<CoverageState, number>>;
  readonly windowDays: number;
  readonly generatedAt: string | undefined;
  readonly matrixModified: string | undefined;
  readonly attackVersion: string | undefined;
  readonly untaggedRules: number;
  readonly unknownTechniques: readonly string[];
}

/** The answer when no ATT&CK bundle has been imported yet (the page then offers the upload). */
export const NOT_IMPORTED = 'ATTACK_MATRIX_NOT_IMPORTED';

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const isState = (v: unknown): v is CoverageState => coverageStates.includes(v as CoverageState);
const base = (ws: string) => `/api/v1/workspaces/${encodeURIComponent(ws)}/attack/coverage`;

function parseRule(r: Json): CoverageRule | undefined {
  const id = str(r['id']);
  if (id === undefined) return undefined;
  return {
    id,
    title: str(r['title']) ?? id,
    level: str(r['level']) ?? 'medium',
    enabled: r['enabled'] === true,
    dataSeen: r['dataSeen'] === true,
    data: objects(r['data']).map((d) => ({
      logsource: str(d['logsource']) ?? '*',
      routed: d['routed'] !== false,
      lastSeen: str(d['lastSeen']),
    })),
    errors: strs(r['errors']),
    hits: num(r['hits']),
    lastHit: str(r['lastHit']),
    via: str(r['via']),
  };
}

export function parseTechnique(t: Json): TechniqueCoverage | undefined {
  const id = str(t['id']);
  if (id === undefined) return undefined;
  return {
    id,
    name: str(t['name']) ?? id,
    tactics: strs(t['tactics']),
    platforms: strs(t['platforms']),
    dataSources: strs(t['dataSources']),
    parent: str(t['parent']),
    state: isState(t['state']) ? t['state'] : 'none',
    rules: objects(t['rules']).flatMap((r) => parseRule(r) ?? []),
    enabledRules: num(t['enabledRules']),
    hits: num(t['hits']),
    lastHit: str(t['lastHit']),
    errors: num(t['errors']),
  };
}

export function parseCoverage(body: unknown): Coverage {
  const root = obj(body);
  const matrix = obj(root['matrix']);
  const counts = obj(root['counts']);
  return {
    tactics: objects(matrix['tactics']).flatMap((t) => {
      const shortname = str(t['shortname']);
      return shortname === undefined
        ? []
        : [{ shortname, id: str(t['id']) ?? '', name: str(t['name']) ?? shortname }];
    }),
    techniques: objects(root['techniques']).flatMap((t) => parseTechnique(t) ?? []),
    counts: Object.fromEntries(coverageStates.map((s) => [s, num(counts[s])])) as Record<
      CoverageState,
      number
    >,
    windowDays: num(root['windowDays']) || 7,
    generatedAt: str(root['generatedAt']),
    matrixModified: str(matrix['modified']),
    attackVersion: str(matrix['attackVersion']),
    untaggedRules: num(root['untaggedRules']),
    unknownTechniques: objects(root['unknownTechniques']).flatMap((u) => str(u['id']) ?? []),
  };
}

export async function getCoverage(ws: string, days: number, signal: AbortSignal): Promise<Coverage> {
  return parseCoverage(await apiJson('GET', `${base(ws)}?days=${days}`, undefined, { signal }));
}

/** Saves the workspace's coverage as an ATT&CK Navigator layer file. */
export async function downloadNavigatorLayer(ws: string, days: number): Promise<void> {
  const response = await apiFetch('GET', `${base(ws)}/navigator-layer?days=${days}`);
  await saveResponse(response, 'vigil-attack-coverage.json');
}

export interface BundleImport {
  readonly tactics: number;
  readonly techniques: number;
  readonly subtechniques: number;
}

/** Uploads the bundle file as it is (`.json.gz` as gzip bytes, `.json` as JSON): the server checks it. */
export async function uploadAttackBundle(file: File): Promise<BundleImport> {
  const gzip = file.name.endsWith('.gz');
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': gzip ? 'application/gzip' : 'application/json',
  };
  const token = csrfToken();
  if (token !== undefined) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch('/api/v1/attack/bundle', {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: file,
      signal: AbortSignal.timeout(5 * 60_000),
    });
  } catch {
    throw new ApiError('UNREACHABLE', 'The server could not be reached. Try again in a moment.', 0);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw errorFromResponse(response.status, body);
  const answer = obj(body);
  return {
    tactics: num(answer['tactics']),
    techniques: num(answer['techniques']),
    subtechniques: num(answer['subtechniques']),
  };
}
