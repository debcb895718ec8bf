import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Storage } from '@vigil/core';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';
import type { AuthFixture, Session } from '../auth/testing/auth-fixture.ts';
import {
  BRUTE_ID,
  bruteForceCorrelation,
  failedLogon,
  failedLogonRule,
  sysmonProcess,
  vigilEvent,
  WHOAMI_ID,
  whoamiRule,
} from '../detection/detection-fixture.ts';
import { makeZip } from './zip-fixture.ts';

const PASSWORD = 'Correct-Horse-42!';
const BASE = '/api/v1/workspaces/ws-a/rules';

const badRule = `title: Broken
id: 6b3c4d6e-0000-4000-8000-0000000000ff
logsource:
  product: windows
  category: process_creation
detection:
  selection:
    Image|nosuchmodifier: x
  condition: selection
`;

describe('rules API', () => {
  let dir: string;
  let storage: Storage;
  let fx: AuthFixture;
  let analyst: Session;
  let viewer: Session;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-rules-api-'));
    storage = await openSqliteStorage({ dataDir: dir });
    await storage.migrate();
    const events = [
      vigilEvent(
        sysmonProcess('C:\\Windows\\System32\\whoami.exe', { User: 'CORP\\bob' }),
        '2026-03-01T10:00:00Z',
      ),
      vigilEvent(sysmonProcess('C:\\Windows\\System32\\cmd.exe'), '2026-03-01T10:00:05Z'),
      vigilEvent(
        sysmonProcess('C:\\Windows\\System32\\whoami.exe', { User: 'CORP\\svc' }),
        '2026-03-01T10:00:10Z',
      ),
      vigilEvent(failedLogon('bob'), '2026-03-01T11:00:00Z'),
      vigilEvent(failedLogon('bob'), '2026-03-01T11:00:10Z'),
      vigilEvent(failedLogon('bob'), '2026-03-01T11:00:20Z'),
      vigilEvent(sysmonProcess('C:\\Windows\\System32\\whoami.exe'), '2026-03-01T10:00:00Z', 'ws-b'),
    ];
    await storage.events.append(events);
    fx = await authFixture({ storage });
    await addUser(fx.rt, 'ana', PASSWORD, [['analyst', 'ws-a']]);
    await addUser(fx.rt, 'vic', PASSWORD, [['viewer', 'ws-a']]);
    analyst = await login(fx.app, 'ana', PASSWORD);
    viewer = await login(fx.app, 'vic', PASSWORD);
  });
  after(async () => {
    await fx.app.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    session: Session,
    payload?: unknown,
    type?: string,
  ) =>
    fx.app.inject({
      method,
      url,
      headers: { ...session.headers, ...(type ? { 'content-type': type } : {}) },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });

  test('imports a single YAML body; re-import is a no-op; a changed text makes version 2', async () => {
    const first = await call(
      'POST',
      `${BASE}/import?path=rules/windows/whoami.yml`,
      analyst,
      whoamiRule(),
      'application/yaml',
    );
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json<{ counts: unknown }>().counts, {
      created: 1,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    const same = await call(
      'POST',
      `${BASE}/import?path=rules/windows/whoami.yml`,
      analyst,
      whoamiRule(),
      'text/yaml',
    );
    assert.deepEqual(same.json<{ counts: unknown }>().counts, {
      created: 0,
      updated: 0,
      unchanged: 1,
      rejected: 0,
    });
    const changed = await call('POST', `${BASE}/import`, analyst, {
      text: whoamiRule('critical'),
      path: 'whoami.yml',
    });
    assert.equal(changed.json<{ updated: { version: number }[] }>().updated[0]?.version, 2);
    const got = await call('GET', `${BASE}/${WHOAMI_ID}`, viewer);
    assert.equal(got.statusCode, 200, got.body);
    const body = got.json<{
      version: number;
      level: string;
      enabled: boolean;
      versions: { version: number; text: string }[];
    }>();
    assert.equal(body.version, 2);
    assert.equal(body.level, 'critical');
    assert.equal(body.enabled, false);
    assert.deepEqual(
      body.versions.map((v) => v.version),
      [1, 2],
    );
    assert.match(body.versions[0]?.text ?? '', /level: high/);
  });

  test('a zip in SigmaHQ layout imports its rules and reports rejected ones with file and reason', async () => {
    const zip = makeZip({
      'rules/windows/builtin/security/failed_logon.yml': failedLogonRule,
      'rules/windows/correlations/brute.yml': bruteForceCorrelation,
      'rules/windows/process_creation/broken.yml': badRule,
      'README.md': 'ignored',
    });
    const res = await call('POST', `${BASE}/import`, analyst, zip, 'application/zip');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ counts: Record<string, number>; rejected: { file: string; reason: string }[] }>();
    assert.deepEqual(body.counts, { created: 2, updated: 0, unchanged: 0, rejected: 1 });
    assert.equal(body.rejected[0]?.file, 'rules/windows/process_creation/broken.yml');
    assert.match(body.rejected[0]?.reason ?? '', /nosuchmodifier/);
    // base64 in JSON works too (same content → unchanged).
    const again = await call('POST', `${BASE}/import`, analyst, {
      zip: makeZip({ 'rules/failed_logon.yml': failedLogonRule }).toString('base64'),
    });
    assert.equal(again.json<{ counts: { unchanged: number } }>().counts.unchanged, 1);
  });

  test('a zip with a path-traversal entry is refused as a whole', async () => {
    const res = await call(
      'POST',
      `${BASE}/import`,
      analyst,
      makeZip({ '../evil.yml': whoamiRule() }),
      'application/zip',
    );
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<{ error: { code: string } }>().error.code, 'ZIP_INVALID');
  });

  test('JSON files import (a directory); a correlation may reference stored rules', async () => {
    const res = await call('POST', `${BASE}/import`, analyst, {
      files: [
        {
          path: 'extra/corr.yml',
          text: bruteForceCorrelation
            .replace(BRUTE_ID, '6b3c4d6e-0000-4000-8000-000000000010')
            .replace('Brute Force', 'Brute Force 2'),
        },
        { path: 'extra/nonsense.yml', text: 'just: [unbalanced' },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ counts: Record<string, number>; rejected: { file: string }[] }>();
    assert.equal(body.counts['created'], 1);
    assert.deepEqual(
      body.rejected.map((r) => r.file),
      ['extra/nonsense.yml'],
    );
  });

  test('lists and searches rules with filters and pagination', async () => {
    const list = async (qs: string) => {
      const res = await call('GET', `${BASE}?${qs}`, viewer);
      assert.equal(res.statusCode, 200, res.body);
      return res.json<{ rules: { id: string; title: string }[]; total: number; next?: string }>();
    };
    assert.equal((await list('')).total, 4);
    assert.deepEqual(
      (await list('level=critical&type=rule')).rules.map((r) => r.id),
      [WHOAMI_ID],
    );
    assert.deepEqual(
      (await list('tag=attack.t1033')).rules.map((r) => r.id),
      [WHOAMI_ID],
    );
    assert.equal((await list('logsource=windows:process_creation')).total, 1);
    assert.equal((await list('logsource=security')).total, 1);
    assert.equal((await list('q=brute')).total, 2);
    assert.equal((await list('status=experimental&type=correlation')).total, 2);
    const page1 = await list('limit=3');
    assert.equal(page1.rules.length, 3);
    assert.ok(page1.next);
    const page2 = await list(`limit=3&after=${encodeURIComponent(page1.next)}`);
    assert.equal(page2.rules.length, 1);
    assert.equal(page2.next, undefined);
  });

  test('enable/disable needs rules.write; viewers are refused', async () => {
    const denied = await call('PATCH', `${BASE}/${WHOAMI_ID}`, viewer, { enabled: true });
    assert.equal(denied.statusCode, 403);
    const ok = await call('PATCH', `${BASE}/${WHOAMI_ID}`, analyst, { enabled: true });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json<{ enabled: boolean }>().enabled, true);
    assert.equal((await call('GET', `${BASE}?enabled=true`, viewer)).json<{ total: number }>().total, 1);
    const importDenied = await call('POST', `${BASE}/import`, viewer, whoamiRule(), 'application/yaml');
    assert.equal(importDenied.statusCode, 403);
  });

  test('exceptions: created with a Sigma selection, listed, bad modifiers refused, deleted', async () => {
    const bad = await call('POST', `${BASE}/${WHOAMI_ID}/exceptions`, analyst, {
      conditions: { 'User|nosuch': 'x' },
      reason: 'x',
    });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal(bad.json<{ error: { code: string } }>().error.code, 'EXCEPTION_INVALID');
    const created = await call('POST', `${BASE}/${WHOAMI_ID}/exceptions`, analyst, {
      conditions: { 'User|endswith': '\\svc' },
      reason: 'service account inventory',
      owner: 'ana',
      expiresAt: '2099-01-01T00:00:00Z',
    });
    assert.equal(created.statusCode, 201, created.body);
    const exc = created.json<{ id: string; active: boolean; owner: string }>();
    assert.equal(exc.active, true);
    assert.equal(exc.owner, 'ana');
    const listed = await call('GET', `${BASE}/${WHOAMI_ID}/exceptions`, viewer);
    assert.equal(listed.json<{ exceptions: { id: string }[] }>().exceptions[0]?.id, exc.id);
    const all = await call('GET', '/api/v1/workspaces/ws-a/rule-exceptions', viewer);
    assert.equal(all.json<{ exceptions: unknown[] }>().exceptions.length, 1);
    // A correlation's exception is compiled against its output (group-by values, event_count…).
    const onCorrelation = await call('POST', `${BASE}/${BRUTE_ID}/exceptions`, analyst, {
      conditions: { TargetUserName: 'svc_scan' },
      reason: 'scanner account',
    });
    assert.equal(onCorrelation.statusCode, 201, onCorrelation.body);
    const badOnCorrelation = await call('POST', `${BASE}/${BRUTE_ID}/exceptions`, analyst, {
      conditions: { 'TargetUserName|nosuch': 'x' },
      reason: 'x',
    });
    assert.equal(badOnCorrelation.statusCode, 400);
    assert.match(badOnCorrelation.body, /conditions/);
    const tmp = await call('POST', `${BASE}/${WHOAMI_ID}/exceptions`, analyst, {
      conditions: { User: 'tmp' },
      reason: 'x',
    });
    const del = await call(
      'DELETE',
      `${BASE}/${WHOAMI_ID}/exceptions/${tmp.json<{ id: string }>().id}`,
      analyst,
    );
    assert.equal(del.statusCode, 204);
  });

  test('tests a pasted rule against sample events, with errors for bad events and bad rules', async () => {
    const res = await call('POST', `${BASE}/test`, analyst, {
      rule: whoamiRule().replace(WHOAMI_ID, '6b3c4d6e-0000-4000-8000-0000000000aa'),
      events: [
        sysmonProcess('C:\\x\\whoami.exe'),
        sysmonProcess('C:\\x\\cmd.exe'),
        'not an event',
        { Image: 'whoami.exe' },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ hits: number; matches: { index: number }[]; errors: { index: number }[] }>();
    assert.equal(body.hits, 1);
    assert.deepEqual(
      body.matches.map((m) => m.index),
      [0],
    );
    assert.deepEqual(
      body.errors.map((e) => e.index),
      [2],
    );
    const broken = await call('POST', `${BASE}/test`, analyst, { rule: badRule, events: [] });
    assert.equal(broken.statusCode, 400);
    assert.match(broken.json<{ error: { message: string } }>().error.message, /nosuchmodifier/);
  });

  test('tests a stored rule by id: its exceptions apply; correlations flush at the end', async () => {
    const res = await call('POST', `${BASE}/test`, analyst, {
      ruleId: WHOAMI_ID,
      events: [
        sysmonProcess('C:\\x\\whoami.exe', { User: 'CORP\\svc' }),
        sysmonProcess('C:\\x\\whoami.exe', { User: 'bob' }),
      ],
    });
    const body = res.json<{ hits: number; suppressed: { index: number }[] }>();
    assert.equal(body.hits, 1);
    assert.deepEqual(
      body.suppressed.map((s) => s.index),
      [0],
    );
    const corr = await call('POST', `${BASE}/test`, analyst, {
      ruleId: BRUTE_ID,
      events: [0, 10, 20].map((s) => ({
        ...failedLogon('eve'),
        '@timestamp': `2026-03-01T10:00:${String(s).padStart(2, '0')}Z`,
      })),
    });
    const cb = corr.json<{ correlations: { group: unknown; eventIndexes: number[] }[] }>();
    assert.deepEqual(cb.correlations, [
      {
        ruleId: BRUTE_ID,
        title: 'Brute Force',
        type: 'event_count',
        group: { TargetUserName: 'eve' },
        eventIndexes: [0, 1, 2],
      },
    ]);
  });

  test('backtests a rule over stored events of a time range, bounded', async () => {
    const range = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };
    const res = await call('POST', `${BASE}/${WHOAMI_ID}/backtest`, analyst, range);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{
      hits: number;
      scanned: number;
      truncated: boolean;
      suppressed: number;
      events: { vigil: { workspace: string } }[];
    }>();
    assert.equal(body.scanned, 6, 'only ws-a events');
    assert.equal(body.hits, 1, 'the svc event is suppressed by the exception');
    assert.equal(body.suppressed, 1);
    assert.equal(body.truncated, false);
    assert.equal(body.events[0]?.vigil.workspace, 'ws-a');
    const bounded = await call('POST', `${BASE}/${WHOAMI_ID}/backtest`, analyst, { ...range, maxScan: 2 });
    assert.deepEqual(
      (({ scanned, truncated }) => ({ scanned, truncated }))(
        bounded.json<{ scanned: number; truncated: boolean }>(),
      ),
      { scanned: 2, truncated: true },
    );
    const corr = await call('POST', `${BASE}/${BRUTE_ID}/backtest`, analyst, range);
    const cb = corr.json<{ hits: number; correlations: { eventIds: string[] }[] }>();
    assert.equal(cb.hits, 1);
    assert.equal(cb.correlations[0]?.eventIds.length, 3);
    const badRange = await call('POST', `${BASE}/${WHOAMI_ID}/backtest`, analyst, {
      from: range.to,
      to: range.from,
    });
    assert.equal(badRange.statusCode, 400);
    const viewerDenied = await call('POST', `${BASE}/${WHOAMI_ID}/backtest`, viewer, range);
    assert.equal(viewerDenied.statusCode, 403);
  });

  test('placeholders: a rule using %name% is rejected until the workspace sets its values', async () => {
    const rule = `title: Admin Workstation Logon
id: 6b3c4d6e-0000-4000-8000-0000000000bb
logsource:
  product: windows
  service: security
detection:
  selection:
    EventID: 4624
    WorkstationName|expand: '%Admins_Workstations%'
  condition: selection
`;
    const before = await call('POST', `${BASE}/import`, analyst, { text: rule, path: 'ph.yml' });
    assert.match(
      before.json<{ rejected: { reason: string }[] }>().rejected[0]?.reason ?? '',
      /unresolved placeholder/,
    );
    const put = await call('PUT', '/api/v1/workspaces/ws-a/sigma-placeholders', analyst, {
      values: { Admins_Workstations: ['ADMIN-01', 'ADMIN-02'] },
    });
    assert.equal(put.statusCode, 200, put.body);
    const afterPut = await call('POST', `${BASE}/import`, analyst, { text: rule, path: 'ph.yml' });
    assert.equal(afterPut.json<{ counts: { created: number } }>().counts.created, 1);
    const test = await call('POST', `${BASE}/test`, analyst, {
      ruleId: '6b3c4d6e-0000-4000-8000-0000000000bb',
      events: [
        { EventID: 4624, Channel: 'Security', WorkstationName: 'admin-02' },
        { EventID: 4624, Channel: 'Security', WorkstationName: 'KIOSK' },
      ],
    });
    assert.deepEqual(
      test.json<{ matches: { index: number }[] }>().matches.map((m) => m.index),
      [0],
    );
    const got = await call('GET', '/api/v1/workspaces/ws-a/sigma-placeholders', viewer);
    assert.deepEqual(got.json(), { values: { Admins_Workstations: ['ADMIN-01', 'ADMIN-02'] } });
    await call('DELETE', `${BASE}/6b3c4d6e-0000-4000-8000-0000000000bb`, analyst);
  });

  test('detection stats show the workspace rule revision', async () => {
    const res = await call('GET', '/api/v1/workspaces/ws-a/detection/stats', viewer);
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(res.json<{ revision: number }>().revision > 0);
  });

  test('deletes a rule (404 afterwards); routes publish their permission in OpenAPI', async () => {
    const del = await call('DELETE', `${BASE}/${WHOAMI_ID}`, analyst);
    assert.equal(del.statusCode, 204);
    assert.equal((await call('GET', `${BASE}/${WHOAMI_ID}`, viewer)).statusCode, 404);
    const doc = (await fx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, { 'x-vigil-permission': string }>>;
    }>();
    const path = doc.paths['/api/v1/workspaces/{workspaceId}/rules/{ruleId}/backtest'];
    assert.equal(path?.['post']?.['x-vigil-permission'], 'rules.test');
  });
});
