import type { VigilEvent } from '@vigil/core';

/**
 * A small, realistic ECS event set for the evaluator's tests: Windows process creation, sshd
 * authentication, web access and CloudTrail. Values deliberately mix types and case
 * (event.code as string and number, `Alice`/`alice`, `http.response.bytes` "2048") to pin semantics.
 */
function ev(id: string, ts: string, body: Record<string, unknown>): VigilEvent {
  return {
    '@timestamp': ts,
    ...body,
    vigil: { id, workspace: 'default', data_space: 'default', received_at: ts },
  };
}

export const fixtureEvents: VigilEvent[] = [
  ev('win-1', '2026-03-01T10:05:00.000Z', {
    event: {
      kind: 'event',
      category: ['process'],
      type: ['start'],
      code: '4688',
      dataset: 'windows.security',
    },
    host: { name: 'ws-01' },
    user: { name: 'alice', domain: 'CORP' },
    process: {
      name: 'cmd.exe',
      pid: 4120,
      command_line: 'cmd.exe /c whoami',
      executable: 'C:\\Windows\\System32\\cmd.exe',
      parent: { name: 'explorer.exe' },
    },
    raw: { EventID: 4688, NewProcessName: 'C:\\Windows\\System32\\cmd.exe', SubjectUserName: 'alice' },
  }),
  ev('win-2', '2026-03-01T10:20:00.000Z', {
    event: {
      kind: 'event',
      category: ['process'],
      type: ['start'],
      code: '1',
      dataset: 'windows.sysmon_operational',
    },
    host: { name: 'ws-01' },
    user: { name: 'Alice', domain: 'CORP' },
    process: {
      name: 'powershell.exe',
      pid: 5200,
      command_line: 'powershell.exe -nop -enc SQBFAFgA',
      executable: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      parent: { name: 'cmd.exe' },
    },
    raw: {
      EventID: 1,
      Image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      CommandLine: 'powershell.exe -nop -enc SQBFAFgA',
      ParentImage: 'C:\\Windows\\System32\\cmd.exe',
    },
  }),
  ev('win-3', '2026-03-01T11:10:00.000Z', {
    event: { kind: 'event', category: ['process'], type: ['start'], code: 4688, dataset: 'windows.security' },
    host: { name: 'ws-02' },
    user: { name: 'bob' },
    process: { name: 'PowerShell.EXE', pid: 812, command_line: 'PowerShell.EXE -File backup.ps1' },
    raw: {
      EventID: '4688',
      NewProcessName: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\PowerShell.EXE',
    },
  }),
  ev('ssh-1', '2026-03-01T10:01:00.000Z', {
    message: 'Failed password for root from 203.0.113.5 port 52211 ssh2',
    event: {
      kind: 'event',
      category: ['authentication'],
      type: ['start'],
      action: 'ssh_login',
      outcome: 'failure',
    },
    host: { name: 'srv-01' },
    user: { name: 'root' },
    source: { ip: '203.0.113.5', port: 52211 },
    process: { name: 'sshd', pid: 901 },
  }),
  ev('ssh-2', '2026-03-01T10:02:00.000Z', {
    message: 'Failed password for invalid user admin from 203.0.113.5 port 52213 ssh2',
    event: {
      kind: 'event',
      category: ['authentication'],
      type: ['start'],
      action: 'ssh_login',
      outcome: 'failure',
    },
    host: { name: 'srv-01' },
    user: { name: 'admin' },
    source: { ip: '203.0.113.5', port: 52213 },
    process: { name: 'sshd', pid: 902 },
  }),
  ev('ssh-3', '2026-03-01T10:45:00.000Z', {
    message: 'Failed password for root from 2001:db8::42 port 40022 ssh2',
    event: {
      kind: 'event',
      category: ['authentication'],
      type: ['start'],
      action: 'ssh_login',
      outcome: 'failure',
    },
    host: { name: 'srv-01' },
    user: { name: 'root' },
    source: { ip: '2001:0db8:0000:0000:0000:0000:0000:0042', port: 40022 },
    process: { name: 'sshd', pid: 903 },
  }),
  ev('ssh-4', '2026-03-01T11:30:00.000Z', {
    message: 'Accepted publickey for alice from 10.1.2.3 port 50000 ssh2',
    event: {
      kind: 'event',
      category: ['authentication'],
      type: ['start'],
      action: 'ssh_login',
      outcome: 'success',
    },
    host: { name: 'srv-01' },
    user: { name: 'alice' },
    source: { ip: '10.1.2.3', port: 50000 },
    process: { name: 'sshd', pid: 904 },
  }),
  ev('web-1', '2026-03-01T10:10:00.000Z', {
    message: '198.51.100.7 - - [01/Mar/2026:10:10:00 +0000] "GET /login HTTP/1.1" 200 512 "-" "curl/8.5.0"',
    event: { kind: 'event', category: ['web'], type: ['access'], outcome: 'success' },
    host: { name: 'web-01' },
    source: { ip: '198.51.100.7' },
    url: { path: '/login' },
    http: { request: { method: 'GET' }, response: { status_code: 200, bytes: 512 } },
    user_agent: { original: 'curl/8.5.0' },
  }),
  ev('web-2', '2026-03-01T10:11:00.000Z', {
    message:
      '198.51.100.7 - - [01/Mar/2026:10:11:00 +0000] "GET /wp-admin HTTP/1.1" 404 153 "-" "sqlmap/1.8"',
    event: { kind: 'event', category: ['web'], type: ['access'], outcome: 'failure' },
    host: { name: 'web-01' },
    source: { ip: '198.51.100.7' },
    url: { path: '/wp-admin' },
    http: { request: { method: 'GET' }, response: { status_code: 404, bytes: 153 } },
    user_agent: { original: 'sqlmap/1.8' },
  }),
  ev('web-3', '2026-03-01T11:55:00.000Z', {
    message: '::ffff:10.0.0.9 - - [01/Mar/2026:11:55:00 +0000] "POST /api/v1/search HTTP/1.1" 500 2048',
    event: { kind: 'event', category: ['web'], type: ['access'], outcome: 'failure' },
    host: { name: 'web-01' },
    source: { ip: '::ffff:10.0.0.9' },
    url: { path: '/api/v1/search' },
    http: { request: { method: 'POST' }, response: { status_code: 500, bytes: '2048' } },
  }),
  ev('ct-1', '2026-03-01T12:00:00.000Z', {
    event: {
      kind: 'event',
      category: ['authentication'],
      type: ['start'],
      action: 'ConsoleLogin',
      outcome: 'failure',
      dataset: 'aws.cloudtrail',
    },
    cloud: { provider: 'aws', region: 'eu-west-1', account: { id: '123456789012' } },
    user: { name: 'Mallory' },
    source: { ip: '192.0.2.10' },
    raw: {
      eventName: 'ConsoleLogin',
      eventSource: 'signin.amazonaws.com',
      errorMessage: 'Failed authentication',
      responseElements: { ConsoleLogin: 'Failure' },
      userIdentity: { type: 'IAMUser', userName: 'Mallory' },
    },
  }),
  ev('ct-2', '2026-03-01T12:30:00.000Z', {
    event: {
      kind: 'event',
      category: ['iam'],
      type: ['user', 'creation'],
      action: 'CreateUser',
      outcome: 'success',
      dataset: 'aws.cloudtrail',
    },
    cloud: { provider: 'aws', region: 'eu-west-1', account: { id: '123456789012' } },
    user: { name: 'Mallory', target: { name: 'backdoor' } },
    source: { ip: '192.0.2.10' },
    raw: {
      eventName: 'CreateUser',
      eventSource: 'iam.amazonaws.com',
      requestParameters: { userName: 'backdoor' },
      userIdentity: { type: 'IAMUser', userName: 'Mallory' },
    },
  }),
];
