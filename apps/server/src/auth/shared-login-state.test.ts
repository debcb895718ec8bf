// Two identity runtimes over one database stand for two API processes of a distributed installation:
// a lockout earned on one holds on the other, and an SSO sign-in started on one completes on the other.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, isVigilError } from '@vigil/core';
import { generateMasterKey, type IdentityStores } from '@vigil/identity';
import { openSqliteIdentityStores, openSqliteStorage } from '@vigil/store-sqlite';
import { openPostgresIdentityStores, openPostgresStorage } from '@vigil/store-postgres';
import { pgUrl, skipUnless } from '@vigil/testkit';
import { randomUUID } from 'node:crypto';
import { createIdentityRuntime } from './identity-runtime.ts';
import { MemoryMetadataStore } from './memory-metadata-store.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

type Closable = IdentityStores & { close(): Promise<void> };

function sharedSuite(
  name: string,
  open: () => Promise<{ a: Closable; b: Closable; done: () => Promise<void> }>,
  skip: false | string = false,
) {
  describe(`shared login state: ${name}`, { skip }, () => {
    test('a lockout earned through one process refuses the next attempt on another', async () => {
      const { a, b, done } = await open();
      try {
        const clock = new ManualClock(Date.now());
        const runtime = (stores: IdentityStores) =>
          createIdentityRuntime({
            stores,
            metadata: new MemoryMetadataStore(),
            masterKey: generateMasterKey('k'),
            clock,
          });
        const [one, two] = [await runtime(a), await runtime(b)];
        const account = `victim-${randomUUID()}`;
        for (let i = 0; i < 5; i++) await (i % 2 === 0 ? one : two).throttle.failure(account, '203.0.113.9');
        await assert.rejects(two.throttle.check(account, '198.51.100.1'), (e: unknown) => {
          assert.ok(isVigilError(e));
          assert.equal(e.code, 'LOGIN_THROTTLED');
          return true;
        });
        clock.advance(61_000);
        await two.throttle.check(account, '198.51.100.1');

        const state = { state: randomUUID(), nonce: 'n', codeVerifier: 'v', createdAt: clock.now() };
        await one.stores.ssoLoginStates.put(state, clock.now() + 600_000);
        assert.deepEqual(await two.stores.ssoLoginStates.take(state.state, clock.now()), state);
        assert.equal(await one.stores.ssoLoginStates.take(state.state, clock.now()), undefined, 'used once');
      } finally {
        await done();
      }
    });
  });
}

sharedSuite('sqlite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-shared-login-'));
  dirs.push(dataDir);
  const storage = await openSqliteStorage({ dataDir });
  await storage.migrate();
  await storage.close();
  const a = await openSqliteIdentityStores({ dataDir });
  const b = await openSqliteIdentityStores({ dataDir });
  return {
    a,
    b,
    done: async () => {
      await a.close();
      await b.close();
    },
  };
});

const url = pgUrl();
sharedSuite(
  'postgres',
  async () => {
    const storage = await openPostgresStorage({ url: url ?? '' });
    await storage.migrate();
    await storage.close();
    const a = await openPostgresIdentityStores({ url: url ?? '' });
    const b = await openPostgresIdentityStores({ url: url ?? '' });
    return {
      a,
      b,
      done: async () => {
        await a.close();
        await b.close();
      },
    };
  },
  skipUnless(url, 'VIGIL_PG_URL'),
);
