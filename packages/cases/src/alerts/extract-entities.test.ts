import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cloudTrailBucketAccess, sshdFailedPassword, sysmonProcessCreation } from '../fixtures/ecs-events.ts';
import { extractEntities, mergeEntities } from './extract-entities.ts';
import { normaliseIp, normalisePath, normaliseUser } from './normalise-entity-value.ts';

const keys = (events: Record<string, unknown>[]): string[] => extractEntities(events).map((e) => e.key);

test('Windows process creation: host, domain user, process with pid and parent, hashes', () => {
  const entities = extractEntities([sysmonProcessCreation()]);
  assert.deepEqual(
    entities.map((e) => e.key),
    [
      'host:workstation5.theshire.local',
      'user:theshire\\pgustavo',
      'process:c:\\windows\\system32\\wscript.exe#2440',
      'hash:563edae37876138fdff47f3e7a9a78fd',
      'hash:542c46c652ddefc87414213a8bea0c65dd0377a9',
      'hash:f42201b5d890a96302f90102b16d7c31cfcc3b67c801ba7c6f6be223f16d7011',
      'process:c:\\windows\\explorer.exe#5728',
    ],
  );
  const proc = entities.find((e) => e.type === 'process' && e.roles.length === 0);
  assert.equal(proc?.attributes['pid'], 2440);
  assert.equal(proc?.attributes['parent_executable'], 'C:\\Windows\\explorer.exe');
  assert.match(String(proc?.attributes['command_line']), /launcher\.vbs/);
  const parent = entities.find((e) => e.roles.includes('parent'));
  assert.equal(parent?.attributes['name'], 'explorer.exe');
  const sha256 = entities.find((e) => e.value.length === 64);
  assert.equal(sha256?.attributes['algorithm'], 'sha256');
  const user = entities.find((e) => e.type === 'user');
  assert.deepEqual(user?.attributes, { name: 'pgustavo', domain: 'THESHIRE' });
});

test('sshd failed password: host, user, source IP (with port), sshd process', () => {
  const entities = extractEntities([sshdFailedPassword()]);
  assert.deepEqual(
    entities.map((e) => e.key),
    ['host:bastion', 'user:root', 'ip:203.0.113.77', 'process:sshd#20377'],
  );
  const ip = entities.find((e) => e.type === 'ip');
  assert.deepEqual(ip?.roles, ['source']);
  assert.deepEqual(ip?.fields, ['source.ip']);
  assert.equal(ip?.attributes['port'], 41922);
});

test('CloudTrail: user, source IP, cloud account, identity ARN and touched resources', () => {
  const entities = extractEntities([cloudTrailBucketAccess()]);
  assert.deepEqual(
    entities.map((e) => e.key),
    [
      'user:benjamin',
      'ip:10.248.16.43',
      'cloud_account:123837392027',
      'cloud_resource:arn:aws:iam::123837392027:user/benjamin',
      'cloud_resource:arn:aws:s3:::baker221b-bucketssecuritylogsbef08b3e-13nrzhi7fcs7w',
    ],
  );
  const bucket = entities.at(-1);
  assert.deepEqual(bucket?.roles, ['target']);
  assert.equal(bucket?.attributes['resource_type'], 'AWS::S3::Bucket');
  assert.equal(entities.find((e) => e.type === 'cloud_account')?.attributes['provider'], 'aws');
});

test('network, DNS, URL and file fields; flat dotted keys work too', () => {
  const flat = {
    'host.name': 'WS01.',
    'destination.ip': '010.000.000.001',
    'source.ip': '::FFFF:192.168.1.5',
    'dns.question.name': 'Evil.Example.COM.',
    'url.full': 'https://evil.example.com/payload.ps1',
    'url.domain': 'evil.example.com',
    'file.path': 'C:\\Users\\Public\\payload.ps1',
    'file.hash.sha256': 'AB'.repeat(32),
  };
  assert.deepEqual(keys([flat]), [
    'host:ws01',
    'ip:192.168.1.5',
    'ip:10.0.0.1',
    'file:c:\\users\\public\\payload.ps1',
    `hash:${'ab'.repeat(32)}`,
    'domain:evil.example.com',
    'url:https://evil.example.com/payload.ps1',
  ]);
});

test('dedup across events: the same entity seen twice is one entity with unioned fields and roles', () => {
  const a = sshdFailedPassword('e1');
  const b = { ...sshdFailedPassword('e2'), destination: { ip: '203.0.113.77' }, host: { name: 'BASTION' } };
  const entities = extractEntities([a, b]);
  const ip = entities.filter((e) => e.type === 'ip');
  assert.equal(ip.length, 1);
  assert.deepEqual(ip[0]?.roles, ['source', 'destination']);
  assert.equal(entities.filter((e) => e.type === 'host').length, 1);
});

test('garbage values are skipped, the entity count is bounded', () => {
  assert.deepEqual(
    keys([
      {
        host: { name: '-' },
        source: { ip: '999.1.1.1' },
        user: { name: '' },
        file: { hash: { md5: 'xyz' } },
      },
    ]),
    [],
  );
  const many = Array.from({ length: 50 }, (_, i) => ({ source: { ip: `10.0.0.${i}` } }));
  assert.equal(extractEntities(many, 10).length, 10);
  const merged = mergeEntities(
    extractEntities([sshdFailedPassword()]),
    extractEntities([cloudTrailBucketAccess()]),
  );
  assert.equal(merged.length, 9);
});

test('normalisers', () => {
  assert.equal(normaliseUser('CORP\\Alice'), 'corp\\alice');
  assert.equal(normaliseUser('alice', 'CORP'), 'corp\\alice');
  assert.equal(normaliseUser('Alice@Corp.com'), 'alice@corp.com');
  assert.equal(normaliseIp('2001:DB8::1'), '2001:db8::1');
  assert.equal(normaliseIp('fe80::1%eth0'), 'fe80::1');
  assert.equal(normaliseIp('not-an-ip'), undefined);
  assert.equal(normalisePath('/usr/bin/Python3'), '/usr/bin/Python3');
  assert.equal(normalisePath('C:\\Windows\\CMD.exe'), 'c:\\windows\\cmd.exe');
});
