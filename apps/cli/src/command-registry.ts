import type { Command } from './command.ts';
import { serveCommand } from './commands/serve.ts';
import { workerCommand } from './commands/worker.ts';
import { migrateCommand } from './commands/migrate.ts';
import { configPrintCommand } from './commands/config-print.ts';
import { configReferenceCommand } from './commands/config-reference.ts';
import { versionCommand } from './commands/version.ts';
import { detectCommand } from './commands/detect.ts';
import { sigmaCheckCommand } from './commands/sigma-check.ts';
import { setupCommand } from './commands/setup.ts';
import { auditVerifyCommand } from './commands/audit-verify.ts';
import { tokensCreateCommand } from './commands/tokens-create.ts';
import { keysRotateCommand } from './commands/keys-rotate.ts';
import { ingestCommand } from './commands/ingest.ts';
import { attackImportCommand } from './commands/attack-import.ts';
import { rolesGrantPlatformCommand, rolesRevokePlatformCommand } from './commands/roles-platform.ts';

/**
 * Every `vigil` command, in the order `vigil --help` lists them. Adding a command is one entry here
 * (plus its import); nested names such as `sigma check` are written with a space.
 */
export const commands: readonly Command[] = [
  serveCommand,
  setupCommand,
  workerCommand,
  migrateCommand,
  auditVerifyCommand,
  tokensCreateCommand,
  keysRotateCommand,
  rolesGrantPlatformCommand,
  rolesRevokePlatformCommand,
  ingestCommand,
  attackImportCommand,
  detectCommand,
  sigmaCheckCommand,
  configPrintCommand,
  configReferenceCommand,
  versionCommand,
];

export interface CommandMatch {
  command: Command;
  /** The arguments after the command's name. */
  args: string[];
}

/** Finds the command named by the leading words of argv (longest name first). */
export function findCommand(registry: readonly Command[], argv: readonly string[]): CommandMatch | undefined {
  const byLength = [...registry].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of byLength) {
    const words = command.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) return { command, args: argv.slice(words.length) };
  }
  return undefined;
}

/** Commands under a group word (`config` → `config print`), for `vigil config` without a sub-command. */
export function commandsInGroup(registry: readonly Command[], group: string): Command[] {
  return registry.filter((c) => c.name.startsWith(`${group} `));
}
