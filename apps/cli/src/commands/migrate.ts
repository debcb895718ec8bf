import { createLogger, openStorage, describeFailure } from '@vigil/server';
import { EXIT_OK, type Command } from '../command.ts';
import { configFlagOptions, configFlagUsage, configFromFlags } from '../config-flags.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

const FLAGS = ['data-dir', 'mode', 'log-level'] as const;

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending storage migrations and print what was done',
  usage: `Usage: vigil migrate [--config FILE] [--data-dir DIR] [--mode embedded|distributed] [--json]

Applies pending schema migrations to the configured store (SQLite in the data directory, or
PostgreSQL in distributed mode). Safe to run repeatedly and concurrently. \`serve\` and \`worker\`
migrate at start as well; this command is for doing it ahead of an upgrade.

Options:
${configFlagUsage(FLAGS)}
  --json              Print the report as JSON
  -h, --help          Show this help`,
  async run(args, io) {
    const { values } = parseCommandArgs('migrate', args, {
      ...configFlagOptions(FLAGS),
      json: { type: 'boolean' },
    });
    const config = configFromFlags(values, io);
    const logger = createLogger({ level: config.log.level === 'info' ? 'warn' : config.log.level });
    const { storage, target } = await openStorage(config, logger);
    try {
      const report = await describeFailure('cannot migrate storage', target, () => storage.migrate());
      if (values.json === true) {
        io.stdout.write(`${JSON.stringify({ target, ...report })}\n`);
      } else if (report.applied.length === 0) {
        io.stdout.write(`${target} is up to date (schema version ${report.current})\n`);
      } else {
        io.stdout.write(
          `${target}: applied ${report.applied.join(', ')} (schema version ${report.current})\n`,
        );
      }
    } finally {
      await storage.close();
    }
    return EXIT_OK;
  },
};
