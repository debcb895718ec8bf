import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditFindings, decide, formatDecision, type AllowlistEntry } from './audit-gate.ts';

/** Shaped like `npm audit --json` (report version 2) output. */
const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    'path-to-regexp': {
      name: 'path-to-regexp',
      severity: 'high',
      via: [
        {
          source: 1101846,
          name: 'path-to-regexp',
          dependency: 'path-to-regexp',
          title: 'path-to-regexp outputs backtracking regular expressions',
          url: 'https://github.com/advisories/GHSA-9wv6-86v2-598j',
          severity: 'high',
          range: '<0.1.10',
        },
      ],
      effects: ['express'],
      range: '<0.1.10',
    },
    express: {
      name: 'express',
      severity: 'high',
      via: ['path-to-regexp'],
      effects: [],
      range: '4.0.0 - 4.21.0',
    },
    cookie: {
      name: 'cookie',
      severity: 'low',
      via: [
        {
          source: 1099846,
          name: 'cookie',
          title: 'cookie accepts cookie name, path, and domain with out of bounds characters',
          url: 'https://github.com/advisories/GHSA-pxg6-pf52-xh8x',
          severity: 'low',
          range: '<0.7.0',
        },
      ],
    },
    ws: {
      name: 'ws',
      severity: 'critical',
      via: [
        {
          source: 1098392,
          name: 'ws',
          title: 'ws affected by a DoS when handling a request with many HTTP headers',
          url: 'https://github.com/advisories/GHSA-3h5v-q93c-6h6q',
          severity: 'critical',
          range: '>=8.0.0 <8.17.1',
        },
      ],
    },
  },
  metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high: 2, critical: 1, total: 4 } },
};

const entry = (over: Partial<AllowlistEntry>): AllowlistEntry => ({
  reason: 'only reachable from a dev tool, not at runtime',
  reviewer: 'security@vigil.example',
  expires: '2026-12-31',
  ...over,
});

test('audit findings: one per advisory, transitive string entries skipped, worst first', () => {
  const findings = auditFindings(report);
  assert.deepEqual(
    findings.map((f) => [f.severity, f.package, f.id, f.range]),
    [
      ['critical', 'ws', 'GHSA-3h5v-q93c-6h6q', '>=8.0.0 <8.17.1'],
      ['high', 'path-to-regexp', 'GHSA-9wv6-86v2-598j', '<0.1.10'],
      ['low', 'cookie', 'GHSA-pxg6-pf52-xh8x', '<0.7.0'],
    ],
  );
  assert.deepEqual(auditFindings({ auditReportVersion: 2, vulnerabilities: {} }), []);
  assert.throws(() => auditFindings({ error: { code: 'ENOTFOUND' } }), /not an npm audit report/);
});

test('audit gate: unlisted high/critical advisories block; low ones do not', () => {
  const decision = decide(auditFindings(report), [], '2026-11-23');
  assert.equal(decision.pass, false);
  assert.deepEqual(
    decision.rows.map((r) => r.status),
    ['blocking', 'blocking', 'below-threshold'],
  );
  const table = formatDecision(decision);
  assert.match(table, /^severity\s+package\s+advisory/);
  assert.match(table, /critical\s+ws\s+GHSA-3h5v-q93c-6h6q.*BLOCKING/);
  assert.match(
    table,
    /audit gate: FAIL \(2 high\/critical advisories not allowlisted, 0 allowlist problems\)/,
  );
});

test('audit gate: allowlisted by GHSA id or package+range passes until the entry expires', () => {
  const allowlist = [
    entry({ id: 'GHSA-3h5v-q93c-6h6q' }),
    entry({ package: 'path-to-regexp', range: '<0.1.10', expires: '2026-11-23' }),
  ];
  const today = decide(auditFindings(report), allowlist, '2026-11-23');
  assert.equal(today.pass, true, formatDecision(today));
  assert.match(formatDecision(today), /allowed until 2026-12-31 \(security@vigil\.example\)/);
  assert.match(formatDecision(today), /audit gate: PASS/);
  // The day after expiry the entry no longer counts.
  const tomorrow = decide(auditFindings(report), allowlist, '2026-11-24');
  assert.equal(tomorrow.pass, false);
  assert.deepEqual(
    tomorrow.rows.map((r) => r.status),
    ['allowed', 'expired-allowance', 'below-threshold'],
  );
  assert.match(formatDecision(tomorrow), /BLOCKING \(allowance expired 2026-11-23\)/);
  // A different range of the same package is not covered.
  const other = decide(
    auditFindings(report),
    [entry({ package: 'path-to-regexp', range: '<0.2.0' })],
    '2026-11-23',
  );
  assert.equal(other.rows[1]?.status, 'blocking');
});

test('audit gate: malformed allowlist entries fail the gate and say what is missing', () => {
  const decision = decide(
    [],
    [
      { id: 'GHSA-xxxx', reason: '', reviewer: 'r', expires: '2026-12-31' },
      { package: 'ws', reason: 'r', reviewer: 'r', expires: 'soon' },
    ],
    '2026-11-23',
  );
  assert.equal(decision.pass, false);
  assert.deepEqual(decision.problems, [
    'allowlist entry 1: "reason" is required',
    'allowlist entry 2: needs "id" (GHSA or npm advisory id) or "package" with "range"',
    'allowlist entry 2: "expires" must be a YYYY-MM-DD date',
  ]);
});

test('the checked-in allowlist is valid, and the CLI exits 1/0 on a saved report', () => {
  const root = join(import.meta.dirname, '..');
  const allowlistFile = join(root, 'docs/security/audit-allowlist.json');
  const checkedIn = JSON.parse(readFileSync(allowlistFile, 'utf8')) as { entries: AllowlistEntry[] };
  assert.deepEqual(decide([], checkedIn.entries, '2026-11-23').problems, []);
  const dir = mkdtempSync(join(tmpdir(), 'vigil-audit-'));
  writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
  const run = (allowlist: string) =>
    spawnSync(
      process.execPath,
      ['scripts/audit-gate.ts', '--report', join(dir, 'report.json'), '--allowlist', allowlist],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
  const failing = run(allowlistFile);
  assert.equal(failing.status, 1, failing.stderr);
  assert.match(failing.stdout, /audit gate: FAIL/);
  const far = '2999-01-01';
  writeFileSync(
    join(dir, 'allow.json'),
    JSON.stringify({
      entries: [entry({ id: 'GHSA-3h5v-q93c-6h6q', expires: far }), entry({ id: '1101846', expires: far })],
    }),
  );
  // The numeric npm id matches only findings without a GHSA: this one still blocks.
  assert.equal(run(join(dir, 'allow.json')).status, 1);
  writeFileSync(
    join(dir, 'allow.json'),
    JSON.stringify({
      entries: [
        entry({ id: 'GHSA-3h5v-q93c-6h6q', expires: far }),
        entry({ id: 'GHSA-9wv6-86v2-598j', expires: far }),
      ],
    }),
  );
  const passing = run(join(dir, 'allow.json'));
  assert.equal(passing.status, 0, passing.stdout + passing.stderr);
});
