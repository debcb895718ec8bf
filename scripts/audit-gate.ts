// `npm run audit`: the supply-chain gate. Runs `npm audit --json` and fails (exit 1) on high or critical
// advisories that no current entry of docs/security/audit-allowlist.json covers; exit 2 when the audit
// itself could not run (registry unreachable…), so CI can tell "vulnerable" from "unknown".
// Usage: node scripts/audit-gate.ts [--omit=dev] [--allowlist FILE] [--report FILE (npm audit JSON, offline)]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

/** One advisory affecting one package, from an `npm audit --json` (report version 2) `via` object. */
export interface Finding {
  /** GHSA id when the advisory URL has one, otherwise npm's numeric advisory id. */
  id: string;
  package: string;
  /** The vulnerable version range of the advisory. */
  range: string;
  severity: Severity;
  title: string;
  url: string;
}

/** A reviewed exception: by advisory id, or by package + vulnerable range. */
export interface AllowlistEntry {
  id?: string;
  package?: string;
  range?: string;
  reason: string;
  reviewer: string;
  /** YYYY-MM-DD; from the day after, the entry no longer counts. */
  expires: string;
}

export type Status = 'blocking' | 'allowed' | 'expired-allowance' | 'below-threshold';

export interface Decision {
  rows: { finding: Finding; status: Status; entry?: AllowlistEntry }[];
  /** Allowlist entries that are malformed: the gate fails on them too (an exception must be reviewed). */
  problems: string[];
  pass: boolean;
}

const BLOCKING: ReadonlySet<Severity> = new Set(['high', 'critical']);
const SEVERITIES: readonly Severity[] = ['info', 'low', 'moderate', 'high', 'critical'];

interface AuditVia {
  source?: number;
  name?: string;
  title?: string;
  url?: string;
  severity?: string;
  range?: string;
}

/** The advisories of an `npm audit --json` report, one per (advisory, package), worst first. */
export function auditFindings(report: unknown): Finding[] {
  const vulnerabilities = (report as { vulnerabilities?: Record<string, { via?: unknown[] }> })
    .vulnerabilities;
  if (vulnerabilities === undefined || typeof vulnerabilities !== 'object') {
    throw new Error('not an npm audit report (no "vulnerabilities"; npm 7 or later writes report version 2)');
  }
  const found = new Map<string, Finding>();
  for (const [name, vulnerability] of Object.entries(vulnerabilities)) {
    // String entries name another vulnerable package: its own advisories are listed under it.
    for (const via of vulnerability.via ?? []) {
      if (typeof via !== 'object' || via === null) continue;
      const v = via as AuditVia;
      const ghsa = /GHSA(-[23456789cfghjmpqrvwx]{4}){3}/.exec(v.url ?? '')?.[0];
      const id = ghsa ?? String(v.source ?? 'unknown');
      const severity = SEVERITIES.includes(v.severity as Severity) ? (v.severity as Severity) : 'critical';
      const finding: Finding = {
        id,
        package: v.name ?? name,
        range: v.range ?? '*',
        severity,
        title: v.title ?? '',
        url: v.url ?? '',
      };
      found.set(`${id} ${finding.package}`, finding);
    }
  }
  return [...found.values()].sort(
    (a, b) =>
      SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) ||
      a.package.localeCompare(b.package) ||
      a.id.localeCompare(b.id),
  );
}

function entryProblems(entry: AllowlistEntry, index: number): string[] {
  const where = `allowlist entry ${index + 1}`;
  const problems: string[] = [];
  if (entry.id === undefined && (entry.package === undefined || entry.range === undefined))
    problems.push(`${where}: needs "id" (GHSA or npm advisory id) or "package" with "range"`);
  for (const field of ['reason', 'reviewer'] as const)
    if (typeof entry[field] !== 'string' || entry[field].trim() === '')
      problems.push(`${where}: "${field}" is required`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.expires ?? '') || Number.isNaN(Date.parse(entry.expires)))
    problems.push(`${where}: "expires" must be a YYYY-MM-DD date`);
  return problems;
}

function matches(entry: AllowlistEntry, finding: Finding): boolean {
  if (entry.id !== undefined) return entry.id.toLowerCase() === finding.id.toLowerCase();
  return entry.package === finding.package && entry.range === finding.range;
}

/**
 * The gate's decision: high/critical findings not covered by an unexpired allowlist entry block.
 * `today` is YYYY-MM-DD (UTC); an entry expiring today still counts.
 */
export function decide(
  findings: readonly Finding[],
  allowlist: readonly AllowlistEntry[],
  today: string,
): Decision {
  const problems = allowlist.flatMap(entryProblems);
  const valid = allowlist.filter((entry, i) => entryProblems(entry, i).length === 0);
  const rows = findings.map((finding) => {
    if (!BLOCKING.has(finding.severity)) return { finding, status: 'below-threshold' as const };
    const candidates = valid.filter((entry) => matches(entry, finding));
    const current = candidates.find((entry) => entry.expires >= today);
    if (current) return { finding, status: 'allowed' as const, entry: current };
    const expired = candidates[0];
    return expired
      ? { finding, status: 'expired-allowance' as const, entry: expired }
      : { finding, status: 'blocking' as const };
  });
  const pass =
    problems.length === 0 && rows.every((r) => r.status === 'allowed' || r.status === 'below-threshold');
  return { rows, problems, pass };
}

/** A plain-text table of the decision, for the CI log. */
export function formatDecision(decision: Decision): string {
  const header = ['severity', 'package', 'advisory', 'range', 'status', 'title'];
  const body = decision.rows.map(({ finding, status, entry }) => [
    finding.severity,
    finding.package,
    finding.id,
    finding.range,
    status === 'allowed'
      ? `allowed until ${entry?.expires ?? '?'} (${entry?.reviewer ?? '?'})`
      : status === 'expired-allowance'
        ? `BLOCKING (allowance expired ${entry?.expires ?? '?'})`
        : status === 'blocking'
          ? 'BLOCKING'
          : 'below threshold',
    finding.title,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const lines = decision.rows.length === 0 ? ['no advisories'] : [line(header), ...body.map(line)];
  for (const problem of decision.problems) lines.push(`allowlist problem: ${problem}`);
  const blocking = decision.rows.filter((r) => r.status === 'blocking' || r.status === 'expired-allowance');
  lines.push(
    decision.pass
      ? 'audit gate: PASS (no unreviewed high or critical advisory)'
      : `audit gate: FAIL (${blocking.length} high/critical advisories not allowlisted, ${decision.problems.length} allowlist problems)`,
  );
  return lines.join('\n');
}

/** Runs `npm audit --json`; returns the parsed report, or why there is none. */
export function runNpmAudit(cwd: string, omitDev: boolean): { report: unknown } | { failure: string } {
  const args = ['audit', '--json', ...(omitDev ? ['--omit=dev'] : [])];
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) return { failure: `cannot run npm: ${result.error.message}` };
  let report: unknown;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    return {
      failure: `npm audit printed no JSON report (exit ${String(result.status)}): ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`,
    };
  }
  const error = (report as { error?: unknown; message?: unknown; statusCode?: unknown }) ?? {};
  if (error.error !== undefined || (error as { vulnerabilities?: unknown }).vulnerabilities === undefined) {
    const message = typeof error.message === 'string' ? error.message : JSON.stringify(error.error ?? report);
    return {
      failure: `the npm audit endpoint could not be queried (registry unreachable or refusing audits): ${message}`,
    };
  }
  return { report };
}

function main(): number {
  const root = join(import.meta.dirname, '..');
  const { values } = parseArgs({
    options: {
      omit: { type: 'string' },
      allowlist: { type: 'string', default: join(root, 'docs/security/audit-allowlist.json') },
      report: { type: 'string' },
    },
  });
  if (values.omit !== undefined && values.omit !== 'dev') {
    console.error('audit gate: only --omit=dev is supported');
    return 2;
  }
  const allowlist = (JSON.parse(readFileSync(values.allowlist, 'utf8')) as { entries: AllowlistEntry[] })
    .entries;
  const audited = values.report
    ? { report: JSON.parse(readFileSync(values.report, 'utf8')) as unknown }
    : runNpmAudit(root, values.omit === 'dev');
  if ('failure' in audited) {
    console.error(`audit gate: UNKNOWN — ${audited.failure}`);
    console.error(
      'audit gate: no result is not a pass; rerun with registry access (CI decides whether to retry).',
    );
    return 2;
  }
  const decision = decide(auditFindings(audited.report), allowlist, new Date().toISOString().slice(0, 10));
  console.log(formatDecision(decision));
  return decision.pass ? 0 : 1;
}

if (import.meta.main) process.exitCode = main();
