import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sequentialIds, type ManualClock, type Storage } from '@vigil/core';
import { memoryIdentityStores } from '@vigil/identity';
import { loadConfig } from '@vigil/config';
import { buildServer } from '../../build-server.ts';
import { createLogger } from '../../logging/create-logger.ts';
import { fakeBus, fakeStorage } from '../../testing/fake-runtime.ts';
import { registerIssuedSecrets } from '../../testing/register-issued-secrets.ts';
import { testLogSink } from '../../testing/test-log-sink.ts';
import { memoryIdentityRuntime, TEST_PASSWORD_PARAMS } from '../../auth/memory-identity-runtime.ts';
import type { IdentityRuntime } from '../../auth/identity-runtime.ts';
import {
  createCasesRuntime,
  memoryCasesStores,
  type CasesRuntime,
  type CasesStores,
} from '../cases-runtime.ts';

/** Nobody reads the log in these tests, but the run-wide secret scan does. */
function scannedLog(): Writable {
  const scan = testLogSink('cases-server');
  return new Writable({
    write: (chunk: Buffer, _e, cb) => {
      scan(chunk.toString());
      cb();
    },
  });
}
export interface CasesServer {
  app: FastifyInstance;
  identity: IdentityRuntime;
  cases: CasesRuntime;
}

/**
 * A ready server over in-memory identity and cases (ids `c1`, `c2`, …), a fake bus and a log only the
 * secret scan reads; storage is a fake unless given. Route tests add their accounts to `identity`.
 */
export async function casesServer(options: {
  clock: ManualClock;
  storage?: Storage;
  stores?: CasesStores;
  env?: Record<string, string>;
}): Promise<CasesServer> {
  const { clock } = options;
  const identity = await memoryIdentityRuntime({
    clock,
    stores: memoryIdentityStores(),
    passwordParams: TEST_PASSWORD_PARAMS,
  });
  const cases = createCasesRuntime(options.stores ?? memoryCasesStores(), { clock, ids: sequentialIds('c') });
  const config = loadConfig({
    env: { VIGIL_WEB_DIST_DIR: '/nonexistent/dist', VIGIL_LOG_LEVEL: 'warn', ...options.env },
  });
  const app = await buildServer({
    config,
    storage: options.storage ?? fakeStorage(),
    bus: fakeBus(),
    logger: createLogger({ level: 'warn', destination: scannedLog() }),
    version: '0.1.0-test',
    identity,
    cases,
  });
  registerIssuedSecrets(app);
  await app.ready();
  return { app, identity, cases };
}
