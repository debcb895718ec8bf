// Runs a store's contract against every metadata adapter (test-only).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { MetadataStore } from '@vigil/core';
import { openPostgresStorage } from '@vigil/store-postgres';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { pgUrl, skipUnless } from '@vigil/testkit';
import { MemoryMetadataStore } from '../auth/memory-metadata-store.ts';

export type MetadataStoreContract = (
  name: string,
  open: () => Promise<MetadataStore>,
  skip: false | string,
) => void;

/**
 * Registers `contract` for memory, SQLite (a fresh data dir named after `dirPrefix`) and PostgreSQL (skipped
 * unless VIGIL_PG_URL is set). Every store `open` returns is closed, and its data dir removed, once the
 * file's tests are done.
 */
export function forEachMetadataStore(dirPrefix: string, contract: MetadataStoreContract): void {
  const closers: (() => Promise<void>)[] = [];
  after(async () => {
    for (const close of closers) await close();
  });
  contract('memory', () => Promise.resolve(new MemoryMetadataStore()), false);
  contract(
    'sqlite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), dirPrefix));
      const storage = await openSqliteStorage({ dataDir: dir });
      await storage.migrate();
      closers.push(async () => {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      });
      return storage.metadata;
    },
    false,
  );
  const url = pgUrl();
  contract(
    'postgres',
    async () => {
      const storage = await openPostgresStorage({ url: url ?? '' });
      await storage.migrate();
      closers.push(() => storage.close());
      return storage.metadata;
    },
    skipUnless(url, 'VIGIL_PG_URL'),
  );
}
