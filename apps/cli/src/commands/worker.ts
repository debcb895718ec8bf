import { createLogger } from '@vigil/server';
import { startWorker } from '@vigil/worker';
import { EXIT_OK, type Command } from '../command.ts';
import { configFlagOptions, configFlagUsage, configFromFlags } from '../config-flags.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { runUntilSignal } from '../run-until-signal.ts';

const FLAGS = ['log-level'] as const;

export const workerCommand: Command = {
  name: 'worker',
  summary: 'Run the distributed-mode pipeline consumers (needs VIGIL_PG_URL and VIGIL_NATS_URL)',
  usage: `Usage: vigil worker [--config FILE] [--log-level LEVEL]

Runs the pipeline consumers of distributed mode against PostgreSQL (VIGIL_PG_URL) and NATS JetStream
(VIGIL_NATS_URL); start as many as the load needs. Prints "Vigil worker is running" once consuming.
SIGTERM or Ctrl-C stops it gracefully (in-flight batches are stored and acknowledged first).

Options:
${configFlagUsage(FLAGS)}
  -h, --help          Show this help`,
  async run(args, io) {
    const { values } = parseCommandArgs('worker', args, configFlagOptions(FLAGS));
    const config = configFromFlags(values, io);
    const logger = createLogger({ level: config.log.level });
    const worker = await startWorker(config, { logger });
    // Handlers first: whoever waits for the line below may signal at once.
    const stopped = runUntilSignal({
      close: () => worker.close(),
      timeoutMs: config.server.shutdownTimeoutMs,
      logger,
      io,
    });
    io.stdout.write('Vigil worker is running\n');
    await stopped;
    return EXIT_OK;
  },
};
