import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isVigilError, userError } from '@vigil/core';
import { AttackMatrixStore, createLogger, importAttackBundle, withIdentity } from '@vigil/server';
import { EXIT_OK, type Command } from '../command.ts';
import { configFlagOptions, configFlagUsage, configFromFlags } from '../config-flags.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { usageError } from '../usage-error.ts';
import { cliClientId } from './setup.ts';

const FLAGS = ['data-dir', 'mode', 'log-level'] as const;

/** A refused bundle: the message lists every problem found (the API answers them in `details`). */
function withProblems(err: unknown): unknown {
  if (!isVigilError(err) || err.code !== 'INVALID_ATTACK_BUNDLE') return err;
  const problems = (err.details?.['problems'] ?? []) as { path: string; message: string }[];
  if (problems.length < 2) return err;
  const list = problems.map((p) => `\n  ${p.path}: ${p.message}`).join('');
  return userError(err.code, `${err.message}; all problems:${list}`, { cause: err });
}

export const attackImportCommand: Command = {
  name: 'attack import',
  summary: 'Import the ATT&CK Enterprise STIX bundle used by the coverage matrix',
  usage: `Usage: vigil attack import FILE [--data-dir DIR]

Reads an ATT&CK Enterprise STIX 2.x bundle (enterprise-attack.json, or .json.gz), checks it and
stores its compact matrix (tactics, techniques, sub-techniques, platforms, data sources) for every
workspace's coverage page. Deprecated and revoked techniques are dropped. Nothing is fetched from
the network: download the bundle from MITRE (mitre-attack/attack-stix-data) and import it here.
A re-import replaces the previous matrix. A refused file changes nothing.

Options:
${configFlagUsage(FLAGS)}
  -h, --help          Show this help`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('attack import', args, configFlagOptions(FLAGS), true);
    if (positionals.length !== 1)
      throw usageError('exactly one FILE is required (see `vigil attack import --help`)');
    const file = resolve(io.cwd, positionals[0] ?? '');
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (cause) {
      throw userError('FILE_UNREADABLE', `cannot read ${file}: ${(cause as Error).message}`, { cause });
    }
    const config = configFromFlags(values, io);
    const logger = createLogger({ level: config.log.level === 'info' ? 'warn' : config.log.level });
    const clientId = cliClientId('attack import');
    const result = await withIdentity(config, logger, async (rt, storage) => {
      const imported = await importAttackBundle(new AttackMatrixStore(storage.metadata), bytes, {
        now: rt.clock.now(),
      }).catch((err: unknown) => {
        throw withProblems(err);
      });
      await rt.audit.record({
        event_type: 'attack.bundle_imported',
        user_id: null,
        resource: 'attack-matrix:enterprise',
        workspace: null,
        client_ip: null,
        client_id: clientId,
        result: 'success',
        request_id: null,
        details: {
          techniques: imported.techniques,
          subtechniques: imported.subtechniques,
          sha256: imported.sha256,
        },
      });
      return imported;
    });
    for (const w of result.warnings)
      io.stderr.write(`vigil attack import: warning: ${w.path}: ${w.message}\n`);
    io.stdout.write(
      `Imported ATT&CK Enterprise${result.attackVersion === undefined ? '' : ` ${result.attackVersion}`}: ` +
        `${result.tactics} tactics, ${result.techniques} techniques, ${result.subtechniques} sub-techniques ` +
        `(bundle modified ${result.modified}, sha256 ${result.sha256.slice(0, 12)}…)\n`,
    );
    return EXIT_OK;
  },
};
