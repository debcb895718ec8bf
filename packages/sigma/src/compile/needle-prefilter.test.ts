import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { foldCase } from './fold-case.ts';
import { needlePrefilter } from './needle-prefilter.ts';

describe('needlePrefilter', () => {
  test('fuzz: answers exactly like one case-insensitive alternation of the needles', () => {
    let seed = 3;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = 'abAB::..\\ 1äÄσςſK';
    const word = (max: number): string =>
      Array.from({ length: 1 + rnd(max) }, () => alphabet[rnd(alphabet.length)]).join('');
    let withAnchors = 0;
    for (let round = 0; round < 300; round++) {
      const needles = [...new Set(Array.from({ length: 1 + rnd(12) }, () => foldCase(word(6))))];
      const pre = needlePrefilter(needles);
      if (pre === null) continue;
      const reference = new RegExp(
        needles.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'),
        'iu',
      );
      if ((pre as unknown as { anchors: string[] }).anchors.length > 0) withAnchors++;
      for (let t = 0; t < 30; t++) {
        const text = word(50);
        assert.equal(
          pre.test(text),
          reference.test(text),
          `${JSON.stringify(needles)} in ${JSON.stringify(text)}`,
        );
        assert.equal(pre.search(text), text.search(reference));
      }
    }
    assert.ok(withAnchors > 20, `needle sets with anchors: ${withAnchors}`);
  });

  test('needles sharing a caseless run are found by it; the others by the alternation', () => {
    const pre = needlePrefilter(['sekurlsa::', 'lsadump::', 'kerberos::golden', 'mimidrv.sys']);
    assert.ok(pre);
    assert.deepEqual((pre as unknown as { anchors: string[] }).anchors, ['::']);
    assert.equal(pre.test('run SEKURLSA::logonpasswords'), true);
    assert.equal(pre.search('run SEKURLSA::logonpasswords'), 4);
    assert.equal(pre.test('[Text.Encoding]::UTF8'), false, 'the anchor alone is not a needle');
    assert.equal(pre.test('C:\\x\\MimiDrv.SYS loaded'), true);
    assert.equal(pre.test('c:\\windows\\system32\\lsass.exe'), false);
  });

  test('anchors found in many texts give way to one alternation of every needle', () => {
    const pre = needlePrefilter(['c:\\evil.exe', 'd:\\tool.exe', 'x.dll']);
    assert.ok(pre);
    assert.deepEqual((pre as unknown as { anchors: string[] }).anchors, [':\\']);
    // Every path holds the `:\` run, none a needle: after 1,024 texts the anchor is dropped.
    for (let i = 0; i < 1024; i++) assert.equal(pre.test(`c:\\windows\\file${i}.txt`), false);
    assert.deepEqual((pre as unknown as { anchors: string[] }).anchors, []);
    assert.equal(pre.test('C:\\EVIL.EXE'), true);
    assert.equal(pre.search('no x.dll'), 3);
  });
});
