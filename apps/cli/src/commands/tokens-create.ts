import { createLogger, issueIngestToken, withIdentity } from '@vigil/server';
import { EXIT_OK, type Command } from '../command.ts';
import { configFlagOptions, configFlagUsage, configFromFlags } from '../config-flags.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { usageError } from '../usage-error.ts';
import { cliClientId } from './setup.ts';

const FLAGS = ['data-dir', 'mode', 'log-level'] as const;

export const tokensCreateCommand: Command = {
  name: 'tokens create',
  summary: 'Create an ingest token for a workspace data space (printed once)',
  usage: `Usage: vigil tokens create --workspace W [--data-space D] --name N [--data-dir DIR]

Creates an ingest token that may only send events to one data space of one workspace, and prints
it once on standard output (only its hash is stored). Revoke it from the console or the API.

Options:
  --workspace W       Workspace id (e.g. default)
  --data-space D      Data space id (default: default)
  --name N            A name to recognise the token by (e.g. the sending host)
${configFlagUsage(FLAGS)}
  -h, --help          Show this help`,
  async run(args, io) {
    const { values } = parseCommandArgs('tokens create', args, {
      ...configFlagOptions(FLAGS),
      workspace: { type: 'string' },
      'data-space': { type: 'string' },
      name: { type: 'string' },
    });
    const workspaceId = values.workspace;
    const name = values.name;
    if (typeof workspaceId !== 'string' || workspaceId === '')
      throw usageError('--workspace W is required (see `vigil tokens create --help`)');
    if (typeof name !== 'string' || name === '')
      throw usageError('--name N is required (see `vigil tokens create --help`)');
    const dataSpace = typeof values['data-space'] === 'string' ? values['data-space'] : 'default';
    const config = configFromFlags(values, io);
    const logger = createLogger({ level: config.log.level === 'info' ? 'warn' : config.log.level });
    const clientId = cliClientId('tokens create');
    const token = await withIdentity(config, logger, async (rt) => {
      const issued = await issueIngestToken(rt, { workspaceId, dataSpace, name, createdBy: 'cli' });
      await rt.audit.record({
        event_type: 'token.created',
        user_id: null,
        resource: `ingest_token:${issued.record.id}`,
        workspace: workspaceId,
        client_ip: null,
        client_id: clientId,
        result: 'success',
        request_id: null,
        details: { dataSpace },
      });
      return issued.token;
    });
    io.stderr.write(`Ingest token "${name}" for ${workspaceId}/${dataSpace} (shown once; store it now):\n`);
    io.stdout.write(`${token}\n`);
    return EXIT_OK;
  },
};
