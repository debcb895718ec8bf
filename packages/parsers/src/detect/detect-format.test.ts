import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFormat } from './detect-format.ts';

test('detectFormat recognises each format from one sample', () => {
  const cases: [string | Record<string, unknown>, string][] = [
    ['{"EventID":4688,"Channel":"Security","NewProcessName":"C:\\\\x.exe"}', 'windows'],
    [{ Event: { System: { EventID: 1 } } }, 'windows'],
    [{ winlog: { event_id: '4624', channel: 'Security' } }, 'windows'],
    [{ eventVersion: '1.08', eventSource: 's3.amazonaws.com', eventName: 'GetObject' }, 'cloudtrail'],
    ['{"Records":[{"eventVersion":"1.08","eventSource":"x","eventName":"y"}]}', 'cloudtrail'],
    [{ trace_id: 'a', trace_name: 'login', service_type: 'IAM' }, 'cts'],
    [{ remote_addr: '1.2.3.4', status: 200, request: 'GET / HTTP/1.1' }, 'web-access'],
    [{ level: 'info', msg: 'x' }, 'json'],
    ['CEF:0|a|b|c|d|e|5|src=1.2.3.4', 'cef'],
    ['<134>Mar  4 10:16:00 waf01 CEF:0|a|b|c|d|e|5|', 'cef'],
    ['LEEF:2.0|a|b|c|d|^|src=1.2.3.4', 'leef'],
    ['type=SYSCALL msg=audit(1.0:1): pid=1', 'auditd'],
    ['node=h1 type=EOE msg=audit(1.0:1): ', 'auditd'],
    ['1.2.3.4 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 12 "-" "curl/8"', 'web-access'],
    ['<13>Feb  5 17:32:18 host app[1]: hello', 'syslog'],
    ['<165>1 2003-10-11T22:14:15.003Z host app - - - hello', 'syslog'],
    ['Feb  5 17:32:18 host sshd[1]: Accepted password for a from 1.2.3.4 port 2 ssh2', 'linux-auth'],
    ['srcip=1.2.3.4 dstip=5.6.7.8 action=deny', 'kv'],
    ['just some text', 'text'],
  ];
  for (const [sample, expected] of cases)
    assert.equal(detectFormat(sample), expected, JSON.stringify(sample));
});
