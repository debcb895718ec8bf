import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_JSON_DEPTH, splitJsonDocuments } from './split-json-documents.ts';
import { splitRecords } from '../split-records.ts';
import { parseRecord } from '../parse-record.ts';
import { readField } from '../ecs/set-field.ts';

const receivedAt = Date.parse('2026-11-23T12:00:00Z');

test('splitJsonDocuments: pretty-printed documents back to back, NDJSON, braces inside strings', () => {
  const text = '{\n  "a": "}{",\n  "b": [1, {"c": 2}]\n}\n{"d": "\\"}"}\n[{"e": 1}]';
  const chunks = splitJsonDocuments(text);
  assert.deepEqual(
    chunks.map((c) => (c.ok ? c.value : c.error)),
    [{ a: '}{', b: [1, { c: 2 }] }, { d: '"}' }, [{ e: 1 }]],
  );
});

test('a broken NDJSON line is returned as text with its error, later lines still parse', () => {
  const chunks = splitJsonDocuments('{"a":1}\n{"b":\n{"c":3}\nnot json\n');
  assert.equal(chunks.length, 4);
  assert.deepEqual(chunks[0], { ok: true, value: { a: 1 }, offset: 0 });
  assert.equal(chunks[1]?.ok, false);
  assert.match(chunks[1]?.ok === false ? chunks[1].error : '', /^json: .* \(document at offset 8\)$/);
  assert.deepEqual(chunks[2], { ok: true, value: { c: 3 }, offset: 14 });
  assert.deepEqual(chunks[3], {
    ok: false,
    text: 'not json',
    offset: 22,
    error: "json: expected '{' or '[' at offset 22",
  });
});

test('splitRecords flattens arrays and keeps broken documents as text for parseRecord', () => {
  const records = splitRecords('[{"x":1},{"x":2}] {"y":', 'json');
  assert.equal(records.length, 3);
  const broken = parseRecord(records[2] ?? '', { receivedAt, format: 'json' });
  assert.match(String(broken.parse_error), /^json: invalid JSON: /);
  assert.equal(broken.message, '{"y":');
  assert.equal(broken['@timestamp'], new Date(receivedAt).toISOString());
});

test('generic JSON keeps the document as raw, takes its time and message, copies ECS field sets', () => {
  const e = parseRecord(
    '{"@timestamp":"2024-02-01T10:00:00.5Z","message":"disk full","host":{"name":"db1"},"level":"error","event":{"dataset":"app.log"}}',
    { receivedAt },
  );
  assert.equal(e.parse_error, undefined);
  assert.equal(e['@timestamp'], '2024-02-01T10:00:00.500Z');
  assert.equal(e.message, 'disk full');
  assert.equal(readField(e, 'host.name'), 'db1');
  assert.equal(readField(e, 'event.dataset'), 'app.log');
  assert.equal(readField(e, 'event.module'), 'json');
  assert.equal(e.raw?.['level'], 'error');
  const epoch = parseRecord({ ts: 1700000000, msg: 'x' }, { receivedAt });
  assert.equal(epoch['@timestamp'], '2023-11-14T22:13:20.000Z');
  assert.equal(readField(epoch, 'event.dataset'), 'json');
});

test('JSON that is not an object is kept with an error', () => {
  assert.equal(
    parseRecord('"just a string"', { receivedAt, format: 'json' }).parse_error,
    'json: expected a JSON object, got string',
  );
  assert.match(String(parseRecord('{"a":1', { receivedAt }).parse_error), /^json: invalid JSON: /);
});

test('a document nested past MAX_JSON_DEPTH is a broken chunk; the next document still parses', () => {
  const deep = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
  const fine = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
  const chunks = splitJsonDocuments(`${deep}\n{"a":1}\n${fine}`);
  assert.equal(chunks.length, 3);
  assert.equal(chunks[0]?.ok, false);
  assert.match(chunks[0]?.ok === false ? chunks[0].error : '', /nested deeper than 512 levels/);
  assert.deepEqual(chunks[1]?.ok === true ? chunks[1].value : undefined, { a: 1 });
  assert.equal(chunks[2]?.ok, true);
});
