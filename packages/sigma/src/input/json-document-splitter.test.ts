import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JsonDocumentSplitter, splitJsonDocuments } from './json-document-splitter.ts';

describe('JsonDocumentSplitter', () => {
  test('splits concatenated pretty-printed documents, JSON lines and arrays', () => {
    const text = '{\n  "a": "}{",\n  "b": [1, {"c": "\\"}"}]\n}\n{"d":2}\n[1,2]\n';
    assert.deepEqual(
      splitJsonDocuments(text).map((d) => JSON.parse(d as string) as unknown),
      [{ a: '}{', b: [1, { c: '"}' }] }, { d: 2 }, [1, 2]],
    );
  });
  test('works across arbitrary chunk boundaries', () => {
    const docs = [{ x: 'a\\"b' }, { y: [{ z: '}' }] }, { w: 'é😀' }];
    const text = docs.map((d) => JSON.stringify(d, null, 2)).join('\n');
    for (let size = 1; size < 20; size++) {
      const s = new JsonDocumentSplitter();
      const out: unknown[] = [];
      for (let i = 0; i < text.length; i += size)
        for (const d of s.push(text.slice(i, i + size))) out.push(JSON.parse(d as string));
      out.push(...s.end());
      assert.deepEqual(out, docs);
    }
  });
  test('reports stray text and truncated input', () => {
    const r = splitJsonDocuments('{"a":1} garbage {"b":2} {"c":');
    assert.equal(r.length, 4);
    assert.equal(typeof r[1], 'object');
    assert.deepEqual(r[3], { error: 'input ends inside a JSON document' });
  });
});
