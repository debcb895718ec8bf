import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileWildcard } from './wildcard-match.ts';
import type { WildcardPart } from '../ast/query-expr.ts';

const S: WildcardPart = { wildcard: '*' };
const Q: WildcardPart = { wildcard: '?' };

test('whole-value matching with * and ?, case-insensitive', () => {
  const m = compileWildcard(['power', S]);
  assert.ok(m('powershell.exe') && m('PowerShell.EXE') && m('power'));
  assert.ok(!m('xpowershell'));
  const q = compileWildcard(['ws-0', Q]);
  assert.ok(q('WS-01') && !q('ws-0') && !q('ws-012'));
  const mid = compileWildcard([S, '\\temp\\', S, '.exe']);
  assert.ok(mid('C:\\Users\\x\\Temp\\a.exe'));
  assert.ok(!mid('C:\\Users\\x\\Temp\\a.exe.txt'));
  const overlap = compileWildcard(['ab', S, 'ba']);
  assert.ok(overlap('aba') === false && overlap('abba') && overlap('abxba'));
  assert.ok(compileWildcard([S])(''));
  assert.ok(compileWildcard([Q, S, Q])('ab') && !compileWildcard([Q, S, Q])('a'));
  // Regex metacharacters are plain text.
  assert.ok(compileWildcard(['a.b(', S])('a.b(c') && !compileWildcard(['a.b(', S])('axb(c'));
  // ? is one character, not one UTF-16 unit.
  assert.ok(compileWildcard(['x', Q, 'y'])('x😀y'));
  assert.ok(compileWildcard(['ÄRGER'])('ärger'));
});

test('contains mode adds implicit * at both ends (free text)', () => {
  const m = compileWildcard(['pass', S, 'word'], true);
  assert.ok(m('Failed Password for root'));
  assert.ok(!m('word before pass'));
  assert.ok(m('bad passXword here'));
  assert.ok(compileWildcard(['fail'], true)('Failed password'));
});

test('pathological patterns stay fast', () => {
  const value = 'a'.repeat(5000);
  const pattern: WildcardPart[] = [];
  for (let i = 0; i < 50; i++) pattern.push(S, 'a');
  pattern.push('b');
  const start = performance.now();
  assert.ok(!compileWildcard(pattern)(value));
  assert.ok(performance.now() - start < 2000);
});
