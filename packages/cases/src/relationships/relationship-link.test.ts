import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isVigilError } from '@vigil/core';
import type { Entity } from '../alerts/entity.ts';
import { relationshipFromInput } from './relationship-link.ts';
import { suggestRelationships } from './suggest-relationships.ts';

const meta = { id: 'r1', at: 1, actor: 'u1' };

function field(input: Parameters<typeof relationshipFromInput>[0]): unknown {
  try {
    relationshipFromInput(input, meta);
  } catch (err) {
    assert.ok(isVigilError(err));
    return err.details?.['field'];
  }
  assert.fail('expected a refusal');
}

test('links are validated per type and normalised like entity values', () => {
  assert.equal(
    relationshipFromInput({ kind: 'indicator', type: 'ip', value: ' 010.0.0.1 ' }, meta).value,
    '10.0.0.1',
  );
  assert.equal(
    relationshipFromInput({ kind: 'asset', type: 'host', value: 'WS01.corp.' }, meta).value,
    'ws01.corp',
  );
  const hash = 'A'.repeat(64);
  assert.equal(
    relationshipFromInput({ kind: 'indicator', type: 'hash', value: hash }, meta).value,
    hash.toLowerCase(),
  );
  assert.deepEqual(
    relationshipFromInput({ kind: 'indicator', type: 'domain', value: 'Evil.example', note: ' c2 ' }, meta),
    {
      id: 'r1',
      kind: 'indicator',
      type: 'domain',
      value: 'evil.example',
      note: 'c2',
      addedAt: 1,
      addedBy: 'u1',
    },
  );
  assert.equal(field({ kind: 'threat', type: 'ip', value: '10.0.0.1' }), 'kind');
  assert.equal(field({ kind: 'asset', type: 'printer', value: 'p1' }), 'type');
  assert.equal(field({ kind: 'indicator', type: 'ip', value: 'not-an-ip' }), 'value');
  assert.equal(field({ kind: 'indicator', type: 'hash', value: 'abc' }), 'value');
  assert.equal(field({ kind: 'indicator', type: 'url', value: 'javascript:alert(1)' }), 'value');
  assert.equal(field({ kind: 'indicator', type: 'other', value: '   ' }), 'value');
});

const entity = (type: Entity['type'], value: string, roles: string[] = []): Entity => ({
  key: `${type}:${value}`,
  type,
  value,
  fields: [],
  roles,
  attributes: {},
});

test('suggestions come from alert entities: public addresses as indicators, hosts as assets, minus linked ones', () => {
  const alerts = [
    [
      entity('host', 'ws01'),
      entity('ip', '203.0.113.9', ['destination']),
      entity('ip', '10.0.0.5', ['source']),
    ],
    [entity('host', 'ws01'), entity('process', 'cmd.exe'), entity('hash', 'a'.repeat(32))],
  ];
  const s = suggestRelationships(alerts, [{ kind: 'indicator', type: 'hash', value: 'a'.repeat(32) }]);
  assert.deepEqual(
    s.map((x) => `${x.kind}:${x.type}:${x.value}`),
    ['asset:host:ws01', 'asset:ip:10.0.0.5', 'indicator:ip:203.0.113.9'],
  );
  assert.equal(s[0]?.reason, 'seen host of 2 alerts');
  assert.equal(s[2]?.reason, 'destination ip of 1 alert');
});
