import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { sharedData } from '@vigil/testkit';
import { after, before, describe, test } from 'node:test';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';
import type { AuthFixture, Session } from '../auth/testing/auth-fixture.ts';
import { issueIngestToken } from '../auth/issue-ingest-token.ts';
import {
  BRUTE_ID,
  coverageRules,
  encodedPowerShell,
  LSASS_ID,
  miniBundleBytes,
  POWERSHELL_ID,
} from './coverage-fixture.ts';

const PASSWORD = 'Coverage-Passw0rd!';
const COVERAGE = '/api/v1/workspaces/ws-a/attack/coverage';
const DAY = 86_400_000;

type Json = Record<string, unknown>;
interface Technique {
  id: string;
  state: string;
  rules: {
    id: string;
    via?: string;
    hits: number;
    lastHit?: string;
    dataSeen: boolean;
    data: Json[];
    enabled: boolean;
  }[];
  enabledRules: number;
  hits: number;
}

describe('ATT&CK coverage API', () => {
  let fx: AuthFixture;
  let owner: Session;
  let admin: Session;
  let ingestToken: string;

  before(async () => {
    fx = await authFixture();
    await addUser(fx.rt, 'olga', PASSWORD, [['owner', 'ws-a']]);
    await addUser(fx.rt, 'root', PASSWORD, [['platform-admin']]);
    owner = await login(fx.app, 'olga', PASSWORD);
    admin = await login(fx.app, 'root', PASSWORD);
    ({ token: ingestToken } = await issueIngestToken(fx.rt, {
      workspaceId: 'ws-a',
      dataSpace: 'default',
      name: 'coverage-test',
      createdBy: 'u-olga',
    }));
  });
  after(async () => fx.app.close());

  const get = (url: string, s: Session) => fx.app.inject({ method: 'GET', url, headers: s.headers });
  const postBundle = (s: Session, payload: string | Buffer, type: string) =>
    fx.app.inject({
      method: 'POST',
      url: '/api/v1/attack/bundle',
      headers: { ...s.headers, 'content-type': type },
      payload,
    });
  const techniques = async (query = '') => {
    const res = await get(`${COVERAGE}${query}`, owner);
    assert.equal(res.statusCode, 200, res.body);
    return new Map(res.json<{ techniques: Technique[] }>().techniques.map((t) => [t.id, t]));
  };

  test('before an import, coverage answers 409 saying how to import the bundle', async () => {
    for (const url of [COVERAGE, `${COVERAGE}/navigator-layer`, '/api/v1/attack/bundle']) {
      const res = await get(url, url.startsWith('/api/v1/attack') ? admin : owner);
      assert.equal(res.statusCode, 409, url);
      const { error } = res.json<{ error: { code: string; message: string } }>();
      assert.equal(error.code, 'ATTACK_MATRIX_NOT_IMPORTED');
      assert.match(error.message, /vigil attack import/);
      assert.match(error.message, /POST the file to \/api\/v1\/attack\/bundle/);
    }
  });

  test('only a platform settings holder may import; a bad bundle is refused and nothing is stored', async () => {
    const denied = await postBundle(owner, miniBundleBytes().toString('utf8'), 'application/json');
    assert.equal(denied.statusCode, 403);

    const bad = await postBundle(admin, JSON.stringify({ type: 'bundle', objects: [] }), 'application/json');
    assert.equal(bad.statusCode, 400);
    const err = bad.json<{ error: { code: string; message: string; details: { problems: Json[] } } }>().error;
    assert.equal(err.code, 'INVALID_ATTACK_BUNDLE');
    assert.match(err.message, /objects: no x-mitre-matrix object/);
    assert.equal(err.details.problems[0]?.['path'], 'objects');

    const notGzip = await postBundle(admin, Buffer.from([0x1f, 0x8b, 1, 2, 3]), 'application/gzip');
    assert.equal(notGzip.statusCode, 400);
    assert.match(notGzip.json<{ error: { message: string } }>().error.message, /not valid gzip/);
    assert.equal((await get('/api/v1/attack/bundle', admin)).statusCode, 409, 'nothing was stored');
  });

  test('the bundle imports as JSON or as the .json.gz file', async () => {
    const json = await postBundle(admin, miniBundleBytes().toString('utf8'), 'application/json');
    assert.equal(json.statusCode, 200, json.body);
    assert.deepEqual(
      (({ tactics, techniques, subtechniques }) => ({ tactics, techniques, subtechniques }))(
        json.json<Json>(),
      ),
      { tactics: 14, techniques: 4, subtechniques: 2 },
    );
    const gz = await postBundle(admin, gzipSync(miniBundleBytes()), 'application/gzip');
    assert.equal(gz.statusCode, 200, gz.body);
    const info = (await get('/api/v1/attack/bundle', admin)).json<Json>();
    assert.equal(info['sha256'], gz.json<Json>()['sha256']);
    assert.equal(info['importedBy'], 'u-root');
    assert.equal(info['techniques'], 4);
    const imports = await fx.rt.stores.audit.find({ eventType: 'attack.bundle_imported' });
    assert.equal(imports.length, 2);
    assert.equal(imports[0]?.user_id, 'u-root');
  });

  test('coverage: covered with data, covered without data, rules disabled, none; hits and last seen', async () => {
    const imported = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces/ws-a/rules/import?enabled=true',
      headers: owner.headers,
      payload: { files: coverageRules },
    });
    assert.equal(imported.statusCode, 200, imported.body);
    const off = await fx.app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/ws-a/rules/${BRUTE_ID}`,
      headers: owner.headers,
      payload: { enabled: false },
    });
    assert.equal(off.statusCode, 200, off.body);

    let map = await techniques();
    assert.equal(map.get('T1059.001')?.state, 'covered-but-no-data', 'no event seen yet');

    const sent = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces/ws-a/ingest',
      headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify(encodedPowerShell)}\n`,
    });
    assert.equal(sent.statusCode, 200, sent.body);

    map = await techniques();
    const ps = map.get('T1059.001');
    assert.equal(ps?.state, 'covered');
    assert.equal(ps?.rules[0]?.id, POWERSHELL_ID);
    assert.equal(ps?.rules[0]?.hits, 1);
    assert.match(ps?.rules[0]?.lastHit ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(ps?.rules[0]?.data[0], {
      logsource: 'windows/process_creation',
      routed: true,
      lastSeen: new Date(fx.clock.now()).toISOString(),
    });
    assert.equal(map.get('T1059')?.state, 'covered');
    assert.equal(map.get('T1059')?.rules[0]?.via, 'T1059.001');
    assert.equal(map.get('T1003.001')?.state, 'covered-but-no-data');
    assert.equal(map.get('T1003.001')?.rules[0]?.id, LSASS_ID);
    assert.equal(map.get('T1110')?.state, 'rules-disabled');
    assert.equal(map.get('T1078')?.state, 'none');

    const body = (await get(COVERAGE, owner)).json<Json>();
    assert.deepEqual(body['counts'], { covered: 2, 'covered-but-no-data': 2, 'rules-disabled': 1, none: 1 });
    assert.equal((body['matrix'] as { tactics: unknown[] }).tactics.length, 14);
    assert.equal(body['windowDays'], 7);

    const bad = await get(`${COVERAGE}?days=0`, owner);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /days/);
  });

  test('the Navigator layer downloads as a 4.5 enterprise layer of the same coverage', async () => {
    const res = await get(`${COVERAGE}/navigator-layer`, owner);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(
      String(res.headers['content-disposition']),
      /attachment; filename="vigil-attack-coverage-ws-a\.json"/,
    );
    const layer = res.json<{
      versions: Json;
      domain: string;
      techniques: { techniqueID: string; score: number }[];
    }>();
    assert.equal(layer.versions['layer'], '4.5');
    assert.equal(layer.domain, 'enterprise-attack');
    assert.deepEqual(
      layer.techniques.map((t) => [t.techniqueID, t.score]),
      [
        ['T1003', 2],
        ['T1003.001', 2],
        ['T1059', 3],
        ['T1059.001', 3],
        ['T1110', 1],
      ],
    );
  });

  test('data seen is judged over the window: 7 days by default, ?days= otherwise', async () => {
    // Eight days later the event is out of the 7-day window, but inside a 10-day one.
    fx.clock.advance(8 * DAY);
    owner = await login(fx.app, 'olga', PASSWORD);
    assert.equal((await techniques()).get('T1059.001')?.state, 'covered-but-no-data');
    assert.equal((await techniques('?days=10')).get('T1059.001')?.state, 'covered');
  });

  test('another workspace sees its own (empty) coverage, not ws-a rules', async () => {
    await addUser(fx.rt, 'bob', PASSWORD, [['viewer', 'ws-b']]);
    const bob = await login(fx.app, 'bob', PASSWORD);
    assert.equal((await get(COVERAGE, bob)).statusCode, 403);
    const own = await get('/api/v1/workspaces/ws-b/attack/coverage', bob);
    assert.equal(own.statusCode, 200, own.body);
    assert.ok(own.json<{ techniques: Technique[] }>().techniques.every((t) => t.state === 'none'));
  });
});

test('the real Enterprise bundle (.json.gz from ../shared/data/cti) imports through the API', async () => {
  const file = sharedData('cti', 'attack', 'enterprise-attack.json.gz');
  const fx = await authFixture();
  try {
    await addUser(fx.rt, 'root', PASSWORD, [['platform-admin']]);
    const admin = await login(fx.app, 'root', PASSWORD);
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/attack/bundle',
      headers: { ...admin.headers, 'content-type': 'application/gzip' },
      payload: readFileSync(file),
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ tactics: number; techniques: number; subtechniques: number }>();
    assert.equal(body.tactics, 14);
    assert.ok(body.techniques > 150 && body.subtechniques > 300, res.body);
  } finally {
    await fx.app.close();
  }
});
