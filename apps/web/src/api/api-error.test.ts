import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asApiError, errorFromResponse } from './api-error.ts';

test('reads the error model with password failures and query problems', () => {
  const policy = errorFromResponse(400, {
    error: {
      code: 'PASSWORD_POLICY',
      message: 'The password does not meet the policy',
      details: { failures: [{ rule: 'min_length', message: 'Use at least 8 characters.' }, { rule: 1 }] },
    },
  });
  assert.equal(policy.code, 'PASSWORD_POLICY');
  assert.equal(policy.status, 400);
  assert.deepEqual(policy.failures, [{ rule: 'min_length', message: 'Use at least 8 characters.' }]);
  assert.deepEqual(policy.problems, []);

  const query = errorFromResponse(400, {
    error: { code: 'QUERY_INVALID', message: 'x', details: { problems: [{ offset: 8, message: 'no )' }] } },
  });
  assert.deepEqual(query.problems, [{ offset: 8, message: 'no )' }]);
});

test('a body that is not the error model still gives a code and a message', () => {
  for (const body of [undefined, null, 'x', { error: 'x' }]) {
    const error = errorFromResponse(502, body);
    assert.equal(error.code, 'HTTP_502');
    assert.match(error.message, /502/);
  }
  assert.equal(asApiError(new TypeError('fetch failed')).code, 'UNREACHABLE');
});
