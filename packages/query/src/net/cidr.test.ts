import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cidrContains, parseCidr } from './cidr.ts';
import { formatIp, parseIp } from './ip-address.ts';

test('IPv4 and IPv6 addresses parse strictly and print canonically', () => {
  assert.equal(formatIp(parseIp('10.0.0.1') ?? -1n), '10.0.0.1');
  assert.equal(formatIp(parseIp('::ffff:10.0.0.1') ?? -1n), '10.0.0.1');
  assert.equal(formatIp(parseIp('2001:0DB8:0000:0000:0000:0000:0000:0042') ?? -1n), '2001:db8::42');
  assert.equal(formatIp(parseIp('2001:db8:0:1:0:0:0:1') ?? -1n), '2001:db8:0:1::1');
  assert.equal(formatIp(parseIp('fe80::1%eth0') ?? -1n), 'fe80::1');
  assert.equal(formatIp(parseIp('[::1]') ?? -1n), '::1');
  assert.equal(formatIp(parseIp('::') ?? -1n), '::');
  for (const bad of [
    '256.0.0.1',
    '1.2.3',
    '01.2.3.4',
    '1.2.3.4.5',
    ':::1',
    '1::2::3',
    'g::1',
    '1:2:3:4:5:6:7:8:9',
    'abc',
    '',
  ]) {
    assert.equal(parseIp(bad), undefined, bad);
  }
});

test('CIDR membership for IPv4, IPv6 and IPv4-mapped addresses', () => {
  const v4 = parseCidr('10.0.0.0/8');
  assert.ok(v4);
  assert.equal(v4.network, '10.0.0.0/8');
  assert.ok(cidrContains(v4, '10.255.1.2'));
  assert.ok(cidrContains(v4, '::ffff:10.0.0.9'));
  assert.ok(!cidrContains(v4, '11.0.0.1'));
  assert.ok(!cidrContains(v4, '2001:db8::1'));
  assert.ok(!cidrContains(v4, 'not an ip'));
  const v6 = parseCidr('2001:db8::/32');
  assert.ok(v6);
  assert.ok(cidrContains(v6, '2001:0db8:ffff::1'));
  assert.ok(!cidrContains(v6, '2001:db9::1'));
  assert.ok(!cidrContains(v6, '10.0.0.1'));
  const host = parseCidr('192.168.1.77/32');
  assert.ok(host && cidrContains(host, '192.168.1.77') && !cidrContains(host, '192.168.1.78'));
  const all4 = parseCidr('0.0.0.0/0');
  assert.ok(all4 && cidrContains(all4, '8.8.8.8') && !cidrContains(all4, '2001:db8::1'));
  const odd = parseCidr('172.16.0.0/12');
  assert.ok(odd && cidrContains(odd, '172.31.255.255') && !cidrContains(odd, '172.32.0.0'));
  assert.equal(parseCidr('10.1.2.3/8')?.network, '10.0.0.0/8');
  assert.equal(parseCidr('::ffff:10.0.0.0/104')?.network, '::ffff:10.0.0.0/104');
  for (const bad of ['10.0.0.0/33', '::/129', '10.0.0.0/', '/8', '10.0.0.0/-1', 'a/8'])
    assert.equal(parseCidr(bad), undefined, bad);
});
