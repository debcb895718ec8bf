import { systemClock, userError } from '@vigil/core';
import { AuditTrail } from '@vigil/identity';
import {
  createLogger,
  describeRewrapReport,
  loadMasterKeyring,
  openCasesStores,
  masterKeyFilePath,
  rewrapStoredSecrets,
  rotatedKeyring,
  sealedValueOwners,
  withIdentityStores,
  writeMasterKeyFile,
} from '@vigil/server';
import { EXIT_OK, type Command } from '../command.ts';
import { configFlagOptions, configFlagUsage, configFromFlags } from '../config-flags.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { cliClientId } from './setup.ts';

const FLAGS = ['data-dir', 'mode', 'log-level'] as const;

export const keysRotateCommand: Command = {
  name: 'keys rotate',
  summary: 'Rotate the master key: new key, stored secrets re-wrapped',
  usage: `Usage: vigil keys rotate [--retire-previous] [--data-dir DIR] [--config FILE]

Writes a new master key to the key file (the old one stays in the file as a previous key, so values
sealed under it still open), then re-wraps the data key of every stored secret (audit signing key,
TOTP seeds, incident/alert attachments) under the new key without decrypting the secrets
themselves. Running servers reload the key file within a minute, on SIGHUP, or as soon as they meet
a value sealed under a key they do not hold, so nothing needs a restart. After that,
--retire-previous re-wraps anything sealed meanwhile and removes the previous keys from the file.
Keys given in VIGIL_MASTER_KEY are rotated by whoever manages that variable.

Options:
  --retire-previous   Re-wrap under the current key and drop the previous keys (no new key)
${configFlagUsage(FLAGS)}
  -h, --help          Show this help`,
  async run(args, io) {
    const { values } = parseCommandArgs('keys rotate', args, {
      ...configFlagOptions(FLAGS),
      'retire-previous': { type: 'boolean' },
    });
    const config = configFromFlags(values, io);
    if (config.security.masterKey !== undefined) {
      throw userError(
        'MASTER_KEY_FROM_ENV',
        'keys rotate: the master key comes from VIGIL_MASTER_KEY; rotate it there',
      );
    }
    const logger = createLogger({ level: config.log.level === 'info' ? 'warn' : config.log.level });
    const path = masterKeyFilePath(config);
    const current = loadMasterKeyring(config, { create: false });
    const retire = values['retire-previous'] === true;
    const ring = retire ? current : rotatedKeyring(current);
    // The file first: should re-wrapping stop half-way, both keys are still there to open every value.
    if (!retire) writeMasterKeyFile(path, ring);
    const report = await withIdentityStores(config, logger, async (stores, storage) => {
      const cases = await openCasesStores(config, logger);
      const done = await rewrapStoredSecrets(
        ring,
        sealedValueOwners({ identity: stores, metadata: storage.metadata, attachments: cases.attachments }),
      ).finally(() => cases.close());
      await new AuditTrail(stores.audit, systemClock).record({
        event_type: 'secrets.rewrapped',
        user_id: null,
        resource: `master_key:${ring.current.id}`,
        workspace: null,
        client_ip: null,
        client_id: cliClientId('keys rotate'),
        result: 'success',
        request_id: null,
        details: { rewrapped: done, retiredPrevious: retire },
      });
      return done;
    });
    if (retire) writeMasterKeyFile(path, { current: ring.current, previous: [] });
    io.stdout.write(
      `${retire ? 'Previous master keys retired' : `New master key ${ring.current.id} is current`}; ` +
        `re-wrapped: ${describeRewrapReport(report)}.\n`,
    );
    if (!retire)
      io.stdout.write(
        'Running servers reload the key file within a minute (or now: send them SIGHUP); then run `vigil keys rotate --retire-previous`.\n',
      );
    return EXIT_OK;
  },
};
