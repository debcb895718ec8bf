import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sharedData } from '../../../testkit/src/shared-data.ts';
import { parseRecords } from '../parse-records.ts';
import { parseRecord } from '../parse-record.ts';
import { splitRecords } from '../split-records.ts';
import { readField } from '../ecs/set-field.ts';
import type { ParsedEvent } from '../parsed-event.ts';

const receivedAt = Date.parse('2026-11-23T12:00:00Z');
const text = gunzipSync(readFileSync(sharedData('logs', 'cloud', 'cloudtrail-invictus.jsonl.gz'))).toString(
  'utf8',
);
const events = parseRecords(text, { receivedAt });
const f = (e: ParsedEvent, p: string): unknown => readField(e, p);

test('all 2,900 Invictus CloudTrail records parse as aws.cloudtrail', () => {
  assert.equal(events.length, 2900);
  for (const e of events) {
    assert.equal(e.parse_error, undefined);
    assert.equal(f(e, 'cloud.provider'), 'aws');
    assert.equal(f(e, 'event.dataset'), 'aws.cloudtrail');
    assert.equal(typeof f(e, 'event.action'), 'string');
    assert.match(String(f(e, 'event.provider')), /amazonaws\.com$/);
    assert.match(String(f(e, 'event.outcome')), /^(success|failure)$/);
    assert.match(e['@timestamp'], /^2023-/);
    assert.equal(e.raw?.['eventName'], f(e, 'event.action'));
  }
  const failures = events.filter((e) => f(e, 'event.outcome') === 'failure');
  assert.equal(failures.length, 300, 'records with an errorCode');
});

test('first record: identity, region, account, user agent', () => {
  const e = events[1];
  assert.ok(e);
  assert.equal(f(e, 'event.action'), 'GetBucketPublicAccessBlock');
  assert.equal(f(e, 'event.provider'), 's3.amazonaws.com');
  assert.equal(f(e, 'cloud.region'), 'us-east-1');
  assert.equal(f(e, 'cloud.account.id'), '123837392027');
  assert.equal(f(e, 'user.name'), 'benjamin');
  assert.equal(f(e, 'user.id'), 'AIDATFQR7NSC5U6Q3TMDR');
  assert.equal(f(e, 'source.ip'), '10.248.16.43');
  assert.match(String(f(e, 'user_agent.original')), /^\[S3Console/);
  assert.deepEqual(f(e, 'event.type'), ['access']);
  const internal = events[0];
  assert.ok(internal);
  assert.equal(f(internal, 'source.address'), 'AWS Internal');
  assert.equal(f(internal, 'source.ip'), undefined);
});

test('errorCode gives failure with error.code; AssumedRole takes the issuer name', () => {
  const denied = events.find((e) => f(e, 'error.code') === 'AccessDenied');
  assert.ok(denied);
  assert.equal(f(denied, 'event.outcome'), 'failure');
  const role = events.find((e) => f(e, 'aws.cloudtrail.user_identity.type') === 'AssumedRole');
  assert.ok(role);
  assert.equal(typeof f(role, 'user.name'), 'string');
});

test('a {"Records":[…]} file is split into records; parsing the wrapper directly says so', () => {
  const wrapper = JSON.stringify({
    Records: [JSON.parse(text.split('\n')[0] ?? '{}'), JSON.parse(text.split('\n')[1] ?? '{}')],
  });
  const records = splitRecords(wrapper);
  assert.equal(records.length, 2);
  assert.equal(
    readField(parseRecord(records[0] ?? '', { receivedAt }), 'event.action'),
    'GetStorageLensConfiguration',
  );
  const direct = parseRecord(wrapper, { receivedAt });
  assert.equal(
    direct.parse_error,
    'cloudtrail: a {"Records":[…]} file of 2 records; split it with splitRecords',
  );
});

test('ConsoleLogin failure from responseElements; malformed records keep an error', () => {
  const e = parseRecord(
    {
      eventVersion: '1.08',
      eventTime: '2024-01-01T00:00:00Z',
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      awsRegion: 'us-east-1',
      sourceIPAddress: '198.51.100.7',
      userIdentity: { type: 'IAMUser', userName: 'mallory', accountId: '111122223333' },
      responseElements: { ConsoleLogin: 'Failure' },
    },
    { receivedAt },
  );
  assert.equal(f(e, 'event.outcome'), 'failure');
  assert.deepEqual(f(e, 'event.category'), ['authentication']);
  assert.equal(f(e, 'user.name'), 'mallory');
  const broken = parseRecord('{"eventSource":"s3.amazonaws.com","eventName":', {
    receivedAt,
    format: 'cloudtrail',
  });
  assert.match(String(broken.parse_error), /^cloudtrail: invalid JSON: /);
  const missing = parseRecord({ eventSource: 'x', eventVersion: '1' }, { receivedAt, format: 'cloudtrail' });
  assert.equal(missing.parse_error, 'cloudtrail: eventName is missing');
});
