import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VigilError, isVigilError, userError, operationalError } from './vigil-error.ts';
import { formatProblem } from './problem.ts';

test('user errors carry a stable code, kind, status and details', () => {
  const err = userError('RECORD_NOT_FOUND', 'rule r1 not found', { status: 404, details: { id: 'r1' } });
  assert.ok(err instanceof VigilError);
  assert.ok(isVigilError(err));
  assert.equal(err.code, 'RECORD_NOT_FOUND');
  assert.equal(err.kind, 'user');
  assert.equal(err.status, 404);
  assert.deepEqual(err.details, { id: 'r1' });
  assert.equal(isVigilError(new Error('x')), false);
});

test('operational errors keep their cause and retry hint', () => {
  const cause = new Error('ECONNREFUSED');
  const err = operationalError('STORE_UNAVAILABLE', 'PostgreSQL is unreachable', {
    cause,
    retryAfterSeconds: 5,
  });
  assert.equal(err.cause, cause);
  assert.equal(err.kind, 'operational');
  assert.equal(err.retryAfterSeconds, 5);
});

test('problems render with position', () => {
  assert.equal(
    formatProblem({ where: 'rule.yml', line: 3, column: 7, message: 'unknown modifier' }),
    'rule.yml:3:7: unknown modifier',
  );
  assert.equal(
    formatProblem({ where: 'query', offset: 12, message: 'expected )' }),
    'query: expected ) (at 12)',
  );
});
