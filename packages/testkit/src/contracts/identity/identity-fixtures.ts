import { randomUUID } from 'node:crypto';
import type { MachineToken, OperatorAccessGrant, Session, User, Workspace } from '@vigil/identity';

/** A fixed instant so expected values are plain numbers. */
export const T0 = Date.UTC(2026, 5, 1);

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

export function makeUser(overrides: Partial<User> = {}): User {
  const id = overrides.id ?? uniqueId('u');
  return {
    id,
    username: `user-${id}`,
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    disabled: false,
    mustChangePassword: false,
    mfaEnabled: false,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function makeWorkspace(overrides: Partial<Workspace> = {}): Workspace {
  return {
    id: uniqueId('ws'),
    name: 'Blue team',
    status: 'active',
    mfaRequired: false,
    createdAt: T0,
    ...overrides,
  };
}

export function makeSession(overrides: Partial<Session> = {}): Session {
  return {
    key: uniqueId('sk'),
    userId: 'u-1',
    authenticatedAt: T0,
    issuedAt: T0,
    lastSeenAt: T0,
    expiresAt: T0 + 12 * 3_600_000,
    mfa: false,
    privilegeEpoch: 0,
    ...overrides,
  };
}

export function makeMachineToken(overrides: Partial<MachineToken> = {}): MachineToken {
  return {
    id: randomUUID().replace(/-/g, '').slice(0, 16),
    kind: 'api_key',
    name: 'ci',
    workspaceId: 'ws-1',
    roleId: 'analyst',
    secretHash: 'c2VjcmV0LWhhc2gtYmFzZTY0dXJsLTQzLWNoYXJhY3RlcnM',
    createdBy: 'u-1',
    createdAt: T0,
    ...overrides,
  };
}

export function makeOperatorAccess(overrides: Partial<OperatorAccessGrant> = {}): OperatorAccessGrant {
  return {
    id: uniqueId('oa'),
    workspaceId: 'ws-1',
    operatorId: 'op-1',
    ticket: 'CASE-4711',
    reason: 'ingest stalled',
    permissions: ['workspace.read', 'sources.read'],
    durationMs: 2 * 3_600_000,
    status: 'requested',
    requestedAt: T0,
    ...overrides,
  };
}
