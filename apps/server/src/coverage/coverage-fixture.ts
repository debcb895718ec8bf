// Test support: Sigma rules tagged with techniques of the mini ATT&CK fixture bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The small Enterprise bundle of packages/cases (6 live techniques, 14 tactics), as file bytes. */
export const miniBundleBytes = (): Buffer =>
  readFileSync(
    join(import.meta.dirname, '../../../../packages/cases/src/coverage/fixtures/attack-enterprise-mini.json'),
  );

export const POWERSHELL_ID = '7c1e0a52-0000-4000-8000-000000000001';
export const LSASS_ID = '7c1e0a52-0000-4000-8000-000000000002';
export const BRUTE_ID = '7c1e0a52-0000-4000-8000-000000000003';

const rule = (
  id: string,
  title: string,
  tags: string[],
  logsource: string,
  detection: string,
) => `title: ${title}
id: ${id}
status: test
level: high
tags:
${tags.map((t) => `  - ${t}`).join('\n')}
logsource:
${logsource}
detection:
${detection}
  condition: selection
`;

export const coverageRules = [
  {
    path: 'rules/powershell.yml',
    text: rule(
      POWERSHELL_ID,
      'PowerShell Encoded Command',
      ['attack.execution', 'attack.t1059.001'],
      '  product: windows\n  category: process_creation',
      "  selection:\n    Image|endswith: '\\powershell.exe'\n    CommandLine|contains: ' -enc'",
    ),
  },
  {
    path: 'rules/lsass.yml',
    text: rule(
      LSASS_ID,
      'LSASS Access',
      ['attack.credential-access', 'attack.t1003.001'],
      '  product: windows\n  category: process_access',
      "  selection:\n    TargetImage|endswith: '\\lsass.exe'",
    ),
  },
  {
    path: 'rules/brute.yml',
    text: rule(
      BRUTE_ID,
      'Many Failed Logons',
      ['attack.t1110'],
      '  product: windows\n  service: security',
      '  selection:\n    EventID: 4625',
    ),
  },
];

export const encodedPowerShell = {
  EventID: 1,
  Channel: 'Microsoft-Windows-Sysmon/Operational',
  Image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  CommandLine: 'powershell.exe -enc SQBFAFgA',
};
