import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditExportParams, auditSearchParams, parseAuditRecords } from './audit-api.ts';

test('the query string carries only the filters set, the page size and the cursor', () => {
  const empty = { from: undefined, to: undefined, eventType: ' ', userId: '', result: '' } as const;
  assert.equal(auditSearchParams(empty, undefined).toString(), 'limit=50');
  const full = {
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-01-02T00:00:00.000Z',
    eventType: ' role.granted ',
    userId: 'u-1',
    result: 'denied',
  } as const;
  assert.deepEqual(Object.fromEntries(auditSearchParams(full, '42')), {
    limit: '50',
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-01-02T00:00:00.000Z',
    eventType: 'role.granted',
    userId: 'u-1',
    result: 'denied',
    beforeSeq: '42',
  });
  assert.deepEqual(Object.fromEntries(auditExportParams(full, 'csv')), {
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-01-02T00:00:00.000Z',
    eventType: 'role.granted',
    userId: 'u-1',
    result: 'denied',
    format: 'csv',
    order: 'asc',
  });
  assert.equal(auditExportParams(empty, 'json', 'desc').toString(), 'format=json&order=desc');
});

test('records are read from the server shape; malformed ones are skipped', () => {
  const records = parseAuditRecords([
    {
      seq: 3,
      time: '2026-01-01T00:00:00.000Z',
      event_type: 'user.created',
      user_id: 'u-1',
      resource: 'user:u-2',
      client_ip: '127.0.0.1',
      client_id: null,
      result: 'success',
      details: { a: 1 },
    },
    { seq: 'x', time: 't', event_type: 'e' },
    null,
  ]);
  assert.equal(records.length, 1);
  assert.deepEqual(records[0], {
    seq: 3,
    time: '2026-01-01T00:00:00.000Z',
    eventType: 'user.created',
    userId: 'u-1',
    resource: 'user:u-2',
    clientIp: '127.0.0.1',
    clientId: undefined,
    result: 'success',
    details: { a: 1 },
  });
});
