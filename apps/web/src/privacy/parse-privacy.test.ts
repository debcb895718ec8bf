import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categoryLabel, parsePersonalData, parsePrivacyStatement } from './parse-privacy.ts';

test('parsePrivacyStatement reads the server statement and tolerates missing parts', () => {
  const s = parsePrivacyStatement({
    controller: { name: 'ACME', contact: 'dpo@acme.example' },
    storageLocation: 'EU',
    retention: { personalDataDays: 90 },
    dataTypes: [{ category: 'network', items: ['sessions.clientIp'], purposes: ['p'], retention: ['r'] }],
    rights: ['View'],
  });
  assert.equal(s.controllerName, 'ACME');
  assert.equal(s.contact, 'dpo@acme.example');
  assert.equal(s.retentionDays, 90);
  assert.deepEqual(s.dataTypes[0]?.items, ['sessions.clientIp']);
  const empty = parsePrivacyStatement(null);
  assert.equal(empty.controllerName, 'Not configured');
  assert.equal(empty.contact, undefined);
  assert.deepEqual(empty.dataTypes, []);
  assert.equal(categoryLabel('network'), 'Network and device');
});

test('parsePersonalData summarises profile, grants, sessions, keys and audit count', () => {
  const d = parsePersonalData({
    account: { username: 'alice', email: 'a@example.org', displayName: null, signInMethod: 'password' },
    grants: [{ workspaceId: 'default', roleId: 'owner' }],
    sessions: [
      { current: true, clientIp: '127.0.0.1', userAgent: null, lastSeenAt: '2026-01-01T00:00:00.000Z' },
    ],
    mfa: { enabled: true },
    apiKeys: [{ name: 'ci' }, {}],
    audit: { total: 7 },
  });
  assert.equal(d.username, 'alice');
  assert.equal(d.displayName, undefined);
  assert.deepEqual(d.grants, ['owner in default']);
  assert.equal(d.sessions[0]?.userAgent, 'unknown');
  assert.deepEqual(d.apiKeys, ['ci']);
  assert.equal(d.mfaEnabled, true);
  assert.equal(d.auditRecords, 7);
});
