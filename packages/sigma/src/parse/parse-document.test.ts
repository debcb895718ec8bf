import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadRules } from '../engine/load-rules.ts';

describe('rule documents', () => {
  test('required fields are reported with lines, all at once', () => {
    const r = loadRules([
      {
        path: 'bad.yml',
        text: 'id: x\nlevel: severe\nlogsource:\n    product: windows\ndetection:\n    sel:\n        A: 1\n',
      },
    ]);
    assert.equal(r.rejected.length, 1);
    const reason = r.rejected[0]?.reason ?? '';
    assert.match(reason, /'title' is required/);
    assert.match(reason, /line 2: unknown level 'severe'/);
    assert.match(reason, /'detection.condition' is required/);
  });
  test('broken YAML is rejected with its line; other documents and files still load', () => {
    const good =
      'title: ok\nlogsource:\n    product: windows\n    service: security\ndetection:\n    sel:\n        EventID: 4625\n    condition: sel\n';
    const r = loadRules([
      { path: 'broken.yml', text: 'title: x\ndetection: [unclosed\n' },
      {
        path: 'multi.yml',
        text: `${good}---\ntitle: second\nlogsource: {product: windows}\ndetection:\n    sel:\n        a: b: c\n    condition: sel\n---\n${good.replace('ok', 'third').replace('4625', '4624')}`,
      },
    ]);
    assert.equal(r.ruleset.rules.length, 2);
    assert.deepEqual(
      r.rejected.map((x) => x.file),
      ['broken.yml', 'multi.yml'],
    );
    assert.ok(r.rejected.every((x) => typeof x.line === 'number'));
  });
  test('documents that are not maps, empty selections and mixed lists are rejected', () => {
    const cases = [
      '- just\n- a list\n',
      'title: t\nlogsource: {product: windows}\ndetection:\n    sel: {}\n    condition: sel\n',
      'title: t\nlogsource: {product: windows}\ndetection:\n    sel: [a, {b: c}]\n    condition: sel\n',
      'title: t\nlogsource: {}\ndetection:\n    sel: {a: b}\n    condition: sel\n',
      'title: t\nlogsource: {product: windows}\ndetection:\n    sel:\n        a:\n            nested: map\n    condition: sel\n',
    ];
    for (const text of cases) assert.equal(loadRules([{ path: 'x.yml', text }]).rejected.length, 1, text);
  });
  test('list-form conditions are ORed', () => {
    const text =
      'title: t\nlogsource: {product: windows, service: security}\ndetection:\n    a: {EventID: 1}\n    b: {EventID: 2}\n    condition:\n        - a\n        - b\n';
    const r = loadRules([{ path: 'x.yml', text }]);
    const ev = (id: number) => ({ EventID: id, Channel: 'Security' });
    assert.equal(r.ruleset.match(ev(1)).length, 1);
    assert.equal(r.ruleset.match(ev(2)).length, 1);
    assert.equal(r.ruleset.match(ev(3)).length, 0);
  });
  test('conditions: and/or/not, 1 of, all of, them', () => {
    const text = (cond: string): string =>
      `title: t\nlogsource: {product: windows, service: security}\ndetection:\n    sel_a: {A: 1}\n    sel_b: {B: 1}\n    _c: {C: 1}\n    condition: ${cond}\n`;
    const m = (cond: string, ev: Record<string, unknown>): boolean =>
      loadRules([{ path: 'x.yml', text: text(cond) }]).ruleset.match({
        Channel: 'Security',
        EventID: 1,
        ...ev,
      }).length === 1;
    assert.ok(m('sel_a and not sel_b', { A: 1 }));
    assert.ok(!m('sel_a and not sel_b', { A: 1, B: 1 }));
    assert.ok(m('1 of sel_*', { B: 1 }));
    assert.ok(!m('all of sel_*', { B: 1 }));
    assert.ok(m('all of sel_*', { A: 1, B: 1 }));
    assert.ok(m('all of them', { A: 1, B: 1 }));
    assert.ok(!m('1 of them', { C: 1 }));
    assert.ok(m('_c', { C: 1 }));
    assert.ok(m('not (sel_a or sel_b)', {}));
    assert.ok(!m('not sel_a or sel_b and _c', { A: 1, B: 1 }));
    assert.ok(m('not sel_a or sel_b and _c', { A: 1, B: 1, C: 1 }));
  });
  test('filters exclude events from the rules they name (by id or name)', () => {
    const rule =
      'title: r\nid: 6f3e2987-db24-4c78-a860-b4f4095a7095\nname: rar_rule\nlogsource: {product: windows, category: process_creation}\ndetection:\n    sel: {Image|endswith: \\rar.exe}\n    condition: sel\n';
    const filter = (ref: string): string =>
      `title: f\nlogsource: {product: windows, category: process_creation}\nfilter:\n    rules:\n        - ${ref}\n    selection:\n        User|startswith: adm_\n    condition: selection\n`;
    for (const ref of ['6f3e2987-db24-4c78-a860-b4f4095a7095', 'rar_rule']) {
      const r = loadRules([
        { path: 'r.yml', text: rule },
        { path: 'f.yml', text: filter(ref) },
      ]);
      assert.deepEqual(r.rejected, []);
      const ev = (user: string) => ({
        EventID: 1,
        Channel: 'Microsoft-Windows-Sysmon/Operational',
        Image: 'c:\\rar.exe',
        User: user,
      });
      assert.equal(r.ruleset.match(ev('bob')).length, 1);
      assert.equal(r.ruleset.match(ev('adm_bob')).length, 0);
    }
  });
  test('aggregation conditions and duplicate ids are rejected', () => {
    const t =
      'title: t\nid: 11111111-1111-1111-1111-111111111111\nlogsource: {product: windows}\ndetection:\n    sel: {A: 1}\n    condition: sel | count() > 5\n';
    assert.match(loadRules([{ path: 'a.yml', text: t }]).rejected[0]?.reason ?? '', /aggregation/);
    const ok = t.replace(' | count() > 5', '');
    const r = loadRules([
      { path: 'a.yml', text: ok },
      { path: 'b.yml', text: ok },
    ]);
    assert.match(r.rejected[0]?.reason ?? '', /duplicate rule id/);
  });
  test('fuzz: mutated rule texts never throw and finish in bounded time', () => {
    const base =
      'title: t\nlogsource:\n    product: windows\n    category: process_creation\ndetection:\n    sel:\n        Image|endswith: \\x.exe\n        CommandLine|contains|all: [a, b]\n    filter: {User: null}\n    condition: sel and not filter\n';
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const junk = [
      ':',
      '-',
      '|',
      '[',
      ']',
      '{',
      '}',
      "'",
      '"',
      '\n',
      ' ',
      '*',
      '\\',
      'and',
      'not',
      '1 of',
      '&a',
      '*a',
      '!!',
      '%',
      '#',
    ];
    const start = performance.now();
    for (let i = 0; i < 1500; i++) {
      const chars = [...base];
      for (let k = 0; k < 1 + rnd(4); k++)
        chars.splice(rnd(chars.length), rnd(3), junk[rnd(junk.length)] as string);
      const r = loadRules([{ path: 'f.yml', text: chars.join('') }]);
      assert.ok(r.ruleset.rules.length + r.rejected.length >= 1 || chars.join('').trim() === '');
      r.ruleset.match({
        EventID: 1,
        Channel: 'Microsoft-Windows-Sysmon/Operational',
        Image: 'c:\\x.exe',
        CommandLine: 'a b',
      });
    }
    assert.ok(performance.now() - start < 60000);
  });
});
