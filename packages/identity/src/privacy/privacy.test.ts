import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isVigilError } from '@vigil/core';
import type { User } from '../users/user.ts';
import { accountsDueForAnonymisation, anonymiseUser, isAnonymised, pseudonymFor } from './anonymise-user.ts';
import { PERSONAL_DATA_INVENTORY, personalDataInventory } from './personal-data-inventory.ts';
import { buildPrivacyStatement } from './privacy-statement.ts';
import {
  assertProfilingAcknowledged,
  isProfilingAcknowledged,
  PROFILING_NOTICE_VERSION,
} from './profiling-acknowledgement.ts';

const DAY = 86_400_000;

function user(over: Partial<User> = {}): User {
  return {
    id: 'u-1',
    username: 'alice',
    displayName: 'Alice A.',
    email: 'alice@example.org',
    passwordHash: '$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA',
    disabled: false,
    mustChangePassword: false,
    mfaEnabled: true,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  };
}

test('the inventory declares sessions, audit records, API keys, MFA and events with a legal basis', () => {
  const ids = PERSONAL_DATA_INVENTORY.map((l) => l.id);
  for (const id of ['accounts', 'credentials', 'sessions', 'audit_records', 'api_keys', 'events'])
    assert.ok(ids.includes(id), id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  for (const l of PERSONAL_DATA_INVENTORY) {
    assert.ok(l.purpose && l.retention && l.rights && l.fields.length > 0, l.id);
  }
  assert.equal(PERSONAL_DATA_INVENTORY.find((l) => l.id === 'audit_records')?.legalBasis, 'legal_obligation');
  assert.ok(personalDataInventory(42).some((l) => l.retention.includes('after 42 days')));
});

test('the privacy statement carries the configured controller, contact, location and retention', () => {
  const s = buildPrivacyStatement({
    controllerName: 'ACME SOC',
    contact: 'dpo@acme.example',
    storageLocation: 'Frankfurt, DE',
    retentionDays: 90,
  });
  assert.deepEqual(s.controller, { name: 'ACME SOC', contact: 'dpo@acme.example' });
  assert.equal(s.storageLocation, 'Frankfurt, DE');
  assert.equal(s.retention.personalDataDays, 90);
  assert.ok(s.dataTypes.some((d) => d.category === 'network' && d.items.includes('sessions.clientIp')));
  assert.equal(
    buildPrivacyStatement({ controllerName: 'x', storageLocation: 'y', retentionDays: 1 }).controller.contact,
    null,
  );
});

test('anonymisation keeps the id, replaces the name by a pseudonym and drops contact data and credentials', () => {
  const out = anonymiseUser(user(), 5);
  assert.equal(out.id, 'u-1');
  assert.equal(out.username, pseudonymFor('u-1'));
  assert.match(out.username, /^deleted-[0-9a-f]{12}$/);
  assert.equal(out.disabled, true);
  assert.equal(out.updatedAt, 5);
  for (const field of ['displayName', 'email', 'passwordHash'] as const) assert.equal(out[field], undefined);
  assert.ok(isAnonymised(out));
  assert.ok(!isAnonymised(user()));
  assert.ok(!JSON.stringify(out).includes('alice'));
  assert.notEqual(pseudonymFor('u-1'), pseudonymFor('u-2'));
});

test('only disabled accounts unchanged for the retention period are due for anonymisation', () => {
  const now = 100 * DAY;
  const users = [
    user({ id: 'active', updatedAt: 0 }),
    user({ id: 'old', disabled: true, updatedAt: now - 31 * DAY }),
    user({ id: 'recent', disabled: true, updatedAt: now - 29 * DAY }),
    anonymiseUser(user({ id: 'gone' }), 0),
  ];
  assert.deepEqual(
    accountsDueForAnonymisation(users, now, 30).map((u) => u.id),
    ['old'],
  );
});

test('assertProfilingAcknowledged refuses without an acknowledgement of the current notice', () => {
  const refused = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return isVigilError(e) ? e.code : 'other';
    }
    return 'none';
  };
  assert.equal(
    refused(() => assertProfilingAcknowledged({ id: 'ws' })),
    'PROFILING_NOT_ACKNOWLEDGED',
  );
  const old = { workspaceId: 'ws', acknowledgedBy: 'u', acknowledgedAt: 1, textVersion: 'v0' };
  assert.equal(
    refused(() => assertProfilingAcknowledged({ id: 'ws', profilingAcknowledgement: old })),
    'PROFILING_NOT_ACKNOWLEDGED',
  );
  const other = { ...old, workspaceId: 'ws-b', textVersion: PROFILING_NOTICE_VERSION };
  assert.ok(!isProfilingAcknowledged({ id: 'ws', profilingAcknowledgement: other }));
  const current = { ...old, textVersion: PROFILING_NOTICE_VERSION };
  assert.deepEqual(assertProfilingAcknowledged({ id: 'ws', profilingAcknowledgement: current }), current);
});
