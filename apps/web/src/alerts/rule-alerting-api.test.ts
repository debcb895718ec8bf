import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldsFromText, parseRuleAlerting } from './rule-alerting-api.ts';

test('settings are read defensively and fields typed as text', () => {
  assert.deepEqual(
    parseRuleAlerting({ dedupFields: ['source.ip', 3], dedupWindowSeconds: 600, isDefault: false }),
    {
      dedupFields: ['source.ip'],
      dedupWindowSeconds: 600,
      isDefault: false,
    },
  );
  assert.deepEqual(parseRuleAlerting({}), { dedupFields: [], dedupWindowSeconds: 3600, isDefault: true });
  assert.deepEqual(fieldsFromText(' source.ip,host.name  user.name '), [
    'source.ip',
    'host.name',
    'user.name',
  ]);
  assert.deepEqual(fieldsFromText('  '), []);
});
