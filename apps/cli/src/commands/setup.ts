import { userInfo } from 'node:os';
import { userError } from '@vigil/core';
import { completeSetup, createLogger, validateSetupInput, withIdentity } from '@vigil/server';
import { EXIT_OK, type CliIO, type Command } from '../command.ts';
import { configFlagOptions, configFlagUsage, configFromFlags } from '../config-flags.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { usageError } from '../usage-error.ts';

const FLAGS = ['data-dir', 'mode', 'log-level'] as const;

/** The first line of stdin, without its line ending (a password never comes from argv or the environment). */
export async function readSecretLine(io: CliIO): Promise<string> {
  let text = '';
  for await (const chunk of io.stdin) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text.includes('\n') || text.length > 4096) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Who ran a CLI action, for the audit record's client id. */
export function cliClientId(command: string): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (containers): the command name alone still identifies the channel.
  }
  return `cli:vigil ${command} (os user ${user})`;
}

export const setupCommand: Command = {
  name: 'setup',
  summary: 'Finish first-run set-up from a shell: create the owner account',
  usage: `Usage: vigil setup --admin NAME --password-stdin [--data-dir DIR] [--config FILE]

Creates the first account (owner of workspace "default", with data space "default") without the
one-time setup link, for automation. The password is read from the first line of standard input and
must pass the password policy. Refuses (exit 1) when Vigil is already set up.

Example: printf '%s\\n' "$ADMIN_PASSWORD" | vigil setup --admin alice --password-stdin

Options:
  --admin NAME        Username of the owner account
  --password-stdin    Read the password from standard input (required)
${configFlagUsage(FLAGS)}
  -h, --help          Show this help`,
  async run(args, io) {
    const { values } = parseCommandArgs('setup', args, {
      ...configFlagOptions(FLAGS),
      admin: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    });
    const admin = values.admin;
    if (typeof admin !== 'string' || admin === '')
      throw usageError('--admin NAME is required (see `vigil setup --help`)');
    if (values['password-stdin'] !== true) {
      throw usageError('--password-stdin is required: passwords are never taken from the command line');
    }
    const password = await readSecretLine(io);
    validateSetupInput({ username: admin, password });
    const config = configFromFlags(values, io);
    const logger = createLogger({ level: config.log.level === 'info' ? 'warn' : config.log.level });
    const clientId = cliClientId('setup');
    const user = await withIdentity(config, logger, async (rt) => {
      if ((await rt.stores.users.count()) > 0) {
        throw userError(
          'SETUP_DONE',
          'setup (vigil setup): Vigil is already set up; sign in and manage accounts from there',
        );
      }
      const done = await completeSetup(
        rt,
        { username: admin, password },
        {
          audit: (facts) =>
            rt.audit.record({
              ...facts,
              workspace: facts.workspace ?? null,
              client_ip: null,
              client_id: clientId,
              result: 'success',
              request_id: null,
            }),
        },
      );
      return done.user;
    });
    io.stdout.write(`Set-up complete: ${user.username} owns workspace "default" (data space "default").\n`);
    return EXIT_OK;
  },
};
