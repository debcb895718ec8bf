import { createLogger, startServer } from '@vigil/server';
import { EXIT_OK, type Command } from '../command.ts';
import { configFlagOptions, configFlagUsage, configFromFlags, SERVE_FLAGS } from '../config-flags.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { runUntilSignal } from '../run-until-signal.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run Vigil: API, console and ingest (embedded mode by default)',
  usage: `Usage: vigil serve [--config FILE] [--data-dir DIR] [--host H] [--port P] [--tls-self-signed]

Starts the server. Embedded mode (default) keeps everything in the data directory (SQLite);
distributed mode (--mode distributed, VIGIL_PG_URL, VIGIL_NATS_URL) uses PostgreSQL and NATS and
leaves the pipeline to \`vigil worker\`. Prints "Vigil is running at URL" once it accepts requests.
SIGTERM or Ctrl-C stops it gracefully; a second signal forces the exit.

HTTPS: set server.tls.certFile and server.tls.keyFile (VIGIL_TLS_CERT_FILE, VIGIL_TLS_KEY_FILE), or
--tls-self-signed for a first try. A non-loopback --host needs TLS (or server.allowInsecureHttp: true).

Options:
${configFlagUsage(SERVE_FLAGS)}
  --tls-self-signed   Serve HTTPS with a self-signed certificate kept in <data-dir>/tls/ (also VIGIL_TLS_SELF_SIGNED)
  -h, --help          Show this help`,
  async run(args, io) {
    const { values } = parseCommandArgs('serve', args, {
      ...configFlagOptions(SERVE_FLAGS),
      'tls-self-signed': { type: 'boolean' as const },
    });
    // configFromFlags reads string flags; a boolean switch is given as its text form.
    const { 'tls-self-signed': selfSigned, ...strings } = values;
    const config = configFromFlags({ ...strings, ...(selfSigned ? { 'tls-self-signed': 'true' } : {}) }, io);
    const logger = createLogger({ level: config.log.level });
    const server = await startServer(config, { logger });
    // Handlers first: whoever waits for the line below may signal at once.
    const stopped = runUntilSignal({
      close: () => server.close(),
      timeoutMs: config.server.shutdownTimeoutMs,
      logger,
      io,
    });
    io.stdout.write(`Vigil is running at ${server.url}/\n`);
    if (server.tls?.selfSigned) {
      const made = server.tls.generated ? 'created' : 'reused';
      io.stdout.write(
        `Self-signed TLS certificate (${made}: ${server.tls.certFile}), SHA-256 fingerprint ${server.tls.fingerprint256}\n`,
      );
    }
    // First-run set-up: once identity exists, startServer returns a one-time link (no default password).
    if (server.setupLink) io.stdout.write(`Finish set-up (one-time link): ${server.setupLink}\n`);
    await stopped;
    return EXIT_OK;
  },
};
