import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { andNode, atomWeight } from './compile-detection.ts';
import type { Compiled } from './compile-detection.ts';

describe('trigger choice', () => {
  test('a boolean value weighs like a common atom, not like a selective exact value', () => {
    const initiated = atomWeight({ field: 'Initiated', kind: 'eq', text: 'true' });
    const port = atomWeight({ field: 'DestinationPort', kind: 'eq', text: '4444' });
    const image = atomWeight({ field: 'Image', kind: 'suffix', text: '\\powershell.exe' });
    assert.ok(initiated > port);
    assert.ok(initiated > image);
    assert.equal(atomWeight({ field: 'Enabled', kind: 'eq', text: 'false' }), initiated);
  });

  test('a conjunction triggers on its least likely operand', () => {
    const weights = new Map([
      [1, atomWeight({ field: 'Initiated', kind: 'eq', text: 'true' })],
      [2, atomWeight({ field: 'Image', kind: 'suffix', text: '\\nc.exe' })],
    ]);
    const atom = (id: number): Compiled => ({ pred: () => true, trig: new Set([id]), cost: 0 });
    const both = andNode([atom(1), atom(2)], (t) => [...t].reduce((w, id) => w + (weights.get(id) ?? 1), 0));
    assert.deepEqual([...(both.trig ?? [])], [2]);
  });
});
