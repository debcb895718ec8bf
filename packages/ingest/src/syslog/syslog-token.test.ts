import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSyslogToken } from './syslog-token.ts';

const T = 'vigil_it_0123456789abcdef_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';

test('the vigil@32473 element is taken out of RFC 5424 structured data, other elements kept', () => {
  const m = `<13>1 2026-01-01T00:00:00Z vm lg - - [timeQuality tzKnown="1"][vigil@32473 token="${T}"] hello`;
  assert.deepEqual(splitSyslogToken(m), {
    text: '<13>1 2026-01-01T00:00:00Z vm lg - - [timeQuality tzKnown="1"] hello',
    token: T,
  });
  const only = `<13>1 - vm lg - - [vigil@32473 token="${T}"] hi`;
  assert.deepEqual(splitSyslogToken(only), { text: '<13>1 - vm lg - - - hi', token: T });
  const noMsg = `<13>1 - vm lg - - [vigil@32473 token="${T}"]`;
  assert.deepEqual(splitSyslogToken(noMsg), { text: '<13>1 - vm lg - - -', token: T });
});

test('escaped values, other parameters and an empty token', () => {
  const m = '<13>1 - h a - - [vigil@32473 note="a \\"q\\" \\]" token="x\\\\y"][b@1 k="v"] m';
  assert.deepEqual(splitSyslogToken(m), { text: '<13>1 - h a - - [b@1 k="v"] m', token: 'x\\y' });
  // A vigil element without a usable token is still removed (it may hold a mistyped secret).
  assert.deepEqual(splitSyslogToken('<13>1 - h a - - [vigil@32473 token=""] m'), {
    text: '<13>1 - h a - - - m',
  });
});

test('a token prefix before the PRI (RFC 3164 senders)', () => {
  assert.deepEqual(splitSyslogToken(`${T} <13>Jan  1 00:00:00 h app: hi`), {
    text: '<13>Jan  1 00:00:00 h app: hi',
    token: T,
  });
});

test('messages without a token, and malformed structured data, are left alone', () => {
  for (const m of [
    '<13>Jan  1 00:00:00 h app: [vigil@32473 token="x"] in a 3164 body',
    '<13>1 - h a - - - [vigil@32473 token="x"] in the MSG part',
    '<13>1 - h a - - [vigil@32473 token="unterminated',
    '<13>1 - h',
    '',
  ]) {
    assert.deepEqual(splitSyslogToken(m), { text: m });
  }
});
