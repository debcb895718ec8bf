// Master-key rotation against a running process: the process keeps its identity runtime open (as
// `vigil serve` does) while the key file is rotated and, later, the previous key retired.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, silentLogger } from '@vigil/core';
import { loadConfig } from '@vigil/config';
import { registerTestSecret } from '@vigil/testkit';
import { MfaService, SecretBox, base32Decode, hotp, totpStep } from '@vigil/identity';
import { openMigratedStorage } from '../compose/open-storage.ts';
import { openCasesStores } from '../alerts/open-cases-stores.ts';
import { openIdentity } from './open-identity.ts';
import { loadMasterKeyring, masterKeyFilePath, writeMasterKeyFile } from './master-key-source.ts';
import { rewrapStoredSecrets, rotatedKeyring } from './rotate-master-key.ts';
import { sealedValueOwners } from './sealed-value-owners.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('rotation while a process runs: TOTP and attachments keep opening, new values use the new key, then retire', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-rotation-'));
  dirs.push(dataDir);
  const config = loadConfig({ env: { VIGIL_DATA_DIR: dataDir } });
  const { storage } = await openMigratedStorage(config, silentLogger);
  const identity = await openIdentity(config, storage, silentLogger);
  const cases = await openCasesStores(config, silentLogger);
  try {
    const { runtime } = identity;
    const box = runtime.box;
    const clock = new ManualClock(Date.UTC(2026, 10, 1));
    // The running process's MFA service over its own box (a manual clock keeps TOTP steps deterministic).
    const mfa = new MfaService(runtime.stores.mfa, box, clock);
    await runtime.stores.users.create({
      id: 'u-rot',
      username: 'rot',
      disabled: false,
      mustChangePassword: false,
      mfaEnabled: true,
      createdAt: 0,
      updatedAt: 0,
    });
    const { secret } = await mfa.begin('u-rot', 'rot');
    registerTestSecret('TOTP seed', secret);
    const seed = base32Decode(secret);
    const code = () => hotp(seed, totpStep(clock.now()));
    await mfa.confirm('u-rot', code());
    const evidence = 'pcap bytes \u0000\u0001 and text';
    const attachment = {
      id: 'at-1',
      workspace: 'default',
      parentKind: 'incident' as const,
      parentId: 'i-1',
      name: 'e.pcap',
      contentType: 'application/octet-stream',
      size: evidence.length,
      sha256: '0'.repeat(64),
      createdAt: 0,
      createdBy: 'u-rot',
    };
    await cases.attachments.add(attachment, box.seal(evidence, 'attachment:default:at-1'));
    const oldKeyId = box.currentKeyId;

    // `vigil keys rotate`: a new key file first, then every owner's values re-wrapped.
    const path = masterKeyFilePath(config);
    const ring = rotatedKeyring(loadMasterKeyring(config, { create: false }));
    for (const k of [ring.current, ...ring.previous])
      registerTestSecret('master key', Buffer.from(k.key).toString('base64'));
    writeMasterKeyFile(path, ring);
    const owners = sealedValueOwners({
      identity: runtime.stores,
      metadata: storage.metadata,
      attachments: cases.attachments,
    });
    assert.deepEqual(await rewrapStoredSecrets(ring, owners), {
      'audit-signing-key': 1,
      'mfa-seeds': 1,
      attachments: 1,
    });
    const stored = await cases.attachments.content('default', 'at-1');
    assert.equal(SecretBox.keyIdOf(stored ?? ''), ring.current.id, 'attachments are re-wrapped too');

    // The running process never restarted: values now name a key it did not load, and it copes.
    clock.advance(30_000);
    assert.deepEqual(await mfa.verify('u-rot', code()), { ok: true, method: 'totp' });
    assert.equal(box.openText(stored ?? '', 'attachment:default:at-1'), evidence);
    assert.equal(box.currentKeyId, ring.current.id, 'the process reloaded the key file');
    assert.notEqual(box.currentKeyId, oldKeyId);
    // Sealed in the window before the retire step (e.g. by a process that had not reloaded yet).
    const oldBox = new SecretBox({ current: ring.previous[0] ?? ring.current });
    const lateValue = oldBox.seal('late', 'attachment:default:at-2');
    await cases.attachments.add({ ...attachment, id: 'at-2' }, lateValue);

    // `--retire-previous`: re-wrap what was sealed meanwhile, then drop the old key from the file.
    const retired = await rewrapStoredSecrets(ring, owners);
    assert.equal(retired['attachments'], 1);
    writeMasterKeyFile(path, { current: ring.current, previous: [] });
    assert.equal(readFileSync(path, 'utf8').trim().split('\n').length, 1);
    process.kill(process.pid, 'SIGHUP');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(box.keyIds, [ring.current.id], 'SIGHUP reloaded the retired keyring');
    clock.advance(30_000);
    assert.deepEqual(await mfa.verify('u-rot', code()), { ok: true, method: 'totp' });
    assert.equal(
      box.openText((await cases.attachments.content('default', 'at-1')) ?? '', 'attachment:default:at-1'),
      evidence,
    );
    assert.equal(
      box.openText((await cases.attachments.content('default', 'at-2')) ?? '', 'attachment:default:at-2'),
      'late',
    );
    assert.throws(
      () => box.openText(lateValue, 'attachment:default:at-2'),
      (e: unknown) => (e as { code?: string }).code === 'SECRET_KEY_UNKNOWN',
    );
  } finally {
    await cases.close();
    await identity.close();
    await storage.close();
  }
});
