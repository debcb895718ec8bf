import { authenticateCliActor, changePlatformRole, createLogger, withIdentity } from '@vigil/server';
import { EXIT_OK, type Command } from '../command.ts';
import { configFlagOptions, configFlagUsage, configFromFlags } from '../config-flags.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { usageError } from '../usage-error.ts';
import { cliClientId, readSecretLine } from './setup.ts';

const FLAGS = ['data-dir', 'mode', 'log-level'] as const;

function platformRoleCommand(action: 'grant' | 'revoke'): Command {
  const name = `roles ${action}-platform`;
  return {
    name,
    summary:
      action === 'grant'
        ? 'Grant a platform role (operator, security-manager, platform-admin) as a platform admin'
        : 'Revoke a platform role as a platform admin',
    usage: `Usage: vigil ${name} --user NAME --role ROLE --as ADMIN --password-stdin [--totp CODE] [--data-dir DIR]

${action === 'grant' ? 'Grants' : 'Revokes'} an installation-level role. The command acts as the account
ADMIN, which must hold platform.roles.manage (the set-up owner does, as platform-admin); its password
is read from the first line of standard input, and its TOTP code is needed when it has enrolled one.
One account never holds both operator and security-manager (operator access needs two people).
Every attempt is audited.

Example: printf '%s\\n' "$ADMIN_PASSWORD" | vigil ${name} --user carol --role security-manager --as alice --password-stdin

Options:
  --user NAME         Account whose role changes
  --role ROLE         operator | security-manager | platform-admin
  --as ADMIN          Platform administrator performing the change
  --password-stdin    Read ADMIN's password from standard input (required)
  --totp CODE         ADMIN's current TOTP (or recovery) code, when enrolled
${configFlagUsage(FLAGS)}
  -h, --help          Show this help`,
    async run(args, io) {
      const { values } = parseCommandArgs(name, args, {
        ...configFlagOptions(FLAGS),
        user: { type: 'string' },
        role: { type: 'string' },
        as: { type: 'string' },
        totp: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      });
      const { user, role, as } = values;
      for (const [flag, value] of [
        ['--user NAME', user],
        ['--role ROLE', role],
        ['--as ADMIN', as],
      ] as const) {
        if (typeof value !== 'string' || value === '')
          throw usageError(`${flag} is required (see \`vigil ${name} --help\`)`);
      }
      if (values['password-stdin'] !== true) {
        throw usageError('--password-stdin is required: passwords are never taken from the command line');
      }
      const password = await readSecretLine(io);
      const config = configFromFlags(values, io);
      const logger = createLogger({ level: config.log.level === 'info' ? 'warn' : config.log.level });
      const clientId = cliClientId(name);
      const result = await withIdentity(config, logger, async (rt) => {
        const actor = await authenticateCliActor(rt, {
          username: String(as),
          password,
          ...(typeof values.totp === 'string' ? { totp: values.totp } : {}),
          clientId,
        });
        return changePlatformRole(rt, {
          actor,
          action,
          user: { username: String(user) },
          roleId: String(role),
          audit: { client_ip: null, client_id: clientId, request_id: null },
        });
      });
      const verb = action === 'grant' ? (result.changed ? 'now holds' : 'already held') : 'no longer holds';
      io.stdout.write(`${result.user.username} ${verb} platform role ${String(role)}.\n`);
      return EXIT_OK;
    },
  };
}

export const rolesGrantPlatformCommand = platformRoleCommand('grant');
export const rolesRevokePlatformCommand = platformRoleCommand('revoke');
