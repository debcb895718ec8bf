import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { AttackMatrixStore } from '@vigil/server';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIO } from '../command.ts';
import { main } from '../main.ts';

const FIXTURE = join(
  import.meta.dirname,
  '../../../../packages/cases/src/coverage/fixtures/attack-enterprise-mini.json',
);

function io(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const value: CliIO = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    stdin: Readable.from([]),
    env: { VIGIL_LOG_LEVEL: 'error' },
    cwd,
  };
  return { io: value, out };
}

test('vigil attack import stores the matrix from a .json.gz; bad input is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-attack-'));
  const dataDir = join(dir, 'var');
  try {
    const usage = io(dir);
    assert.equal(await main(['attack', 'import', '--data-dir', dataDir], usage.io), EXIT_USAGE);
    assert.match(usage.out.stderr, /exactly one FILE is required/);

    const missing = io(dir);
    assert.equal(
      await main(['attack', 'import', 'nope.json', '--data-dir', dataDir], missing.io),
      EXIT_FAILURE,
    );
    assert.match(missing.out.stderr, /cannot read .*nope\.json/);

    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ type: 'bundle', objects: [{ type: 'x-mitre-matrix' }] }),
    );
    const bad = io(dir);
    assert.equal(await main(['attack', 'import', 'bad.json', '--data-dir', dataDir], bad.io), EXIT_FAILURE);
    assert.match(
      bad.out.stderr,
      /vigil: not a usable ATT&CK Enterprise bundle: objects: not the Enterprise domain/,
    );

    writeFileSync(join(dir, 'enterprise-attack.json.gz'), gzipSync(readFileSync(FIXTURE)));
    const ok = io(dir);
    assert.equal(
      await main(['attack', 'import', 'enterprise-attack.json.gz', '--data-dir', dataDir], ok.io),
      EXIT_OK,
      ok.out.stderr,
    );
    assert.match(ok.out.stdout, /Imported ATT&CK Enterprise: 14 tactics, 4 techniques, 2 sub-techniques/);

    const storage = await openSqliteStorage({ dataDir });
    try {
      const stored = await new AttackMatrixStore(storage.metadata).get();
      assert.deepEqual(
        stored?.matrix.techniques.map((t) => t.id),
        ['T1003', 'T1003.001', 'T1059', 'T1059.001', 'T1078', 'T1110'],
      );
    } finally {
      await storage.close();
    }

    const help = io(dir);
    assert.equal(await main(['attack', 'import', '--help'], help.io), EXIT_OK);
    assert.match(help.out.stdout, /Usage: vigil attack import FILE/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
