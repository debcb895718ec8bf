import { importAuditPublicKey } from '@vigil/identity';
import { createLogger, loadAuditPublicKey, verifyStoredAudit, withIdentityStores } from '@vigil/server';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../command.ts';
import { configFlagOptions, configFlagUsage, configFromFlags } from '../config-flags.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

const FLAGS = ['data-dir', 'mode', 'log-level'] as const;

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: 'Verify the audit log hash chain and signed checkpoints',
  usage: `Usage: vigil audit verify [--data-dir DIR] [--config FILE] [--json]

Re-computes the hash chain of every audit record and checks each Ed25519-signed checkpoint against
the installation's public key. Exits 0 when intact, 1 when any record was modified, deleted,
inserted or reordered, or a checkpoint does not match (each problem is listed with its seq).
Needs no master key: only the public half of the signing key is used.

Options:
${configFlagUsage(FLAGS)}
  --json              Print the verification as JSON
  -h, --help          Show this help`,
  async run(args, io) {
    const { values } = parseCommandArgs('audit verify', args, {
      ...configFlagOptions(FLAGS),
      json: { type: 'boolean' },
    });
    const config = configFromFlags(values, io);
    const logger = createLogger({ level: config.log.level === 'info' ? 'warn' : config.log.level });
    const result = await withIdentityStores(config, logger, async (stores, storage) => {
      const encoded = await loadAuditPublicKey(storage.metadata);
      if (encoded === undefined) return undefined;
      return verifyStoredAudit(stores.audit, importAuditPublicKey(encoded));
    });
    if (result === undefined) {
      io.stderr.write('vigil: audit verify: no audit signing key yet (Vigil has never been started here)\n');
      return EXIT_FAILURE;
    }
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(result)}\n`);
    } else if (result.ok) {
      io.stdout.write(
        `audit log intact: ${result.records} records, signed through seq ${result.verifiedThrough}` +
          `${result.unsignedTail > 0 ? ` (${result.unsignedTail} newer records not yet checkpointed)` : ''}\n`,
      );
    } else {
      io.stdout.write(
        `audit log TAMPERED: ${result.problems.length} problem(s) in ${result.records} records\n`,
      );
      for (const p of result.problems) {
        io.stdout.write(`  seq ${p.seq}: ${p.problem}${p.count === undefined ? '' : ` (${p.count})`}\n`);
      }
    }
    return result.ok ? EXIT_OK : EXIT_FAILURE;
  },
};
