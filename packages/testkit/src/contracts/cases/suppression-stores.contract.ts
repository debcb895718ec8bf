import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SuppressedHit, SuppressionRule } from '@vigil/cases';
import { rejectsWith, uniqueWorkspace } from '../contract-fixtures.ts';
import { C0, useCasesStores, type CasesStoresFactory } from './cases-contract-target.ts';

function rule(workspace: string, id: string, over: Partial<SuppressionRule> = {}): SuppressionRule {
  return {
    id,
    workspace,
    ruleId: 'rule-1',
    match: { 'host.name': ['ws01', 'srv-*'] },
    startsAt: C0,
    expiresAt: C0 + 3_600_000,
    reason: 'known scanner',
    owner: 'u-ana',
    createdAt: C0,
    ...over,
  };
}

function hit(
  workspace: string,
  ruleId: string,
  by: string,
  at: number,
  kind: SuppressedHit['kind'] = 'suppressed',
): SuppressedHit {
  return { workspace, ruleId, kind, by, at, eventIds: [`e-${at}`] };
}

/** Contracts for `SuppressionRuleRepository` and `SuppressedHitLedger`. */
export function suppressionStoresContract(name: string, factory: CasesStoresFactory): void {
  describe(`${name}: suppression rules and suppressed-hit ledger contract`, () => {
    const handle = useCasesStores(factory);

    test('suppression rules: create, get, list, active window, delete, per workspace', async () => {
      const { suppressions } = handle();
      const ws = uniqueWorkspace();
      const r1 = rule(ws, 's-1');
      const { ruleId: _omit, ...anyRule } = rule(ws, 's-2', { startsAt: C0 + 100 });
      await suppressions.create(r1);
      await suppressions.create(anyRule);
      await rejectsWith(suppressions.create(r1), 'SUPPRESSION_EXISTS', 'user');
      assert.deepEqual(await suppressions.get(ws, 's-1'), r1);
      assert.deepEqual(await suppressions.get(ws, 's-2'), anyRule);
      assert.equal(await suppressions.get(uniqueWorkspace(), 's-1'), undefined);
      assert.deepEqual(
        (await suppressions.list(ws)).map((r) => r.id),
        ['s-1', 's-2'],
      );
      assert.deepEqual(
        (await suppressions.listActive(ws, C0)).map((r) => r.id),
        ['s-1'],
      );
      assert.deepEqual(
        (await suppressions.listActive(ws, C0 + 100)).map((r) => r.id),
        ['s-1', 's-2'],
      );
      assert.deepEqual(await suppressions.listActive(ws, C0 + 3_600_000), []);
      assert.equal(await suppressions.delete(uniqueWorkspace(), 's-1'), false);
      assert.equal(await suppressions.delete(ws, 's-1'), true);
      assert.equal(await suppressions.delete(ws, 's-1'), false);
      assert.deepEqual(
        (await suppressions.list(ws)).map((r) => r.id),
        ['s-2'],
      );
    });

    test('suppression rules: update replaces a stored rule (active window follows), never another workspace', async () => {
      const { suppressions } = handle();
      const ws = uniqueWorkspace();
      const r1 = rule(ws, 's-1');
      await suppressions.create(r1);
      const { ruleId: _omit, ...edited } = {
        ...r1,
        match: { 'user.name': ['svc-*'] },
        expiresAt: C0 + 60_000,
        reason: 'scanner, narrowed',
        enabled: false,
        updatedAt: C0 + 5,
        updatedBy: 'u-bob',
      };
      assert.equal(await suppressions.update(edited), true);
      assert.deepEqual(await suppressions.get(ws, 's-1'), edited);
      assert.deepEqual(await suppressions.listActive(ws, C0 + 60_000), []);
      assert.equal(await suppressions.update(rule(ws, 's-missing')), false);
      const other = uniqueWorkspace();
      assert.equal(await suppressions.update({ ...edited, workspace: other }), false);
      assert.equal(await suppressions.get(other, 's-1'), undefined);
    });

    test('ledger: exact counts per rule and per suppression/exception, recent hits newest first', async () => {
      const { ledger } = handle();
      const ws = uniqueWorkspace();
      await ledger.record(ws, [hit(ws, 'rule-b', 's-1', C0), hit(ws, 'rule-a', 's-1', C0 + 1)]);
      await ledger.record(ws, [
        hit(ws, 'rule-b', 'x-1', C0 + 5, 'excepted'),
        hit(ws, 'rule-b', 's-1', C0 + 2),
      ]);
      await ledger.record(ws, []);
      assert.deepEqual(await ledger.counts(ws), [
        { ruleId: 'rule-a', suppressed: 1, excepted: 0, by: { 's-1': 1 }, lastAt: C0 + 1 },
        { ruleId: 'rule-b', suppressed: 2, excepted: 1, by: { 's-1': 2, 'x-1': 1 }, lastAt: C0 + 5 },
      ]);
      assert.deepEqual(
        (await ledger.counts(ws, 'rule-a')).map((c) => c.ruleId),
        ['rule-a'],
      );
      assert.deepEqual(await ledger.counts(uniqueWorkspace()), []);
      const recent = await ledger.recent(ws);
      assert.deepEqual(
        recent.map((h) => h.at),
        [C0 + 2, C0 + 5, C0 + 1, C0],
      );
      assert.deepEqual(recent[1], hit(ws, 'rule-b', 'x-1', C0 + 5, 'excepted'));
      assert.deepEqual(
        (await ledger.recent(ws, { ruleId: 'rule-a' })).map((h) => h.ruleId),
        ['rule-a'],
      );
      assert.equal((await ledger.recent(ws, { limit: 2 })).length, 2);
    });
  });
}
