// Suppression rules as the server sends them (apps/server/src/alerts/suppressions.routes.ts), and the
// console's one-condition-per-line text form of their field matches (`host.name = ws01, srv-*`).
import { obj, objects, str, strs } from '../admin/parse.ts';

export interface SuppressionView {
  readonly id: string;
  readonly ruleId: string | undefined;
  readonly match: Readonly<Record<string, readonly string[]>>;
  readonly startsAt: number;
  readonly expiresAt: number;
  readonly reason: string;
  readonly owner: string;
  readonly enabled: boolean;
  readonly updatedAt: number | undefined;
  readonly updatedBy: string | undefined;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function parseSuppression(v: unknown): SuppressionView | undefined {
  const s = obj(v);
  const id = str(s['id']);
  if (id === undefined) return undefined;
  const match: Record<string, string[]> = {};
  for (const [field, values] of Object.entries(obj(s['match']))) match[field] = strs(values);
  return {
    id,
    ruleId: str(s['ruleId']),
    match,
    startsAt: num(s['startsAt']) ?? 0,
    expiresAt: num(s['expiresAt']) ?? 0,
    reason: str(s['reason']) ?? '',
    owner: str(s['owner']) ?? '',
    // Rules stored before `enabled` existed are enabled.
    enabled: s['enabled'] !== false,
    updatedAt: num(s['updatedAt']),
    updatedBy: str(s['updatedBy']),
  };
}

export function parseSuppressions(body: unknown): SuppressionView[] {
  return objects(obj(body)['suppressions']).flatMap((s) => {
    const parsed = parseSuppression(s);
    return parsed === undefined ? [] : [parsed];
  });
}

/** `{'host.name': ['ws01', 'srv-*']}` → `host.name = ws01, srv-*` (one line per field). */
export function matchToText(match: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(match)
    .map(([field, values]) => `${field} = ${values.join(', ')}`)
    .join('\n');
}

/** The reverse of matchToText; every bad line is reported with its number. */
export function textToMatch(
  text: string,
): { ok: true; match: Record<string, string[]> } | { ok: false; problems: string[] } {
  const match: Record<string, string[]> = {};
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const eq = line.indexOf('=');
    const field = eq < 0 ? '' : line.slice(0, eq).trim();
    const values =
      eq < 0
        ? []
        : line
            .slice(eq + 1)
            .split(',')
            .map((v) => v.trim())
            .filter((v) => v !== '');
    if (field === '' || values.length === 0) {
      problems.push(`line ${i + 1}: expected "field = value[, value…]"`);
      return;
    }
    match[field] = [...(match[field] ?? []), ...values];
  });
  if (problems.length === 0 && Object.keys(match).length === 0) problems.push('at least one field is needed');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, match };
}
