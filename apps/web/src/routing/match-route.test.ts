import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AREAS } from './areas.ts';
import { matchRoute, normalisePath } from './match-route.ts';

const areaOf = (path: string) => {
  const match = matchRoute(path);
  return match.kind === 'area' ? match.area.id : null;
};

test('normalisePath collapses slashes and drops a trailing one', () => {
  assert.equal(normalisePath('/'), '/');
  assert.equal(normalisePath(''), '/');
  assert.equal(normalisePath('//alerts/'), '/alerts');
  assert.equal(normalisePath('/alerts//42/'), '/alerts/42');
});

test('the root and /status both show the status page', () => {
  assert.equal(areaOf('/'), 'status');
  assert.equal(areaOf('/status'), 'status');
  assert.equal(areaOf('/status/'), 'status');
});

test('every area is reachable at its own path', () => {
  for (const area of AREAS) assert.equal(areaOf(area.path), area.id, area.path);
});

test('an area owns its subtree but not paths that merely share a prefix', () => {
  assert.equal(areaOf('/alerts/42'), 'alerts');
  assert.equal(areaOf('/alertsx'), null);
  assert.deepEqual(matchRoute('/nowhere/'), { kind: 'not-found', path: '/nowhere' });
});

test('area ids and paths are unique, and only built areas claim to be available', () => {
  assert.equal(new Set(AREAS.map((a) => a.id)).size, AREAS.length);
  assert.equal(new Set(AREAS.map((a) => a.path)).size, AREAS.length);
  assert.deepEqual(
    AREAS.filter((a) => a.available).map((a) => a.id),
    [
      'overview',
      'search',
      'detection',
      'alerts',
      'incidents',
      'data-sources',
      'settings',
      'audit',
      'status',
      'account',
      'privacy',
      'entities',
    ],
  );
});
