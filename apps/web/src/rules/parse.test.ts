import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEvents } from './parse-events.ts';
import { parseSelection } from './parse-selection.ts';

test('events: a JSON array, one object, or NDJSON; bad lines are named', () => {
  assert.deepEqual(parseEvents('[{"a":1},{"b":2}]'), { ok: true, events: [{ a: 1 }, { b: 2 }] });
  assert.deepEqual(parseEvents(' {"a":1} '), { ok: true, events: [{ a: 1 }] });
  assert.deepEqual(parseEvents('{"a":1}\n\n{"b":2}\n'), { ok: true, events: [{ a: 1 }, { b: 2 }] });
  assert.deepEqual(parseEvents('{"a":1}\n{oops'), { ok: false, message: 'Line 2 is not valid JSON.' });
  assert.equal(parseEvents('  ').ok, false);
});

test('selection: JSON or the YAML subset, with lists, quotes and scalars', () => {
  assert.deepEqual(parseSelection('{"User|endswith": "\\\\svc"}'), {
    ok: true,
    selection: { 'User|endswith': '\\svc' },
  });
  assert.deepEqual(
    parseSelection("User|endswith: '\\svc'\nEventID: 4688\nImage|contains:\n  - a b\n  - 'c: d'\n# note"),
    { ok: true, selection: { 'User|endswith': '\\svc', EventID: 4688, 'Image|contains': ['a b', 'c: d'] } },
  );
  assert.deepEqual(parseSelection('CommandLine: "x \\"y\\""'), {
    ok: true,
    selection: { CommandLine: 'x "y"' },
  });
  assert.equal(parseSelection('[1]').ok, false);
  assert.equal(parseSelection('{}').ok, false);
  assert.equal(parseSelection('- a').ok, false);
  assert.equal(parseSelection('{bad').ok, false);
});
