// Issue 6: `vigil ingest` without --server writes straight into the store, so it must refuse an archived
// or deletion-scheduled workspace itself (the server's gate and the token verifier are not in the way).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@vigil/core';
import type { WorkspaceStatus } from '@vigil/identity';
import { openSqliteIdentityStores, openSqliteStorage } from '@vigil/store-sqlite';
import { main } from '../main.ts';
import type { CliIO } from '../command.ts';

function io(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const cli: CliIO = {
    stdout: { write: (c: string) => (out.stdout += c) },
    stderr: { write: (c: string) => (out.stderr += c) },
    stdin: (async function* () {})(),
    env: { VIGIL_LOG_LEVEL: 'silent' },
    cwd,
  };
  return { cli, out };
}

/** A migrated data dir holding one workspace per status. */
async function dataDirWith(statuses: Record<string, WorkspaceStatus>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-archived-'));
  const storage = await openSqliteStorage({ dataDir: dir, logger: silentLogger });
  await storage.migrate();
  await storage.close();
  const stores = await openSqliteIdentityStores({ dataDir: dir });
  try {
    for (const [id, status] of Object.entries(statuses)) {
      await stores.workspaces.create({
        id,
        name: id,
        status,
        mfaRequired: false,
        createdAt: Date.UTC(2026, 0, 1),
        ...(status === 'deleting' ? { deleteAfter: Date.UTC(2099, 0, 1) } : {}),
      });
    }
  } finally {
    await stores.close();
  }
  writeFileSync(join(dir, 'e.ndjson'), '{"message":"a"}\n{"message":"b"}\n');
  return dir;
}

async function countEvents(dir: string, workspace: string): Promise<number> {
  const storage = await openSqliteStorage({ dataDir: dir, logger: silentLogger });
  try {
    const page = await storage.events.query({
      workspace,
      from: 0,
      to: Date.UTC(9000, 0, 1),
      limit: 100,
      order: 'asc',
    });
    return page.events.length;
  } finally {
    await storage.close();
  }
}

async function ingest(dir: string, workspace: string) {
  const { cli, out } = io(dir);
  const code = await main(['ingest', 'e.ndjson', '--workspace', workspace, '--data-dir', dir], cli);
  return { code, out };
}

test('vigil ingest (local) refuses archived and deletion-scheduled workspaces and stores nothing', async () => {
  const dir = await dataDirWith({ 'ws-live': 'active', 'ws-old': 'archived', 'ws-gone': 'deleting' });

  const archived = await ingest(dir, 'ws-old');
  assert.equal(archived.code, 1, archived.out.stderr);
  assert.match(archived.out.stderr, /ws-old is archived/);
  assert.doesNotMatch(archived.out.stdout, /events:/);
  assert.equal(await countEvents(dir, 'ws-old'), 0);

  const deleting = await ingest(dir, 'ws-gone');
  assert.equal(deleting.code, 1, deleting.out.stderr);
  assert.match(deleting.out.stderr, /ws-gone is scheduled for deletion/);
  assert.equal(await countEvents(dir, 'ws-gone'), 0);

  // Control: the same file into an active workspace is stored.
  const live = await ingest(dir, 'ws-live');
  assert.equal(live.code, 0, live.out.stderr);
  assert.match(live.out.stdout, /events: 2; parse failures: 0/);
  assert.equal(await countEvents(dir, 'ws-live'), 2);
});
