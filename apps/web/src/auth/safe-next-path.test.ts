import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginPathFor, safeNextPath } from './safe-next-path.ts';

test('keeps paths of the console, with their query', () => {
  assert.equal(safeNextPath('/search?workspace=default'), '/search?workspace=default');
  assert.equal(safeNextPath('/account'), '/account');
});

test('refuses other origins, odd input and the sign-in pages themselves', () => {
  for (const raw of [
    null,
    undefined,
    '',
    'search',
    '//evil.example',
    '/\\evil',
    'https://x',
    '/a\nb',
    '/login',
    '/login?next=/x',
    '/setup',
  ]) {
    assert.equal(safeNextPath(raw), '/', String(raw));
  }
});

test('the sign-in address carries the way back', () => {
  assert.equal(loginPathFor('/search?workspace=default'), '/login?next=%2Fsearch%3Fworkspace%3Ddefault');
  assert.equal(loginPathFor('/'), '/login');
});
