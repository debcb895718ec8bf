// Test support: Sigma rules and Vigil-shaped events for the detection and rules tests.
import type { VigilEvent } from '@vigil/core';

export const WHOAMI_ID = '6b3c4d6e-0000-4000-8000-000000000001';
export const FAILED_ID = '6b3c4d6e-0000-4000-8000-000000000002';
export const BRUTE_ID = '6b3c4d6e-0000-4000-8000-000000000003';

export const whoamiRule = (level = 'high') => `title: Whoami Execution
id: ${WHOAMI_ID}
status: test
level: ${level}
tags:
  - attack.discovery
  - attack.t1033
logsource:
  category: process_creation
  product: windows
detection:
  selection:
    Image|endswith: '\\whoami.exe'
  condition: selection
`;

export const failedLogonRule = `title: Failed Logon
id: ${FAILED_ID}
name: failed_logon
status: stable
level: low
logsource:
  product: windows
  service: security
detection:
  selection:
    EventID: 4625
  condition: selection
`;

export const bruteForceCorrelation = `title: Brute Force
id: ${BRUTE_ID}
status: experimental
level: critical
correlation:
  type: event_count
  rules:
    - failed_logon
  group-by:
    - TargetUserName
  timespan: 5m
  condition:
    gte: 3
`;

let seq = 0;

/** A stored-shape event (ECS + `raw` vendor fields + `vigil.*`). */
export function vigilEvent(
  raw: Record<string, unknown>,
  at: string,
  workspace = 'ws-a',
  dataSpace = 'default',
): VigilEvent {
  seq++;
  return {
    '@timestamp': at,
    raw,
    vigil: { id: `ev-${seq}`, workspace, data_space: dataSpace, received_at: at },
  };
}

export const sysmonProcess = (image: string, extra: Record<string, unknown> = {}) => ({
  EventID: 1,
  Channel: 'Microsoft-Windows-Sysmon/Operational',
  Image: image,
  CommandLine: image,
  ...extra,
});

export const failedLogon = (user: string) => ({ EventID: 4625, Channel: 'Security', TargetUserName: user });
