import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from './parse-query.ts';
import { formatExpr } from '../format/format-expr.ts';
import type { QueryExpr } from '../ast/query-expr.ts';

/** The search of a query that must parse, printed canonically. */
function search(q: string): string {
  const r = parseQuery(q);
  assert.deepEqual(r.problems, [], `${q} should parse`);
  assert.ok(r.plan);
  return formatExpr(r.plan.search);
}

function expr(q: string): QueryExpr {
  const r = parseQuery(q);
  assert.deepEqual(r.problems, [], `${q} should parse`);
  assert.ok(r.plan);
  return r.plan.search;
}

/** `[offset, message]` of each problem. */
function problems(q: string): [number | undefined, string][] {
  const r = parseQuery(q);
  assert.equal(r.plan, undefined, `${q} should not parse`);
  for (const p of r.problems) assert.equal(p.where, 'query');
  return r.problems.map((p) => [p.offset, p.message]);
}

test('field filters: quoted and bare values become case-insensitive equality', () => {
  assert.deepEqual(expr('process.name:"cmd.exe"'), {
    kind: 'eq',
    field: 'process.name',
    value: 'cmd.exe',
    offset: 0,
  });
  assert.equal(search('user.name:alice'), 'user.name:"alice"');
  assert.equal(search('event.code:4688'), 'event.code:"4688"');
  assert.equal(search('raw.EventID:1 @timestamp:*'), 'raw.EventID:"1" AND @timestamp:*');
  assert.equal(search('url.original:"/search?q=a b"'), 'url.original:"/search?q=a b"');
  assert.equal(search('field: value'), 'field:"value"');
});

test('wildcards: * and ? in bare and quoted values; escaped ones are literal', () => {
  assert.deepEqual(expr('process.name:power*'), {
    kind: 'wildcard',
    field: 'process.name',
    pattern: ['power', { wildcard: '*' }],
    offset: 0,
  });
  assert.equal(search('process.command_line:"*-enc *"'), 'process.command_line:"*-enc *"');
  assert.equal(search('host.name:ws-0?'), 'host.name:"ws-0?"');
  assert.equal(expr('file.name:a\\*b').kind, 'eq');
  assert.equal(search('file.name:"a\\*b\\?"'), 'file.name:"a\\*b\\?"');
  assert.deepEqual(expr('f:*'), { kind: 'exists', field: 'f', offset: 0 });
});

test('escapes: backslash escapes reserved characters and is literal before anything else', () => {
  assert.deepEqual(expr('process.executable:"C:\\Windows\\System32\\cmd.exe"'), {
    kind: 'eq',
    field: 'process.executable',
    value: 'C:\\Windows\\System32\\cmd.exe',
    offset: 0,
  });
  assert.deepEqual(expr('message:"say \\"hi\\" \\\\o/"'), {
    kind: 'eq',
    field: 'message',
    value: 'say "hi" \\o/',
    offset: 0,
  });
  assert.deepEqual(expr('user.name:john\\ smith'), {
    kind: 'eq',
    field: 'user.name',
    value: 'john smith',
    offset: 0,
  });
  assert.deepEqual(expr('a\\(b\\)'), { kind: 'text', pattern: ['a(b)'], offset: 0 });
  // A quoted keyword is text, not an operator.
  assert.equal(search('"and" OR "not"'), '"and" OR "not"');
});

test('values may contain colons, commas, equals and dashes', () => {
  assert.equal(search('url.query:a=1,b=2'), 'url.query:"a=1,b=2"');
  assert.equal(
    search('winlog.channel:Microsoft-Windows-Sysmon/Operational'),
    'winlog.channel:"Microsoft-Windows-Sysmon/Operational"',
  );
  assert.equal(search('x:-5'), 'x:"-5"');
  assert.equal(search('source.ip:2001:db8::1'), 'source.ip:"2001:db8::1"');
});

test('comparisons: numbers, times, relative times and strings', () => {
  assert.deepEqual(expr('http.response.bytes >= 10'), {
    kind: 'cmp',
    field: 'http.response.bytes',
    op: 'gte',
    value: { type: 'number', value: 10, text: '10' },
    offset: 0,
  });
  assert.deepEqual(expr('@timestamp < "2026-01-01"'), {
    kind: 'cmp',
    field: '@timestamp',
    op: 'lt',
    value: { type: 'time', ms: Date.UTC(2026, 0, 1), text: '2026-01-01' },
    offset: 0,
  });
  const rel = expr('@timestamp>now-15m');
  assert.deepEqual(rel.kind === 'cmp' && rel.value, {
    type: 'now',
    offsetMs: -900_000,
    text: 'now-15m',
  });
  assert.equal(search('x<=-1.5'), 'x <= -1.5');
  assert.equal(search('user.name > m'), 'user.name > "m"');
  assert.equal(search('x:>=5'), 'x >= 5');
  assert.equal(search('t>2026-03-01T10:00:00+02:00'), 't > "2026-03-01T10:00:00+02:00"');
  const tz = expr('t>2026-03-01T10:00:00+02:00');
  assert.equal(tz.kind === 'cmp' && tz.value.type === 'time' && tz.value.ms, Date.UTC(2026, 2, 1, 8));
});

test('ranges: inclusive, exclusive, mixed and open', () => {
  assert.deepEqual(expr('x:[10 TO 20]'), {
    kind: 'range',
    field: 'x',
    offset: 0,
    lower: { value: { type: 'number', value: 10, text: '10' }, inclusive: true },
    upper: { value: { type: 'number', value: 20, text: '20' }, inclusive: true },
  });
  assert.equal(search('x:{10 TO 20}'), 'x:{10 TO 20}');
  assert.equal(search('x:[10 to 20}'), 'x:[10 TO 20}');
  assert.equal(search('x:[10 TO *]'), 'x:[10 TO *]');
  assert.equal(search('x:[* TO *]'), 'x:*');
  assert.equal(search('@timestamp:[2026-01-01 TO now]'), '@timestamp:["2026-01-01" TO "now"]');
  assert.equal(search('user.name:[a TO m]'), 'user.name:["a" TO "m"]');
});

test('lists: plain values make `in`; wildcards and CIDRs make an OR', () => {
  assert.deepEqual(expr('process.name:(cmd.exe OR powershell.exe OR "wscript.exe")'), {
    kind: 'in',
    field: 'process.name',
    values: ['cmd.exe', 'powershell.exe', 'wscript.exe'],
    offset: 0,
  });
  assert.equal(search('f:(a)'), 'f:"a"');
  assert.equal(search('f:(a OR b* OR 10.0.0.0/8)'), 'f:"a" OR f:"b*" OR f:10.0.0.0/8');
});

test('CIDR: IPv4 and IPv6 networks are normalised', () => {
  assert.deepEqual(expr('source.ip:10.0.0.0/8'), {
    kind: 'cidr',
    field: 'source.ip',
    network: '10.0.0.0/8',
    family: 4,
    prefix: 8,
    offset: 0,
  });
  assert.equal(search('source.ip:10.1.2.3/8'), 'source.ip:10.0.0.0/8');
  assert.equal(search('source.ip:2001:DB8:0:0::/32'), 'source.ip:2001:db8::/32');
  assert.equal(search('source.ip:"fe80::1/64"'), 'source.ip:fe80::/64');
  // Not a network: plain equality.
  assert.equal(search('url.path:/a/b'), 'url.path:"/a/b"');
  assert.equal(search('source.ip:10.0.0.0/33'), 'source.ip:"10.0.0.0/33"');
});

test('free text: bare and quoted words without a field; * alone matches all', () => {
  assert.deepEqual(expr('"failed password"'), { kind: 'text', pattern: ['failed password'], offset: 0 });
  assert.equal(search('failed password'), '"failed" AND "password"');
  assert.equal(search('pass*word'), '"pass*word"');
  assert.deepEqual(expr('*'), { kind: 'all' });
  assert.deepEqual(expr(''), { kind: 'all' });
  assert.deepEqual(expr('   '), { kind: 'all' });
  assert.equal(search('* AND x:1'), 'x:"1"');
});

test('precedence: NOT binds tighter than AND, AND tighter than OR; implicit AND', () => {
  assert.equal(search('a OR b c'), '"a" OR ("b" AND "c")');
  assert.equal(search('a b OR c'), '("a" AND "b") OR "c"');
  assert.equal(search('a AND b OR c AND d'), '("a" AND "b") OR ("c" AND "d")');
  assert.equal(search('NOT a b'), 'NOT "a" AND "b"');
  assert.equal(search('NOT (a b)'), 'NOT ("a" AND "b")');
  assert.equal(search('-a OR b'), 'NOT "a" OR "b"');
  assert.equal(search('(a OR b) c'), '("a" OR "b") AND "c"');
  assert.equal(search('a and b or not c'), '("a" AND "b") OR NOT "c"');
  assert.equal(search('NOT NOT a'), 'NOT NOT "a"');
  assert.equal(search('((a))'), '"a"');
  // Nested ANDs and ORs flatten.
  assert.equal(search('a (b c)'), '"a" AND "b" AND "c"');
  assert.equal(search('a OR (b OR c)'), '"a" OR "b" OR "c"');
  const flat = expr('a (b c)');
  assert.equal(flat.kind === 'and' && flat.items.length, 3);
});

test('field names: dotted ECS paths, raw.<Vendor>, @timestamp; others are refused', () => {
  assert.equal(search('raw.Event.EventData.Image:x'), 'raw.Event.EventData.Image:"x"');
  assert.deepEqual(problems('proc*:x'), [
    [0, 'invalid field name "proc*": use dotted names such as process.name, raw.EventID or @timestamp'],
  ]);
  assert.deepEqual(problems('a..b:x'), [
    [0, 'invalid field name "a..b": use dotted names such as process.name, raw.EventID or @timestamp'],
  ]);
  assert.deepEqual(problems('"quoted":x'), [[0, 'field names are written without quotes']]);
  assert.equal(problems(`${'a'.repeat(300)}:x`)[0]?.[1], 'field name is longer than 256 characters');
});

test('errors name what was expected, what was found, and where', () => {
  assert.deepEqual(problems('a AND (b OR c'), [
    [13, 'expected ")" to close "(" opened at 6, found end of query'],
  ]);
  assert.deepEqual(problems('(a OR b | head 1'), [[8, 'expected ")" to close "(" opened at 0, found "|"']]);
  assert.deepEqual(problems('a)'), [[1, 'unexpected ")" without a matching "("']]);
  assert.deepEqual(problems('x:'), [[2, 'expected a value after "x:", found end of query']]);
  assert.deepEqual(problems('(x:)'), [[3, 'expected a value after "x:", found ")"']]);
  assert.deepEqual(problems(':x'), [[0, 'expected a field name before ":"']]);
  assert.deepEqual(problems('a OR'), [[4, 'expected a search term after "OR", found end of query']]);
  assert.deepEqual(problems('OR a'), [[0, 'expected a search term before "OR"']]);
  assert.deepEqual(problems('a AND AND b'), [[6, 'expected a search term after "AND", found "AND"']]);
  assert.deepEqual(problems('NOT'), [[3, 'expected a search term after "NOT", found end of query']]);
  assert.deepEqual(problems('()'), [[1, 'expected a search term inside "(" opened at 0, found ")"']]);
  assert.deepEqual(problems('"abc'), [
    [0, `expected '"' to close the string opened at 0, found end of query`],
  ]);
  assert.deepEqual(problems('x = 1'), [
    [2, 'use ":" for equality (field:value), or >, >=, <, <= to compare; found "="'],
  ]);
  assert.deepEqual(problems('x >'), [[3, 'expected a value to compare with after ">", found end of query']]);
  assert.deepEqual(problems('x > a*'), [
    [4, 'wildcards cannot be compared; escape them as \\* and \\? to mean the characters'],
  ]);
  assert.deepEqual(problems('t > 2026-13-01'), [
    [4, 'invalid date/time "2026-13-01": expected ISO-8601 such as 2026-01-01 or 2026-01-01T08:00:00Z'],
  ]);
  assert.deepEqual(problems('t > now-5y'), [
    [4, 'invalid relative time "now-5y": expected now, now-15m, now+1h or now-7d (units s, m, h, d)'],
  ]);
  assert.deepEqual(problems('""'), [[0, 'expected search text, found an empty string']]);
  assert.deepEqual(problems('a , b'), [[2, 'expected a search term, found ","']]);
  assert.deepEqual(problems('x:(a "b c")'), [
    [5, 'expected "OR" or ")" in the value list opened at 2, found the string "b c"'],
  ]);
});

test('range and list errors', () => {
  assert.deepEqual(problems('x:[1 20]'), [[5, 'expected "TO" in the range opened at 2, found "20"']]);
  assert.deepEqual(problems('x:[1 TO 2'), [
    [9, 'expected "]" or "}" to close the range opened at 2, found end of query'],
  ]);
  assert.deepEqual(problems('x:[1 TO b]'), [
    [2, 'range bounds must both be numbers, times or strings; found number and string'],
  ]);
  assert.deepEqual(problems('x:[20 TO 10]'), [
    [2, 'empty range: lower bound "20" is above upper bound "10"'],
  ]);
  assert.deepEqual(problems('x:[TO 1]'), [[3, 'expected a lower bound, found "TO"']]);
  assert.deepEqual(problems('x:(a b)'), [
    [5, 'expected "OR" or ")" in the value list opened at 2, found "b"'],
  ]);
  assert.deepEqual(problems('x:(a AND b)'), [[5, 'only OR may join the values of "x:(…)", found "AND"']]);
  assert.deepEqual(problems('x:(a OR b'), [[9, 'expected ")" to close "(" opened at 2, found end of query']]);
  assert.deepEqual(problems('x:()'), [[3, 'expected a value inside "x:(", found ")"']]);
});

test('several problems are reported when the parser can recover', () => {
  const found = problems('a:b AND OR c) | head x | sort - | stats foo(x) | where');
  assert.deepEqual(
    found.map(([o]) => o),
    [8, 12, 21, 32, 40, 54],
  );
  assert.match(found[2]?.[1] ?? '', /head takes a whole number/);
  assert.match(found[4]?.[1] ?? '', /expected an aggregation/);
});

test('limits: length, nesting depth and number of terms give problems, not crashes', () => {
  assert.deepEqual(problems('a'.repeat(10_001)), [
    [10_000, 'query is 10001 characters long; the limit is 10000'],
  ]);
  const deep = `${'('.repeat(100)}a${')'.repeat(100)}`;
  assert.deepEqual(problems(deep), [[64, 'query is nested more than 64 levels deep']]);
  assert.deepEqual(problems(`${'NOT '.repeat(70)}a`).length, 1);
  const many = Array.from({ length: 1001 }, (_, i) => `t${i}`).join(' ');
  assert.deepEqual(problems(many), [
    [many.lastIndexOf('t1000'), 'query has more than 1000 terms; narrow it or split it'],
  ]);
  const bad = Array.from({ length: 50 }, () => ')').join(' ');
  assert.equal(problems(bad).length, 20);
});

test('never throws on non-string input', () => {
  assert.deepEqual(parseQuery(42 as unknown as string).problems, [
    { where: 'query', offset: 0, message: 'query must be a string' },
  ]);
});
