import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../api/api-error.ts';
import { fieldErrors } from './field-errors.ts';

test('the validator problems map to their fields, first message kept', () => {
  const error = new ApiError('SCHEDULED_RULE_INVALID', 'intervalSeconds: too short', 400, {
    field: 'intervalSeconds',
    problems: [
      { field: 'intervalSeconds', message: 'expected whole seconds from 60 to 604800' },
      { field: 'trigger.field', message: 'is required for sum()' },
      { field: 'intervalSeconds', message: 'second message' },
    ],
  });
  assert.deepEqual(fieldErrors(error), {
    intervalSeconds: 'expected whole seconds from 60 to 604800',
    'trigger.field': 'is required for sum()',
  });
});

test('a schema refusal names one field; no error, no messages', () => {
  const error = new ApiError('VALIDATION_FAILED', 'body.trigger.operator must be one of …', 400, {
    field: 'body.trigger.operator',
  });
  assert.deepEqual(fieldErrors(error), { 'trigger.operator': 'body.trigger.operator must be one of …' });
  assert.deepEqual(fieldErrors(null), {});
});
