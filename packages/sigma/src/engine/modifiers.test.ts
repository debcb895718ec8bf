import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadRules } from './load-rules.ts';
import type { LoadOptions } from './load-rules.ts';

/** A process_creation rule with the given detection block (YAML, indented by 4). */
function ruleText(detection: string, logsource = 'product: windows\n    category: process_creation'): string {
  return `title: t\nid: 00000000-0000-0000-0000-000000000001\nlogsource:\n    ${logsource}\ndetection:\n${detection
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\nlevel: high\n`;
}

function load(detection: string, options: LoadOptions = {}, logsource?: string) {
  const r = loadRules([{ path: 'test.yml', text: ruleText(detection, logsource) }], options);
  return r;
}

const proc = (fields: Record<string, unknown>): Record<string, unknown> => ({
  EventID: 1,
  Channel: 'Microsoft-Windows-Sysmon/Operational',
  ...fields,
});

function matches(detection: string, fields: Record<string, unknown>, options: LoadOptions = {}): boolean {
  const r = load(detection, options);
  assert.deepEqual(r.rejected, [], 'rule should load');
  return r.ruleset.match(proc(fields)).length === 1;
}

function rejected(detection: string, options: LoadOptions = {}): string {
  const r = load(detection, options);
  assert.equal(r.rejected.length, 1, 'rule should be rejected');
  return r.rejected[0]?.reason ?? '';
}

describe('plain values', () => {
  test('exact match is case-insensitive', () => {
    assert.ok(
      matches('sel:\n    Image: C:\\Windows\\cmd.exe\ncondition: sel', { Image: 'c:\\windows\\CMD.EXE' }),
    );
    assert.ok(
      !matches('sel:\n    Image: C:\\Windows\\cmd.exe\ncondition: sel', { Image: 'c:\\windows\\cmd.exe2' }),
    );
  });
  test('Unicode folding: ÄRGER equals ärger; dotless ı is not i', () => {
    assert.ok(matches("sel:\n    User: 'ÄRGER'\ncondition: sel", { User: 'ärger' }));
    assert.ok(matches("sel:\n    User|contains: 'ärger'\ncondition: sel", { User: 'x ÄRGER y' }));
    assert.ok(!matches("sel:\n    User: 'admın'\ncondition: sel", { User: 'admin' }));
    assert.ok(!matches("sel:\n    User|contains: 'admın'\ncondition: sel", { User: 'ADMIN' }));
    assert.ok(matches("sel:\n    User: 'ΟΔΥΣΣΕΥΣ'\ncondition: sel", { User: 'οδυσσευς' }));
  });
  test('numbers equal their string form, both ways', () => {
    assert.ok(matches('sel:\n    EventID: 1\ncondition: sel', {}));
    assert.ok(matches("sel:\n    EventID: '1'\ncondition: sel", {}));
    assert.ok(matches('sel:\n    ProcessId: 42\ncondition: sel', { ProcessId: '42' }));
    assert.ok(matches("sel:\n    ProcessId: '42'\ncondition: sel", { ProcessId: 42 }));
    assert.ok(!matches('sel:\n    ProcessId: 42\ncondition: sel', { ProcessId: 420 }));
  });
  test('hex-looking numbers stay text', () => {
    assert.ok(matches('sel:\n    GrantedAccess: 0x1410\ncondition: sel', { GrantedAccess: '0x1410' }));
  });
  test('booleans', () => {
    assert.ok(matches('sel:\n    Flag: true\ncondition: sel', { Flag: true }));
    assert.ok(matches('sel:\n    Flag: true\ncondition: sel', { Flag: 'True' }));
    assert.ok(!matches('sel:\n    Flag: true\ncondition: sel', { Flag: false }));
  });
  test('list of values is OR, map is AND', () => {
    const det = 'sel:\n    Image: [a.exe, b.exe]\n    User: x\ncondition: sel';
    assert.ok(matches(det, { Image: 'b.exe', User: 'X' }));
    assert.ok(!matches(det, { Image: 'b.exe', User: 'y' }));
    assert.ok(!matches(det, { Image: 'c.exe', User: 'x' }));
  });
  test('list of maps is OR', () => {
    const det = 'sel:\n    - Image: a.exe\n    - User: x\ncondition: sel';
    assert.ok(matches(det, { Image: 'a.exe' }));
    assert.ok(matches(det, { User: 'x' }));
    assert.ok(!matches(det, { Image: 'b.exe', User: 'y' }));
  });
  test('null matches a missing or null field only', () => {
    const det = 'sel:\n    User: null\ncondition: sel';
    assert.ok(matches(det, {}));
    assert.ok(matches(det, { User: null }));
    assert.ok(!matches(det, { User: '' }));
    assert.ok(!matches(det, { User: 'x' }));
  });
  test("empty string matches '' only", () => {
    const det = "sel:\n    User: ''\ncondition: sel";
    assert.ok(matches(det, { User: '' }));
    assert.ok(!matches(det, {}));
    assert.ok(!matches(det, { User: 'x' }));
  });
  test('arrays in events: any element', () => {
    const det = 'sel:\n    Tags|contains: evil\ncondition: sel';
    assert.ok(matches(det, { Tags: ['good', 'very EVIL'] }));
    assert.ok(!matches(det, { Tags: ['good', 'fine'] }));
    assert.ok(matches('sel:\n    Port: 443\ncondition: sel', { Port: [80, 443] }));
  });
});

describe('wildcards and escaping', () => {
  test('* and ? wildcards', () => {
    // `\\*` is a backslash then a wildcard (a single `\*` would be a literal star).
    const det = "sel:\n    Image: 'C:\\\\*\\\\cmd.ex?'\ncondition: sel";
    assert.ok(matches(det, { Image: 'c:\\windows\\system32\\cmd.exe' }));
    assert.ok(!matches(det, { Image: 'c:\\windows\\cmd.exe.bak' }));
    assert.ok(matches("sel:\n    Image: '*\\cmd.exe'\ncondition: sel", { Image: 'X:\\a\\cmd.exe' }));
    assert.ok(matches("sel:\n    Image: 'C:\\Win*'\ncondition: sel", { Image: 'c:\\windows' }));
    assert.ok(
      matches("sel:\n    CommandLine: '*foo*bar*'\ncondition: sel", { CommandLine: 'a foo b BAR c' }),
    );
    assert.ok(
      !matches("sel:\n    CommandLine: '*foo*bar*'\ncondition: sel", { CommandLine: 'a bar b foo c' }),
    );
  });
  test('escaped wildcards are literal', () => {
    const det = "sel:\n    CommandLine: 'a\\*b\\?c'\ncondition: sel";
    assert.ok(matches(det, { CommandLine: 'a*b?c' }));
    assert.ok(!matches(det, { CommandLine: 'axbyc' }));
  });
  test('double backslash is one backslash; lone backslash is literal', () => {
    assert.ok(matches("sel:\n    Path: 'a\\\\b'\ncondition: sel", { Path: 'a\\b' }));
    assert.ok(matches("sel:\n    Path: 'a\\b'\ncondition: sel", { Path: 'a\\b' }));
    // `\\*` = literal backslash followed by a wildcard.
    assert.ok(matches("sel:\n    Path: 'dir\\\\*'\ncondition: sel", { Path: 'dir\\anything' }));
  });
  test('* alone matches any present value', () => {
    assert.ok(matches("sel:\n    User: '*'\ncondition: sel", { User: '' }));
    assert.ok(!matches("sel:\n    User: '*'\ncondition: sel", {}));
  });
});

describe('string modifiers', () => {
  test('contains / startswith / endswith', () => {
    assert.ok(
      matches('sel:\n    CommandLine|contains: WhoAmI\ncondition: sel', {
        CommandLine: 'cmd /c whoami /all',
      }),
    );
    assert.ok(!matches('sel:\n    CommandLine|contains: whoami\ncondition: sel', { CommandLine: 'cmd' }));
    assert.ok(
      matches('sel:\n    Image|startswith: C:\\Users\\\ncondition: sel', { Image: 'c:\\users\\bob\\x.exe' }),
    );
    assert.ok(
      !matches('sel:\n    Image|startswith: C:\\Users\\\ncondition: sel', { Image: 'd:\\c:\\users\\x' }),
    );
    assert.ok(
      matches("sel:\n    Image|endswith: '\\cmd.exe'\ncondition: sel", { Image: 'C:\\Windows\\CMD.exe' }),
    );
    assert.ok(
      !matches("sel:\n    Image|endswith: '\\cmd.exe'\ncondition: sel", {
        Image: 'C:\\Windows\\cmd.exe.txt',
      }),
    );
  });
  test('contains|all needs every value', () => {
    const det = 'sel:\n    CommandLine|contains|all: [-enc, powershell]\ncondition: sel';
    assert.ok(matches(det, { CommandLine: 'PowerShell -Enc AAA' }));
    assert.ok(!matches(det, { CommandLine: 'powershell -command x' }));
  });
  test('cased is case-sensitive', () => {
    const det = 'sel:\n    CommandLine|contains|cased: Net.WebClient\ncondition: sel';
    assert.ok(matches(det, { CommandLine: 'new-object Net.WebClient' }));
    assert.ok(!matches(det, { CommandLine: 'new-object net.webclient' }));
    assert.ok(matches('sel:\n    User|cased: Bob\ncondition: sel', { User: 'Bob' }));
    assert.ok(!matches('sel:\n    User|cased: Bob\ncondition: sel', { User: 'bob' }));
  });
  test('windash expands - and / and unicode dashes', () => {
    const det = 'sel:\n    CommandLine|windash|contains: " -exec bypass"\ncondition: sel';
    for (const d of ['-', '/', '\u2013', '\u2014', '\u2015']) {
      assert.ok(matches(det, { CommandLine: `powershell ${d}exec bypass` }), d);
    }
    assert.ok(!matches(det, { CommandLine: 'powershell +exec bypass' }));
    // Only at the start of a word: `a-b` is not expanded.
    assert.ok(
      !matches('sel:\n    CommandLine|windash|contains: "a-b"\ncondition: sel', { CommandLine: 'a/b' }),
    );
  });
  test('neq', () => {
    const det = 'sel:\n    Image|endswith: \\x.exe\n    User|neq: SYSTEM\ncondition: sel';
    assert.ok(matches(det, { Image: 'c:\\x.exe', User: 'bob' }));
    assert.ok(!matches(det, { Image: 'c:\\x.exe', User: 'system' }));
  });
  test('exists', () => {
    assert.ok(matches('sel:\n    User|exists: true\ncondition: sel', { User: '' }));
    assert.ok(!matches('sel:\n    User|exists: true\ncondition: sel', {}));
    assert.ok(matches('sel:\n    User|exists: false\ncondition: sel', {}));
    assert.ok(!matches('sel:\n    User|exists: false\ncondition: sel', { User: 'x' }));
    assert.match(rejected('sel:\n    User|exists: yes please\ncondition: sel'), /exists/);
  });
});

describe('regular expressions', () => {
  test('re is case-sensitive; i m s sub-modifiers', () => {
    assert.ok(matches("sel:\n    CommandLine|re: 'a[0-9]+b'\ncondition: sel", { CommandLine: 'xa123b' }));
    assert.ok(!matches("sel:\n    CommandLine|re: 'a[0-9]+b'\ncondition: sel", { CommandLine: 'XA123B' }));
    assert.ok(matches("sel:\n    CommandLine|re|i: 'a[0-9]+b'\ncondition: sel", { CommandLine: 'XA123B' }));
    assert.ok(matches("sel:\n    CommandLine|re|m: '^b$'\ncondition: sel", { CommandLine: 'a\nb\nc' }));
    assert.ok(!matches("sel:\n    CommandLine|re: '^b$'\ncondition: sel", { CommandLine: 'a\nb\nc' }));
    assert.ok(matches("sel:\n    CommandLine|re|s: 'a.c'\ncondition: sel", { CommandLine: 'a\nc' }));
    assert.ok(!matches("sel:\n    CommandLine|re: 'a.c'\ncondition: sel", { CommandLine: 'a\nc' }));
    assert.ok(
      matches("sel:\n    CommandLine|re: '(?i)^POWERSHELL'\ncondition: sel", {
        CommandLine: 'powershell -x',
      }),
    );
  });
  test('invalid and catastrophic regexes are rejected with a reason', () => {
    assert.match(rejected("sel:\n    CommandLine|re: 'a(b'\ncondition: sel"), /invalid regular expression/);
    assert.match(rejected("sel:\n    CommandLine|re: '(a+)+$'\ncondition: sel"), /catastrophic/);
    assert.match(rejected('sel:\n    CommandLine|i: x\ncondition: sel'), /only valid after 're'/);
  });
});

describe('encodings', () => {
  test('base64 and base64offset', () => {
    // base64('http://') = aHR0cDovLw==
    assert.ok(
      matches('sel:\n    CommandLine|base64|contains: "http://"\ncondition: sel', {
        CommandLine: 'x aHR0cDovLw== y',
      }),
    );
    const det = 'sel:\n    CommandLine|base64offset|contains: "http://"\ncondition: sel';
    for (const prefix of ['', 'a', 'ab']) {
      const enc = btoa(`${prefix}http://example`);
      assert.ok(matches(det, { CommandLine: `powershell -e ${enc}` }), prefix);
    }
    assert.ok(!matches(det, { CommandLine: 'powershell -e SGVsbG8=' }));
  });
  test('utf16le / wide / utf16be / utf16 then base64', () => {
    const le = (s: string): string => btoa([...s].map((c) => `${c}\u0000`).join(''));
    const be = (s: string): string => btoa([...s].map((c) => `\u0000${c}`).join(''));
    assert.ok(
      matches('sel:\n    CommandLine|utf16le|base64: "ping"\ncondition: sel', { CommandLine: le('ping') }),
    );
    assert.ok(
      matches('sel:\n    CommandLine|wide|base64: "ping"\ncondition: sel', { CommandLine: le('ping') }),
    );
    assert.ok(
      matches('sel:\n    CommandLine|utf16be|base64: "ping"\ncondition: sel', { CommandLine: be('ping') }),
    );
    assert.ok(
      matches('sel:\n    CommandLine|utf16|base64: "ping"\ncondition: sel', {
        CommandLine: btoa(`\u00ff\u00fe${'p\u0000i\u0000n\u0000g\u0000'}`),
      }),
    );
    assert.ok(
      matches('sel:\n    CommandLine|wide|base64offset|contains: "iex"\ncondition: sel', {
        CommandLine: `-enc ${le('x; iex (y)')}`,
      }),
    );
  });
  test('encoding a wildcard value is rejected', () => {
    assert.match(rejected("sel:\n    CommandLine|base64: 'a*b'\ncondition: sel"), /wildcards/);
  });
});

describe('numeric, cidr, time, fieldref, expand', () => {
  test('lt lte gt gte', () => {
    assert.ok(matches('sel:\n    Port|lt: 1024\ncondition: sel', { Port: 80 }));
    assert.ok(!matches('sel:\n    Port|lt: 1024\ncondition: sel', { Port: '1024' }));
    assert.ok(matches('sel:\n    Port|lte: 1024\ncondition: sel', { Port: '1024' }));
    assert.ok(matches('sel:\n    Port|gt: 1024\ncondition: sel', { Port: 1025 }));
    assert.ok(matches('sel:\n    Port|gte: 1024\ncondition: sel', { Port: 1024 }));
    assert.ok(!matches('sel:\n    Port|gte: 1024\ncondition: sel', { Port: 'abc' }));
    assert.match(rejected('sel:\n    Port|gt: many\ncondition: sel'), /needs a number/);
  });
  test('cidr IPv4 and IPv6', () => {
    const det =
      "sel:\n    DestinationIp|cidr:\n        - '10.0.0.0/8'\n        - 'fe80::/10'\ncondition: sel";
    assert.ok(matches(det, { DestinationIp: '10.1.2.3' }));
    assert.ok(!matches(det, { DestinationIp: '11.1.2.3' }));
    assert.ok(matches(det, { DestinationIp: 'FE80::1' }));
    assert.ok(!matches(det, { DestinationIp: '2001:db8::1' }));
    assert.ok(!matches(det, { DestinationIp: 'not an ip' }));
    assert.ok(
      matches("sel:\n    DestinationIp|cidr: '::ffff:0:0/96'\ncondition: sel", { DestinationIp: '1.2.3.4' }),
    );
    assert.match(rejected("sel:\n    DestinationIp|cidr: '10.0.0.0/33'\ncondition: sel"), /CIDR/);
  });
  test('time modifiers', () => {
    const t = '2024-03-05T22:15:30Z';
    assert.ok(matches('sel:\n    UtcTime|hour: 22\ncondition: sel', { UtcTime: t }));
    assert.ok(!matches('sel:\n    UtcTime|hour: 21\ncondition: sel', { UtcTime: t }));
    assert.ok(matches('sel:\n    UtcTime|minute: 15\ncondition: sel', { UtcTime: t }));
    assert.ok(matches('sel:\n    UtcTime|day: 5\ncondition: sel', { UtcTime: t }));
    assert.ok(matches('sel:\n    UtcTime|week: 10\ncondition: sel', { UtcTime: t }));
    assert.ok(matches('sel:\n    UtcTime|month: 3\ncondition: sel', { UtcTime: t }));
    assert.ok(matches('sel:\n    UtcTime|year: 2024\ncondition: sel', { UtcTime: t }));
    assert.ok(
      matches('sel:\n    UtcTime|hour|gte: 20\ncondition: sel', { UtcTime: '2024-03-05 22:15:30.123' }),
    );
  });
  test('fieldref compares two fields', () => {
    const det = 'sel:\n    ParentImage|fieldref: Image\ncondition: sel';
    assert.ok(matches(det, { Image: 'C:\\a.exe', ParentImage: 'c:\\A.EXE' }));
    assert.ok(!matches(det, { Image: 'C:\\a.exe', ParentImage: 'c:\\b.exe' }));
    assert.ok(!matches(det, { ParentImage: 'c:\\b.exe' }));
    assert.ok(
      matches('sel:\n    CommandLine|fieldref|contains: Image\ncondition: sel', {
        Image: 'x.exe',
        CommandLine: 'run X.EXE now',
      }),
    );
  });
  test('expand resolves placeholders, rejects unresolved ones', () => {
    const det = "sel:\n    User|expand: '%admins%'\ncondition: sel";
    const opts = { placeholders: { admins: ['root', 'adm_*'] } };
    assert.ok(matches(det, { User: 'adm_bob' }, opts));
    assert.ok(matches(det, { User: 'ROOT' }, opts));
    assert.ok(!matches(det, { User: 'bob' }, opts));
    assert.match(rejected(det), /unresolved placeholder %admins%/);
  });
  test('unknown modifier is rejected with the rule line', () => {
    const r = load('sel:\n    User|bogus: x\ncondition: sel');
    assert.equal(r.rejected.length, 1);
    assert.match(r.rejected[0]?.reason ?? '', /unknown value modifier 'bogus'/);
    assert.equal(r.rejected[0]?.line, 8);
  });
});

describe('keywords', () => {
  test('keywords search every string value', () => {
    const det = "keywords:\n    - mimikatz\n    - 'sekurlsa::'\ncondition: keywords";
    assert.ok(matches(det, { CommandLine: 'run MIMIKATZ.exe' }));
    assert.ok(matches(det, { Nested: { Deep: ['x', 'sekurlsa::logonpasswords'] } }));
    assert.ok(!matches(det, { CommandLine: 'notepad' }));
  });
  test('keywords with wildcards, and |all', () => {
    assert.ok(
      matches("keywords:\n    - 'evil*tool'\ncondition: keywords", { Message: 'an evil little tool' }),
    );
    const det = "keywords:\n    '|all':\n        - alpha\n        - beta\ncondition: keywords";
    assert.ok(matches(det, { A: 'alpha', B: 'beta' }));
    assert.ok(!matches(det, { A: 'alpha' }));
  });
});
