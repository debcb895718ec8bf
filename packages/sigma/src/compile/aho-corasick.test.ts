import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AhoCorasick } from './aho-corasick.ts';
import { foldCase } from './fold-case.ts';
import { requiredLiteral } from './regex-literal.ts';

describe('AhoCorasick', () => {
  test('fuzz: reports exactly the occurrences a naive search finds (case-folded)', () => {
    let seed = 1;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = 'abcAB-/\\äÄσς';
    const word = (max: number): string =>
      Array.from({ length: 1 + rnd(max) }, () => alphabet[rnd(alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const needles = [...new Set(Array.from({ length: 1 + rnd(30) }, () => foldCase(word(5))))];
      const ac = new AhoCorasick(needles);
      const pre = ac.prefilter();
      for (let t = 0; t < 20; t++) {
        const text = word(60);
        const got: string[] = [];
        ac.scan(text, 0, (n, end) => got.push(`${n}@${end}`));
        const want: string[] = [];
        const folded = foldCase(text);
        for (let end = 0; end < folded.length; end++) {
          needles.forEach((n, i) => {
            if (end + 1 >= n.length && folded.slice(end + 1 - n.length, end + 1) === n)
              want.push(`${i}@${end}`);
          });
        }
        assert.deepEqual(got.sort(), want.sort(), `${JSON.stringify(needles)} in ${JSON.stringify(text)}`);
        if (pre) assert.equal(text.search(pre) >= 0, want.length > 0);
      }
    }
  });
  test('fuzz: large alphabets (dense rows for ASCII classes only) report the same occurrences', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    // 1,500 distinct non-ASCII needles push rows × classes past the fully dense limit.
    const wide = Array.from({ length: 1500 }, (_, i) => String.fromCharCode(0x4e00 + i));
    const alphabet = 'abc-\\:ä';
    const word = (max: number): string =>
      Array.from({ length: 1 + rnd(max) }, () =>
        rnd(4) === 0 ? wide[rnd(wide.length)] : alphabet[rnd(alphabet.length)],
      ).join('');
    for (let round = 0; round < 10; round++) {
      const needles = [
        ...new Set([...wide, ...Array.from({ length: 1 + rnd(200) }, () => foldCase(word(6)))]),
      ];
      const ac = new AhoCorasick(needles);
      for (let t = 0; t < 30; t++) {
        const text = word(80);
        const got: string[] = [];
        ac.scan(text, 0, (n, end) => got.push(`${n}@${end}`));
        const want: string[] = [];
        const folded = foldCase(text);
        for (let end = 0; end < folded.length; end++) {
          needles.forEach((n, i) => {
            if (end + 1 >= n.length && folded.slice(end + 1 - n.length, end + 1) === n)
              want.push(`${i}@${end}`);
          });
        }
        assert.deepEqual(got.sort(), want.sort(), JSON.stringify(text));
      }
    }
  });
  test('a hit returning true stops further reports of that needle in the same text only', () => {
    const ac = new AhoCorasick(['\\', 'ab']);
    const got: string[] = [];
    const hit = (n: number, end: number): boolean => {
      got.push(`${n}@${end}`);
      return n === 0;
    };
    ac.scan('\\ab\\ab\\', 0, hit);
    assert.deepEqual(got, ['0@0', '1@2', '1@5']);
    got.length = 0;
    ac.scan('x\\', 0, hit);
    assert.deepEqual(got, ['0@1']);
  });
  test('requiredLiteral finds a literal every match contains', () => {
    assert.equal(requiredLiteral('\\w+`(?:\\w+|-|.)`[\\w+|\\s]'), '`');
    assert.equal(requiredLiteral('abc|def'), '');
    assert.equal(requiredLiteral('^powershell.*-enc'), 'powershell');
    assert.equal(requiredLiteral('ab?c'), 'a');
    assert.equal(requiredLiteral('\\.exe$'), '.exe');
  });
});
