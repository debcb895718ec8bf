// DESIGN §4/§7: secrets never reach logs, errors or debug output. Drives the failure paths of every
// module in this package with known secrets and scans everything a caller could log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { ManualClock } from '@vigil/core';
import { SecretBox } from './secret-box.ts';
import { generateMasterKey, parseMasterKey } from './master-key.ts';
import { findLeakedSecrets } from './redact-secrets.ts';
import { checkPasswordPolicy } from '../passwords/password-policy.ts';
import { hashPassword, verifyPassword } from '../passwords/password-hash.ts';
import { SessionManager } from '../sessions/session-manager.ts';
import { MemorySessionStore } from '../sessions/memory-session-store.ts';
import { FirstRun } from '../first-run/first-run.ts';
import { MemorySetupTokenStore } from '../first-run/memory-setup-token-store.ts';
import { MfaService } from '../mfa/mfa-service.ts';
import { MemoryMfaStore } from '../mfa/memory-mfa-store.ts';
import { base32Decode } from '../mfa/base32.ts';
import { importAuditPrivateKey } from '../audit/audit-signing-key.ts';
import { checkMachineToken, issueMachineToken } from '../machine-tokens/machine-token.ts';

async function capture(fn: () => unknown): Promise<string> {
  try {
    await fn();
    return '';
  } catch (e) {
    return [inspect(e, { depth: 10, showHidden: true }), JSON.stringify(e), String(e)].join('\n');
  }
}

test('failure paths never echo passwords, tokens, keys or sealed plaintext', async () => {
  const password = 'Correct-Horse-Battery-42';
  const master = generateMasterKey('k1');
  const box = new SecretBox({ current: master });
  const connectorSecret = 'xoxb-11111-22222-connector-secret';
  const sealed = box.seal(connectorSecret, 'connector:c1');
  const clock = new ManualClock();
  const sessions = new SessionManager(new MemorySessionStore(), clock);
  const { sessionId } = await sessions.start('u1');
  const firstRun = new FirstRun(new MemorySetupTokenStore(), clock, () => Promise.resolve(false));
  const { token: setupToken } = await firstRun.issue();
  const mfa = new MfaService(new MemoryMfaStore(), box, clock);
  const { secret: totpSecret } = await mfa.begin('u1', 'alice');
  const apiKey = issueMachineToken({
    kind: 'api_key',
    name: 'ci',
    workspaceId: 'w',
    createdBy: 'u',
    createdAt: 0,
  });
  const secrets = [
    password,
    master.encoded,
    connectorSecret,
    sessionId,
    setupToken,
    totpSecret,
    apiKey.token,
  ];

  const outputs = [
    JSON.stringify(checkPasswordPolicy(password, 'alice')),
    JSON.stringify(checkPasswordPolicy('alice', 'alice')),
    await hashPassword(password, { memoryKiB: 1024, passes: 1, parallelism: 1 }),
    await capture(() => verifyPassword(password, `$argon2id$broken$${password}`)),
    await capture(() => box.open(sealed, 'connector:other')),
    await capture(() => new SecretBox({ current: generateMasterKey('k1') }).open(sealed, 'connector:c1')),
    await capture(() => box.open(connectorSecret, 'x')),
    await capture(() => parseMasterKey('k1', master.encoded.slice(0, 20))),
    await capture(() => parseMasterKey('k1', `${master.encoded}!`)),
    await capture(() => sessions.validate(`${sessionId.slice(0, -1)}x`)),
    await capture(() => sessions.validate(sessionId.slice(1))),
    await capture(() => firstRun.redeem(`${setupToken.slice(0, -1)}A`)),
    await capture(() => firstRun.redeem(setupToken.slice(2))),
    await capture(() => mfa.confirm('u1', '000000')),
    await capture(() => base32Decode(`${totpSecret}!`)),
    await capture(() => importAuditPrivateKey(master.encoded)),
    JSON.stringify(checkMachineToken(apiKey.record, `${apiKey.token.slice(0, -1)}Z`, 0)),
    inspect(box, { showHidden: true, depth: 10 }),
    inspect(sessions, { showHidden: true, depth: 10 }),
    inspect(mfa, { showHidden: true, depth: 10 }),
  ].join('\n');
  assert.ok(outputs.includes('SECRET_OPEN_FAILED'), 'the failure paths did run');
  assert.deepEqual(findLeakedSecrets(outputs, secrets), []);
});
