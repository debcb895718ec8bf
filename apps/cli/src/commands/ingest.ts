import { basename, resolve } from 'node:path';
import { userError } from '@vigil/core';
import { createLogger } from '@vigil/server';
import { EXIT_OK, type Command } from '../command.ts';
import { configFlagOptions, configFlagUsage, configFromFlags } from '../config-flags.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { checkIngestArgs, INGEST_FORMATS } from './ingest-args.ts';
import { fileSize, readFileChunks } from './ingest-file-reader.ts';
import { openLocalSink } from './ingest-local.ts';
import { IngestProgress } from './ingest-progress.ts';
import { openRemoteSink } from './ingest-remote.ts';
import type { IngestSink } from './ingest-sink.ts';

const FLAGS = ['data-dir', 'mode', 'log-level'] as const;

const usage = `Usage: vigil ingest FILE... --workspace W [--data-space D] [--format F]
                    [--server URL --token T] [--data-dir DIR] [--config FILE]

Imports log files (plain or .gz; NDJSON, JSON documents or arrays, CloudTrail files, or text lines
in any format Vigil parses). The format is detected unless --format is given. Without --server
the configured storage is opened directly (the server may be running: SQLite allows it); with
--server the events are sent to a running Vigil over HTTP with an ingest token (or set
VIGIL_INGEST_TOKEN). Lines that fail to parse are stored with vigil.parse_error and counted.
Prints a progress line on a terminal and a summary at the end.

Options:
  --workspace W       Workspace to store into (the token's workspace with --server)
  --data-space D      Data space (default: default; with --server it must match the token's)
  --format F          ${INGEST_FORMATS.join(', ')}
  --server URL        Send to a running server instead of opening the storage
  --token T           Ingest token (vigil_it_…) for --server (also VIGIL_INGEST_TOKEN)
${configFlagUsage(FLAGS)}
  -h, --help          Show this help`;

/** \`vigil ingest\` (DESIGN §5): import files locally or into a running server. */
export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Import log files (plain or .gz) locally or into a running server',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'ingest',
      args,
      {
        ...configFlagOptions(FLAGS),
        workspace: { type: 'string' },
        'data-space': { type: 'string' },
        format: { type: 'string' },
        server: { type: 'string' },
        token: { type: 'string' },
      },
      true,
    );
    const opts = checkIngestArgs(values, positionals, io.env);
    const started = performance.now();
    let sink: IngestSink;
    if (opts.server) sink = openRemoteSink(opts.server, opts.workspace, opts.dataSpace);
    else {
      const config = configFromFlags(values, io);
      const level = config.log.level === 'info' ? 'warn' : config.log.level;
      sink = await openLocalSink(config, createLogger({ level }), opts.workspace);
    }
    const progress = new IngestProgress(io.stderr);
    let events = 0;
    let failed = 0;
    try {
      for (const file of opts.files) {
        const path = resolve(io.cwd, file);
        const total = await fileSize(path).catch((cause: unknown) => {
          throw userError('INPUT_UNREADABLE', `cannot read ${file}: ${(cause as Error).message}`, { cause });
        });
        const source = {
          workspace: opts.workspace,
          dataSpace: opts.dataSpace,
          source: `file:${basename(file)}`,
        };
        for await (const chunk of readFileChunks(path, opts.format)) {
          const result = await sink.send(source, chunk.text, opts.format);
          events += result.events;
          failed += result.failed;
          progress.update(basename(file), chunk.fileBytesRead, total, events);
        }
        progress.update(basename(file), total, total, events, true);
      }
    } finally {
      progress.done();
      await sink.close();
    }
    const seconds = (performance.now() - started) / 1000;
    io.stdout.write(
      `files: ${opts.files.length}; events: ${events}; parse failures: ${failed}; seconds: ${seconds.toFixed(3)}\n`,
    );
    return EXIT_OK;
  },
};
