import type { Command } from './command.ts';

/** `vigil --help`: every command with its summary. */
export function generalHelp(registry: readonly Command[]): string {
  const width = Math.max(...registry.map((c) => c.name.length));
  return [
    'Usage: vigil <command> [options]',
    '',
    'Vigil: self-hosted security monitoring (SIEM) and response (SOAR).',
    '',
    'Commands:',
    ...registry.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  Show help for a command (vigil help <command>)`,
    '',
    'Every command has --help. Exit status: 0 ok, 1 runtime or input error, 2 usage error.',
    'Configuration: --config FILE or VIGIL_CONFIG, VIGIL_* variables (see `vigil config print`).',
    '',
  ].join('\n');
}

/** `vigil config` alone: the sub-commands of a group. */
export function groupHelp(group: string, members: readonly Command[]): string {
  return [`Usage: vigil ${group} <command>`, '', ...members.map((c) => `  ${c.name}  ${c.summary}`), ''].join(
    '\n',
  );
}
