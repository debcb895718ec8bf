import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, sequentialIds, isVigilError } from '@vigil/core';
import {
  OPERATOR_DEFAULT_PERMISSIONS,
  approveOperatorAccess,
  expireOperatorAccess,
  rejectOperatorAccess,
  requestOperatorAccess,
  revokeOperatorAccess,
} from './operator-access-flow.ts';
import { operatorAccessStatusAt, type OperatorAccessGrant } from './operator-access.ts';
import { authorize } from './authorize.ts';
import { builtInRole } from './role.ts';
import { resolveGrants } from './role-grant.ts';
import type { Principal } from './principal.ts';

const HOUR = 3_600_000;
function account(id: string, roles: [string, string?][]): Principal {
  const stored = roles.map(([roleId, workspaceId]) => ({
    principalId: id,
    roleId,
    ...(workspaceId === undefined ? {} : { workspaceId }),
    grantedBy: 's',
    grantedAt: 0,
  }));
  return { id, kind: 'user', ...resolveGrants(stored, (r) => builtInRole(r)) };
}
const operator = account('op', [['operator']]);
const secman = account('sm', [['security-manager']]);
const secmanOperator = account('op2', [['operator'], ['security-manager']]);
const owner = account('owner', [['owner', 'ws-a']]);
const stranger = account('x', [['analyst', 'ws-a']]);

const code = (c: string) => (e: unknown) => isVigilError(e) && e.code === c;

function setup() {
  const clock = new ManualClock();
  const ids = sequentialIds('oa');
  const request = (by: Principal = operator) =>
    requestOperatorAccess(
      by,
      { workspaceId: 'ws-a', ticket: 'CASE-4711', reason: 'ingest stalled', durationMs: 2 * HOUR },
      clock,
      ids,
    );
  return { clock, request };
}
const withAccess = (p: Principal, g: OperatorAccessGrant): Principal => ({ ...p, operatorAccess: [g] });

test('operators have no workspace access by default', () => {
  const { clock } = setup();
  assert.equal(authorize(operator, 'ws-a', 'events.search', clock).allowed, false);
  assert.equal(authorize(operator, 'ws-a', 'workspace.read', clock).allowed, false);
});

test('an approved request gives time-boxed, read-only access to one workspace', () => {
  const { clock, request } = setup();
  const requested = request();
  assert.equal(requested.status, 'requested');
  assert.deepEqual(requested.permissions, [...OPERATOR_DEFAULT_PERMISSIONS].sort());
  assert.equal(
    authorize(withAccess(operator, requested), 'ws-a', 'events.search', clock).allowed,
    false,
    'not before approval',
  );
  clock.advance(10 * 60_000);
  const approved = approveOperatorAccess(requested, secman, clock, 'ok for CASE-4711');
  assert.equal(approved.status, 'approved');
  assert.equal(approved.decidedBy, 'sm');
  assert.equal(approved.expiresAt, clock.now() + 2 * HOUR);
  const op = withAccess(operator, approved);
  const ok = authorize(op, 'ws-a', 'events.search', clock);
  assert.ok(ok.allowed && ok.via.kind === 'operator_access' && ok.via.grantId === approved.id);
  assert.match(ok.reason, /CASE-4711/);
  assert.equal(authorize(op, 'ws-a', 'rules.write', clock).allowed, false, 'read-only');
  assert.equal(authorize(op, 'ws-a', 'audit.read', clock).allowed, false);
  assert.equal(authorize(op, 'ws-b', 'events.search', clock).allowed, false, 'one workspace only');
  assert.equal(
    authorize({ ...secman, operatorAccess: [approved] }, 'ws-a', 'events.search', clock).allowed,
    false,
    'only the requester',
  );
  clock.advance(2 * HOUR - 1);
  assert.equal(authorize(op, 'ws-a', 'events.search', clock).allowed, true);
  clock.advance(1);
  assert.equal(authorize(op, 'ws-a', 'events.search', clock).allowed, false, 'expired');
  assert.equal(operatorAccessStatusAt(approved, clock.now()), 'expired');
  assert.equal(expireOperatorAccess(approved, clock).status, 'expired');
});

test('the requester cannot approve their own request, even as a security manager', () => {
  const { clock, request } = setup();
  const own = request(secmanOperator);
  assert.throws(
    () => approveOperatorAccess(own, secmanOperator, clock),
    code('OPERATOR_ACCESS_SELF_APPROVAL'),
  );
  assert.equal(approveOperatorAccess(own, secman, clock).status, 'approved');
});

test('only a security manager can decide', () => {
  const { clock, request } = setup();
  const r = request();
  for (const p of [owner, stranger, account('op3', [['operator']]), { ...secman, disabled: true }]) {
    assert.throws(() => approveOperatorAccess(r, p, clock), code('OPERATOR_ACCESS_FORBIDDEN'));
    assert.throws(() => rejectOperatorAccess(r, p, clock), code('OPERATOR_ACCESS_FORBIDDEN'));
  }
});

test('the state machine only moves forward', () => {
  const { clock, request } = setup();
  const rejected = rejectOperatorAccess(request(), secman, clock, 'no ticket from owner');
  assert.equal(rejected.status, 'rejected');
  assert.throws(() => approveOperatorAccess(rejected, secman, clock), code('OPERATOR_ACCESS_STATE'));
  assert.throws(() => revokeOperatorAccess(rejected, secman, clock), code('OPERATOR_ACCESS_STATE'));
  const approved = approveOperatorAccess(request(), secman, clock);
  assert.throws(() => approveOperatorAccess(approved, secman, clock), code('OPERATOR_ACCESS_STATE'));
  const revoked = revokeOperatorAccess(approved, owner, clock);
  assert.equal(revoked.status, 'revoked');
  assert.equal(revoked.revokedBy, 'owner');
  assert.equal(authorize(withAccess(operator, revoked), 'ws-a', 'workspace.read', clock).allowed, false);
  assert.throws(() => revokeOperatorAccess(revoked, owner, clock), code('OPERATOR_ACCESS_STATE'));
  clock.advance(3 * HOUR);
  const late = approveOperatorAccess(request(), secman, clock);
  clock.advance(3 * HOUR);
  assert.throws(
    () => revokeOperatorAccess(late, secman, clock),
    code('OPERATOR_ACCESS_STATE'),
    'already expired',
  );
});

test('revocation is open to the security manager, the operator and the workspace owner only', () => {
  const { clock, request } = setup();
  const approved = approveOperatorAccess(request(), secman, clock);
  assert.equal(revokeOperatorAccess(approved, secman, clock).status, 'revoked');
  assert.equal(revokeOperatorAccess(approved, operator, clock).status, 'revoked');
  assert.throws(() => revokeOperatorAccess(approved, stranger, clock), code('OPERATOR_ACCESS_FORBIDDEN'));
});

test('requests are validated: operator role, ticket, duration, grantable permissions', () => {
  const { clock } = setup();
  const ids = sequentialIds('r');
  const base = { workspaceId: 'ws-a', ticket: 'CASE-1', reason: 'why', durationMs: HOUR };
  assert.throws(() => requestOperatorAccess(owner, base, clock, ids), code('OPERATOR_ACCESS_FORBIDDEN'));
  assert.throws(
    () => requestOperatorAccess(operator, { ...base, ticket: '' }, clock, ids),
    code('OPERATOR_ACCESS_INVALID'),
  );
  assert.throws(
    () => requestOperatorAccess(operator, { ...base, reason: ' ' }, clock, ids),
    code('OPERATOR_ACCESS_INVALID'),
  );
  assert.throws(
    () => requestOperatorAccess(operator, { ...base, durationMs: 9 * HOUR }, clock, ids),
    code('OPERATOR_ACCESS_INVALID'),
  );
  assert.throws(
    () => requestOperatorAccess(operator, { ...base, durationMs: 0 }, clock, ids),
    code('OPERATOR_ACCESS_INVALID'),
  );
  for (const p of ['roles.manage', 'audit.read', 'system.metrics', 'bogus']) {
    assert.throws(
      () => requestOperatorAccess(operator, { ...base, permissions: [p] }, clock, ids),
      code('OPERATOR_ACCESS_INVALID'),
      p,
    );
  }
  const narrow = requestOperatorAccess(
    operator,
    { ...base, permissions: ['sources.read', 'sources.write'] },
    clock,
    ids,
  );
  assert.deepEqual(narrow.permissions, ['sources.read', 'sources.write']);
});
