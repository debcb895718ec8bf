import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { csrfTokenFor, requiresCsrfCheck, verifyCsrfToken } from './csrf-token.ts';
import { newSessionId } from './session-id.ts';
import { sessionCookieAttributes } from './session-cookie.ts';

const secret = randomBytes(32);

test('CSRF token is bound to the session and the server secret', () => {
  const s1 = newSessionId();
  const s2 = newSessionId();
  const t1 = csrfTokenFor(s1, secret);
  assert.match(t1, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(verifyCsrfToken(s1, t1, secret), true);
  assert.equal(verifyCsrfToken(s2, t1, secret), false, 'token of another session');
  assert.equal(verifyCsrfToken(s1, csrfTokenFor(s1, randomBytes(32)), secret), false, 'other secret');
  assert.equal(verifyCsrfToken(s1, undefined, secret), false);
  assert.equal(verifyCsrfToken(s1, '', secret), false);
  assert.equal(verifyCsrfToken(s1, t1.slice(0, -1), secret), false);
});

test('only state-changing methods need the CSRF check', () => {
  assert.equal(requiresCsrfCheck('get'), false);
  assert.equal(requiresCsrfCheck('HEAD'), false);
  assert.equal(requiresCsrfCheck('OPTIONS'), false);
  for (const m of ['POST', 'PUT', 'PATCH', 'DELETE']) assert.equal(requiresCsrfCheck(m), true);
});

test('session cookie is HttpOnly, SameSite=Strict, and Secure with __Host- prefix under TLS', () => {
  assert.deepEqual(sessionCookieAttributes(true), {
    name: '__Host-vigil_session',
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: '/',
  });
  const plain = sessionCookieAttributes(false);
  assert.equal(plain.secure, false);
  assert.equal(plain.httpOnly, true);
  assert.equal(plain.sameSite, 'strict');
});
