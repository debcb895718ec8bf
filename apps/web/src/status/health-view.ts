// Turns the answers of /healthz, /readyz and /api/v1/version into what the Status page shows. Pure.
import type { FetchResult } from './fetch-json.ts';

export type CheckState = 'ok' | 'error' | 'unknown';
export type Readiness = 'ready' | 'not_ready' | 'unknown';
export type Overall = 'ready' | 'not_ready' | 'unreachable' | 'unknown';

export interface CheckView {
  readonly name: string;
  readonly state: CheckState;
  /** The server's wording when it is more than a bare "ok". */
  readonly detail: string;
}

export interface HealthView {
  readonly overall: Overall;
  readonly liveness: CheckState;
  readonly readiness: Readiness;
  readonly checks: readonly CheckView[];
  readonly version: string | null;
  readonly mode: string | null;
}

export interface HealthAnswers {
  readonly healthz: FetchResult;
  readonly readyz: FetchResult;
  readonly version: FetchResult;
}

export function deriveHealth({ healthz, readyz, version }: HealthAnswers): HealthView {
  const reachable = [healthz, readyz, version].some((r) => r.kind === 'response');
  const liveness = deriveLiveness(healthz);
  const readiness = deriveReadiness(readyz);
  const info = version.kind === 'response' && version.status === 200 ? asRecord(version.body) : {};
  return {
    overall: !reachable ? 'unreachable' : liveness === 'error' ? 'not_ready' : readiness,
    liveness,
    readiness,
    checks: readyz.kind === 'response' ? deriveChecks(asRecord(readyz.body)['checks']) : [],
    version: asString(info['version']),
    mode: asString(info['mode']),
  };
}

function deriveLiveness(result: FetchResult): CheckState {
  if (result.kind === 'unreachable') return 'unknown';
  return result.status === 200 && asRecord(result.body)['status'] === 'ok' ? 'ok' : 'error';
}

function deriveReadiness(result: FetchResult): Readiness {
  if (result.kind === 'unreachable') return 'unknown';
  const status = asRecord(result.body)['status'];
  if (result.status === 200 && status === 'ready') return 'ready';
  // 503 is how the server says "not ready"; any other failure status means the same to an operator.
  return status === 'not_ready' || result.status >= 500 ? 'not_ready' : 'unknown';
}

/** Accepts `{"storage":"ok"}` and the richer `{"storage":{"status":"error","message":"…"}}`. */
function deriveChecks(checks: unknown): CheckView[] {
  return Object.entries(asRecord(checks)).map(([name, value]) => {
    const record = asRecord(value);
    const status = typeof value === 'string' ? value : asString(record['status']);
    const message = asString(record['message']) ?? asString(record['error']);
    // A bare "error" says no more than the badge does; other words ("degraded", "timeout") are kept.
    const detail = message ?? (status !== null && status !== 'ok' && status !== 'error' ? status : '');
    return { name, state: status === 'ok' ? 'ok' : 'error', detail };
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function asString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
