import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MfaEnrolment } from '@vigil/identity';
import type { IdentityStoresFactory } from './identity-contract-target.ts';
import { raceWins, useIdentityStores } from './identity-contract-target.ts';
import { T0, uniqueId } from './identity-fixtures.ts';

function enrolment(overrides: Partial<MfaEnrolment> = {}): MfaEnrolment {
  return {
    userId: uniqueId('u'),
    sealedSecret: 'v1.sealed-secret',
    recoveryCodes: [{ hash: 'h1' }, { hash: 'h2' }, { hash: 'h3', usedAt: T0 }],
    ...overrides,
  };
}

/** Contract for `MfaStore`, including the atomic compare-and-set of both `use…` methods. */
export function mfaStoreContract(name: string, factory: IdentityStoresFactory): void {
  describe(`${name}: MFA store contract`, () => {
    const handle = useIdentityStores(factory);

    test('put and get round-trip pending and confirmed enrolments with their recovery codes in order', async () => {
      const { mfa } = handle().stores;
      const pending = enrolment({ recoveryCodes: [] });
      await mfa.put(pending);
      assert.deepEqual(await mfa.get(pending.userId), pending);
      const confirmed = {
        ...pending,
        confirmedAt: T0 + 1,
        lastUsedStep: 123,
        recoveryCodes: enrolment().recoveryCodes,
      };
      await mfa.put(confirmed);
      assert.deepEqual(await mfa.get(pending.userId), confirmed);
      assert.equal(await mfa.get(uniqueId('nobody')), undefined);
      assert.equal(await mfa.delete(pending.userId), true);
      assert.equal(await mfa.delete(pending.userId), false);
      assert.equal(await mfa.get(pending.userId), undefined);
    });

    test('useTotpStep accepts only increasing steps', async () => {
      const { mfa } = handle().stores;
      const e = enrolment();
      await mfa.put(e);
      assert.equal(await mfa.useTotpStep(e.userId, 100), true);
      assert.equal(await mfa.useTotpStep(e.userId, 100), false, 'replay of the same step');
      assert.equal(await mfa.useTotpStep(e.userId, 99), false, 'older step');
      assert.equal(await mfa.useTotpStep(e.userId, 101), true);
      assert.equal((await mfa.get(e.userId))?.lastUsedStep, 101);
      assert.equal(await mfa.useTotpStep(uniqueId('nobody'), 1), false);
    });

    test('a TOTP step presented concurrently (two instances) is accepted exactly once', async () => {
      const { stores } = handle();
      const twin = await handle().twin();
      const e = enrolment();
      await stores.mfa.put(e);
      assert.equal(await raceWins(stores, twin, 8, (s) => s.mfa.useTotpStep(e.userId, 500)), 1);
    });

    test('a recovery code is usable once; replacing the set forgets the old codes', async () => {
      const { mfa } = handle().stores;
      const e = enrolment();
      await mfa.put(e);
      assert.equal(await mfa.useRecoveryCode(e.userId, 'h2', T0 + 7), true);
      assert.equal(await mfa.useRecoveryCode(e.userId, 'h2', T0 + 8), false);
      assert.equal(await mfa.useRecoveryCode(e.userId, 'h3', T0 + 8), false, 'already used at enrolment');
      assert.equal(await mfa.useRecoveryCode(e.userId, 'nope', T0 + 8), false);
      assert.equal(await mfa.useRecoveryCode(uniqueId('nobody'), 'h1', T0 + 8), false);
      assert.deepEqual((await mfa.get(e.userId))?.recoveryCodes, [
        { hash: 'h1' },
        { hash: 'h2', usedAt: T0 + 7 },
        { hash: 'h3', usedAt: T0 },
      ]);
      await mfa.replaceRecoveryCodes(e.userId, [{ hash: 'n1' }, { hash: 'n2' }]);
      assert.equal(await mfa.useRecoveryCode(e.userId, 'h1', T0 + 9), false);
      assert.deepEqual((await mfa.get(e.userId))?.recoveryCodes, [{ hash: 'n1' }, { hash: 'n2' }]);
      const stranger = uniqueId('nobody');
      await mfa.replaceRecoveryCodes(stranger, [{ hash: 'x' }]);
      assert.equal(await mfa.get(stranger), undefined, 'no enrolment is created by replacing codes');
    });

    test('one recovery code redeemed concurrently (two instances) wins exactly once', async () => {
      const { stores } = handle();
      const twin = await handle().twin();
      const e = enrolment();
      await stores.mfa.put(e);
      assert.equal(await raceWins(stores, twin, 8, (s) => s.mfa.useRecoveryCode(e.userId, 'h1', T0 + 1)), 1);
    });
  });
}
