import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnsOf, csvCell, csvLine } from './csv-writer.ts';

test('CSV cells are quoted when needed and formulas are neutralised', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,"b"'), '"a,""b"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
  assert.equal(csvCell('+1'), "'+1");
  assert.equal(csvCell('-1+2'), "'-1+2");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('\tx'), "'\tx");
  assert.equal(csvCell(42), '42');
  assert.equal(csvCell(-5), '-5');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell({ a: [1] }), '"{""a"":[1]}"');
  assert.equal(csvLine(['a', 1, null]), 'a,1,\r\n');
});

test('columns of free-form rows are their leaf paths', () => {
  assert.deepEqual(columnsOf([{ a: 1, b: { c: 2, d: [1] } }, { e: null }]), ['a', 'b.c', 'b.d', 'e']);
});
