// Issue 6 / DESIGN §7: every route declares a permission, and the generated matrix below proves that
// every non-public operation of the OpenAPI document refuses (a) no session, (b) a session holding
// everything except that permission, (c) a session for another workspace, (d) an API key of another
// workspace and (e) an API key whose role lacks the permission. Nothing is hand-listed: routes added
// later are covered automatically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import {
  PERMISSIONS,
  PLATFORM_ROLES,
  builtInRole,
  isPermission,
  permissionScope,
  permissionsOfScope,
  type Permission,
} from '@vigil/identity';
import { registerTestSecret } from '@vigil/testkit';
import { addUser, authFixture, login, type Session } from './testing/auth-fixture.ts';
import type { IdentityRuntime } from './identity-runtime.ts';
import { issueIngestToken } from './issue-ingest-token.ts';

type Json = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  permission: string;
  selfAuthenticated: boolean;
}

const PASSWORD = 'Matrix-Passw0rd!';
const REMOTE = '203.0.113.5';
/** Self-service routes (any signed-in principal): checked for (a) only, and kept to this known set. */
const SELF_SERVICE = [
  'GET /api/v1/me',
  'GET /api/v1/workspaces',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/logout-all',
  'POST /api/v1/me/mfa/confirm',
  'POST /api/v1/me/mfa/disable',
  'POST /api/v1/me/mfa/enrol',
  'POST /api/v1/me/mfa/recovery-codes',
  'POST /api/v1/me/password',
  // The permission catalogue the console's role editor lists (no data, any signed-in principal).
  'GET /api/v1/permissions',
  // Privacy: the signed-in user's own data (view, export, correct, delete) and the inventory.
  'GET /api/v1/privacy/inventory',
  'GET /api/v1/me/personal-data',
  'GET /api/v1/me/personal-data/export',
  'PATCH /api/v1/me',
  'POST /api/v1/me/delete',
];

function operations(doc: Json): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc['paths'] as Record<string, Json>)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as Json;
      const security = op['security'] as Json[];
      const schemes = security.flatMap((s) => Object.keys(s));
      out.push({
        method: method.toUpperCase(),
        path,
        permission: String(op['x-vigil-permission']),
        selfAuthenticated:
          schemes.length > 0 && schemes.every((s) => s === 'ingestToken' || s === 'metricsToken'),
      });
    }
  }
  return out;
}

function url(path: string, workspaceId: string): string {
  return path
    .replaceAll('{workspaceId}', workspaceId)
    .replaceAll('{tokenId}', '0123456789abcdef')
    .replace(/\{[^}]+\}/g, 'x1');
}

async function send(app: FastifyInstance, op: Operation, workspaceId: string, session?: Session) {
  const write = !['GET', 'HEAD'].includes(op.method);
  return app.inject({
    method: op.method as 'GET',
    url: url(op.path, workspaceId),
    remoteAddress: REMOTE,
    headers: { ...(session?.headers ?? {}), ...(write ? { 'content-type': 'application/json' } : {}) },
    ...(write ? { payload: '{}' } : {}),
  });
}

/** The status only: resolves once headers are out, so streaming routes (SSE) do not keep the test waiting. */
async function statusOf(
  app: FastifyInstance,
  op: Operation,
  workspaceId: string,
  session: Session,
): Promise<number> {
  const write = !['GET', 'HEAD'].includes(op.method);
  const res = await app.inject({
    method: op.method as 'GET',
    url: url(op.path, workspaceId),
    remoteAddress: REMOTE,
    headers: { ...session.headers, ...(write ? { 'content-type': 'application/json' } : {}) },
    ...(write ? { payload: '{}' } : {}),
    payloadAsStream: true,
  });
  res.stream().destroy();
  return res.statusCode;
}

/** An API key (machine token) holding `role` in `workspaceId`, created through the API like a user would. */
async function apiKey(
  app: FastifyInstance,
  session: Session,
  workspaceId: string,
  role: string,
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/api-keys`,
    remoteAddress: REMOTE,
    headers: session.headers,
    payload: { name: `matrix-${role}`, role },
  });
  assert.equal(res.statusCode, 201, res.body);
  const token = res.json<{ token: string }>().token;
  registerTestSecret('API key', token);
  return { cookie: '', csrf: '', headers: { authorization: `Bearer ${token}` } };
}

/** A session holding every permission of the installation except `missing`. */
async function sessionWithout(
  app: FastifyInstance,
  rt: IdentityRuntime,
  missing: Permission,
): Promise<Session> {
  const name = `lacks-${missing.replaceAll(/[._]/g, '-')}`;
  const roles: [string, string?][] = PLATFORM_ROLES.filter((r) => !r.permissions.includes(missing)).map(
    (r) => [r.id],
  );
  if (permissionScope(missing) === 'workspace') {
    await rt.stores.roles.put({
      id: name,
      name,
      scope: 'workspace',
      builtIn: false,
      workspace: 'ws-a',
      permissions: permissionsOfScope('workspace').filter((p) => p !== missing),
    });
    roles.push([name, 'ws-a']);
  } else {
    roles.push(['owner', 'ws-a']);
  }
  await addUser(rt, name, PASSWORD, roles);
  return login(app, name, PASSWORD);
}

test('every non-public operation refuses no session, a session without its permission, another workspace, and API keys of another workspace or a weaker role', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'root', PASSWORD, [['owner', 'ws-a'], ...PLATFORM_ROLES.map((r): [string] => [r.id])]);
  await addUser(rt, 'neighbour', PASSWORD, [['owner', 'ws-b']]);
  const root = await login(app, 'root', PASSWORD);
  const { token: ingestToken } = await issueIngestToken(rt, {
    workspaceId: 'ws-b',
    dataSpace: 'default',
    name: 'b',
    createdBy: 'u-neighbour',
  });
  const foreignIngest = { cookie: '', csrf: '', headers: { authorization: `Bearer ${ingestToken}` } };
  const neighbour = await login(app, 'neighbour', PASSWORD);
  // Keys are created before the loop: the matrix's writes (revocations included) must not reach them.
  const foreignKey = await apiKey(app, neighbour, 'ws-b', 'owner');
  const WEAK_ROLE = 'viewer';
  const weakKey = await apiKey(app, root, 'ws-a', WEAK_ROLE);
  const weakPermissions = new Set<string>(builtInRole(WEAK_ROLE)?.permissions ?? []);
  assert.ok(weakPermissions.size > 0);
  let weakAllowed = 0;
  const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<Json>();
  const ops = operations(doc).filter((o) => o.permission !== 'public');
  assert.ok(ops.length >= 25, `only ${ops.length} protected operations found`);

  const selfService = ops.filter((o) => o.permission === 'authenticated').map((o) => `${o.method} ${o.path}`);
  assert.deepEqual(selfService.sort(), [...SELF_SERVICE].sort(), 'self-service routes changed: review them');

  const lacking = new Map<string, Session>();
  const checked: string[] = [];
  for (const op of ops) {
    const where = `${op.method} ${op.path} (${op.permission})`;
    const none = await send(app, op, 'ws-a');
    if (op.selfAuthenticated) {
      assert.ok([401, 403].includes(none.statusCode), `${where} without credentials: ${none.statusCode}`);
      for (const s of [root, neighbour]) {
        const res = await send(app, op, 'ws-a', s);
        assert.ok([401, 403].includes(res.statusCode), `${where} with a session: ${res.statusCode}`);
      }
      if (op.path.includes('{workspaceId}')) {
        const res = await send(app, op, 'ws-a', foreignIngest);
        assert.ok([401, 403, 404].includes(res.statusCode), `${where} with another workspace's token`);
      }
      checked.push(where);
      continue;
    }
    assert.equal(none.statusCode, 401, `${where} without a session`);
    assert.equal(none.json<{ error: { code: string } }>().error.code, 'UNAUTHENTICATED', where);
    if (op.permission === 'authenticated') {
      checked.push(where);
      continue;
    }
    assert.ok(isPermission(op.permission), `${where} names a permission outside the catalogue`);
    const permission = op.permission;

    let without = lacking.get(permission);
    if (!without) {
      without = await sessionWithout(app, rt, permission);
      lacking.set(permission, without);
    }
    const denied = await send(app, op, 'ws-a', without);
    assert.equal(denied.statusCode, 403, `${where} with every permission but this one: ${denied.body}`);
    assert.equal(denied.json<{ error: { code: string } }>().error.code, 'FORBIDDEN', where);

    const foreign = await send(app, op, 'ws-a', neighbour);
    assert.ok(
      [403, 404].includes(foreign.statusCode),
      `${where} from another workspace: ${foreign.statusCode}`,
    );

    const foreignByKey = await send(app, op, 'ws-a', foreignKey);
    assert.ok(
      [403, 404].includes(foreignByKey.statusCode),
      `${where} with an API key of another workspace: ${foreignByKey.statusCode}`,
    );
    if (permissionScope(permission) === 'platform' || !weakPermissions.has(permission)) {
      const weak = await send(app, op, 'ws-a', weakKey);
      assert.equal(weak.statusCode, 403, `${where} with a ${WEAK_ROLE} API key: ${weak.body}`);
      assert.equal(weak.json<{ error: { code: string } }>().error.code, 'FORBIDDEN', where);
    } else {
      // Within its role the key gets past the gate: the role is what limits it, not the key type.
      const status = await statusOf(app, op, 'ws-a', weakKey);
      assert.ok(![401, 403].includes(status), `${where} with a ${WEAK_ROLE} API key: ${status}`);
      weakAllowed += 1;
    }

    // Control: the same request with the permission gets past the gate (whatever the handler then says).
    const allowed = await statusOf(app, op, 'ws-a', root);
    assert.ok(![401, 403].includes(allowed), `${where} with the permission: ${allowed}`);
    checked.push(where);
  }
  assert.equal(checked.length, ops.length);
  assert.ok(weakAllowed > 0, `the ${WEAK_ROLE} key was never allowed anything: the control is vacuous`);
  assert.ok(PERMISSIONS.length > 0);
  await app.close();
});
