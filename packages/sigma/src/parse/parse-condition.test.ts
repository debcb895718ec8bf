import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCondition } from './parse-condition.ts';

const ids = ['sel', 'sel_a', 'sel_b', 'filter_1', 'filter_2', '_hidden', 'kw'];

describe('parseCondition', () => {
  test('precedence: not > and > or', () => {
    const r = parseCondition('sel or sel_a and not sel_b', ids);
    assert.deepEqual(r.condition, {
      t: 'or',
      items: [
        { t: 'id', name: 'sel' },
        {
          t: 'and',
          items: [
            { t: 'id', name: 'sel_a' },
            { t: 'not', item: { t: 'id', name: 'sel_b' } },
          ],
        },
      ],
    });
  });
  test('parentheses override precedence', () => {
    const r = parseCondition('(sel or sel_a) and not (filter_1 or filter_2)', ids);
    assert.equal(r.condition?.t, 'and');
  });
  test('1 of / all of patterns and them (skipping _ identifiers)', () => {
    assert.deepEqual(parseCondition('1 of sel_*', ids).condition, {
      t: 'of',
      all: false,
      count: 1,
      names: ['sel_a', 'sel_b'],
    });
    assert.deepEqual(parseCondition('all of filter_*', ids).condition, {
      t: 'of',
      all: true,
      count: 2,
      names: ['filter_1', 'filter_2'],
    });
    const them = parseCondition('1 of them', ids).condition;
    assert.ok(them?.t === 'of' && !them.names.includes('_hidden') && them.names.length === 6);
    assert.deepEqual(parseCondition('all of _h*', ids).condition, {
      t: 'of',
      all: true,
      count: 1,
      names: ['_hidden'],
    });
  });
  test('errors carry offsets', () => {
    assert.deepEqual(parseCondition('sel and nope', ids).problems, [
      { message: "unknown detection identifier 'nope'", offset: 8 },
    ]);
    assert.equal(parseCondition('sel and', ids).problems[0]?.message, 'unexpected end of condition');
    assert.equal(parseCondition('(sel', ids).problems[0]?.message, "expected ')'");
    assert.equal(parseCondition('sel)', ids).problems[0]?.offset, 3);
    assert.match(
      parseCondition('1 of x*', ids).problems[0]?.message ?? '',
      /matches no detection identifier/,
    );
    assert.match(parseCondition('sel | count() > 5', ids).problems[0]?.message ?? '', /aggregation/);
    assert.match(parseCondition('2x of sel*', ids).problems[0]?.message ?? '', /expected '1 of' or 'all of'/);
    assert.equal(parseCondition('', ids).problems[0]?.message, 'empty condition');
  });
  test('fuzz: random token soup never throws and finishes quickly', () => {
    const words = [
      'sel',
      'sel_a',
      'and',
      'or',
      'not',
      '(',
      ')',
      '1',
      'all',
      'of',
      'them',
      'sel_*',
      'x',
      '|',
      '*',
      '',
    ];
    let seed = 42;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const start = performance.now();
    for (let i = 0; i < 5000; i++) {
      const n = Math.floor(rnd() * 12);
      const text = Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]).join(
        rnd() < 0.5 ? ' ' : '',
      );
      const r = parseCondition(text, ids);
      assert.ok(r.condition !== undefined || r.problems.length > 0);
    }
    const deep = `${'('.repeat(5000)}sel${')'.repeat(5000)}`;
    assert.ok(parseCondition(deep, ids).problems.length > 0);
    assert.ok(performance.now() - start < 5000);
  });
});
