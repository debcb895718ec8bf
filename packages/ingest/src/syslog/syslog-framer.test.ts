import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SyslogFramer } from './syslog-framer.ts';

const texts = (frames: { text: string }[]) => frames.map((f) => f.text);

test('newline framing, split across chunks, CRLF and a last line without LF', () => {
  const f = new SyslogFramer(1024);
  assert.deepEqual(texts(f.push(Buffer.from('<13>Jan  1 00:00:00 h a: one\r\n<13>Jan  1 00:00:00 h a: t'))), [
    '<13>Jan  1 00:00:00 h a: one',
  ]);
  assert.deepEqual(texts(f.push(Buffer.from('wo\n\n<13>x'))), ['<13>Jan  1 00:00:00 h a: two']);
  assert.deepEqual(texts(f.end()), ['<13>x']);
});

test('octet counting, including multi-byte characters, split headers, and mixed framing', () => {
  const msg = '<165>1 2026-01-01T00:00:00Z h app - - - héllo';
  const frame = `${Buffer.byteLength(msg)} ${msg}`;
  const f = new SyslogFramer(1024);
  const all = Buffer.from(`${frame}${frame}<13>plain line\n`);
  const out = [...f.push(all.subarray(0, 2)), ...f.push(all.subarray(2, 30)), ...f.push(all.subarray(30))];
  assert.deepEqual(texts(out), [msg, msg, '<13>plain line']);
});

test('over-long messages are cut at the limit, flagged, and the rest skipped', () => {
  const f = new SyslogFramer(10);
  const out = f.push(Buffer.from(`${'a'.repeat(25)}\nshort\n`));
  assert.deepEqual(out, [
    { text: 'aaaaaaaaaa', truncated: true },
    { text: 'short', truncated: false },
  ]);
  const g = new SyslogFramer(10);
  const big = `<1>${'b'.repeat(30)}`;
  const out2 = g.push(Buffer.from(`${big.length} ${big}5 <1>ok`));
  assert.deepEqual(out2, [
    { text: '<1>bbbbbbb', truncated: true },
    { text: '<1>ok', truncated: false },
  ]);
});

test('octet-counted frames may start with a token prefix', () => {
  const msg = 'vigil_it_x <13>1 - h a - - - hi';
  const f = new SyslogFramer(1024);
  assert.deepEqual(texts(f.push(Buffer.from(`${Buffer.byteLength(msg)} ${msg}`))), [msg]);
});
