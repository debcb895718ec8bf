import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBindSafety, isLoopbackHost } from './check-bind-safety.ts';

const base = { port: 8443, tls: false, allowInsecureHttp: false, uid: 1000 };

test('loopback hosts are recognised, wildcard and public addresses are not', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) assert.equal(isLoopbackHost(host), true);
  for (const host of ['0.0.0.0', '::', '10.0.0.5', 'vigil.example.test'])
    assert.equal(isLoopbackHost(host), false);
});

test('bind safety: root is refused beyond loopback even with TLS, allowed on loopback', () => {
  assert.throws(
    () => checkBindSafety({ ...base, host: '0.0.0.0', tls: true, uid: 0 }),
    (err: Error & { code?: string }) => err.code === 'UNSAFE_BIND' && /as root/.test(err.message),
  );
  assert.doesNotThrow(() => checkBindSafety({ ...base, host: '127.0.0.1', uid: 0 }));
});

test('bind safety: plain HTTP beyond loopback needs server.allowInsecureHttp', () => {
  assert.throws(
    () => checkBindSafety({ ...base, host: '0.0.0.0' }),
    (err: Error & { code?: string }) =>
      err.code === 'UNSAFE_BIND' && err.message.includes('server.allowInsecureHttp'),
  );
  assert.doesNotThrow(() => checkBindSafety({ ...base, host: '0.0.0.0', allowInsecureHttp: true }));
  assert.doesNotThrow(() => checkBindSafety({ ...base, host: '0.0.0.0', tls: true }));
  assert.doesNotThrow(() => checkBindSafety({ ...base, host: 'localhost' }));
});
