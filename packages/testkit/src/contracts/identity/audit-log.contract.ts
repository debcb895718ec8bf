import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  chainAuditRecord,
  generateAuditSigningKeys,
  signAuditCheckpoint,
  verifyAuditChain,
} from '@vigil/identity';
import type { AuditEntry, AuditLog, AuditRecord } from '@vigil/identity';
import { isVigilError } from '@vigil/core';
import { rejectsWith } from '../contract-fixtures.ts';
import type { IdentityStoresFactory } from './identity-contract-target.ts';
import { useIdentityStores } from './identity-contract-target.ts';
import { T0, uniqueId } from './identity-fixtures.ts';

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    event_type: 'auth.login',
    user_id: 'u-1',
    resource: null,
    workspace: null,
    client_ip: '192.0.2.1',
    client_id: 'Mozilla/5.0',
    result: 'success',
    request_id: uniqueId('req'),
    ...overrides,
  };
}

/** Appends entries at the current head, one second apart from `T0 + offset`. */
async function appendAll(audit: AuditLog, entries: AuditEntry[], offset = 0): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  for (const [i, e] of entries.entries()) {
    const record = chainAuditRecord(await audit.head(), e, T0 + offset + i * 1_000);
    await audit.append(record);
    out.push(record);
  }
  return out;
}

/** Contract for the append-only, hash-chained `AuditLog`. */
export function auditLogContract(name: string, factory: IdentityStoresFactory): void {
  describe(`${name}: audit log contract`, () => {
    const handle = useIdentityStores(factory);
    const keys = generateAuditSigningKeys();

    test('records read back exactly as appended, chain verifies, signed checkpoints round-trip', async () => {
      const { audit } = handle().stores;
      assert.equal(await audit.head(), undefined);
      const written = await appendAll(audit, [
        entry(),
        entry({
          event_type: 'role.granted',
          resource: 'user:u-2',
          workspace: 'ws-1',
          details: { role: 'analyst', n: 1.5 },
        }),
        entry({
          event_type: 'auth.login',
          user_id: null,
          result: 'failure',
          details: { reason: 'bad_password', nested: { a: [1, null, 'ü'] } },
        }),
      ]);
      const last = written.at(-1);
      assert.deepEqual(await audit.head(), last && { seq: last.seq, hash: last.hash });
      const cp = signAuditCheckpoint({ seq: 3, hash: last?.hash ?? '' }, T0 + 10_000, keys.privateKey);
      await audit.appendCheckpoint(cp);
      const more = await appendAll(audit, [entry({ event_type: 'audit.read' })], 20_000);
      const records = await audit.read({ fromSeq: 1 });
      assert.deepEqual(records, [...written, ...more]);
      assert.deepEqual(await audit.checkpoints(), [cp]);
      const verified = verifyAuditChain(records, await audit.checkpoints(), keys.publicKey);
      assert.equal(verified.ok, true, JSON.stringify(verified.problems));
      assert.equal(verified.verifiedThrough, 3);
      assert.equal(verified.unsignedTail, 1);
      assert.deepEqual(
        (await audit.read({ fromSeq: 2, toSeq: 3 })).map((r) => r.seq),
        [2, 3],
      );
      assert.deepEqual(
        (await audit.read({ fromSeq: 1, limit: 2 })).map((r) => r.seq),
        [1, 2],
      );
    });

    test('an append that does not extend the head is AUDIT_APPEND_CONFLICT', async () => {
      const { audit } = handle().stores;
      const head = await audit.head();
      const next = chainAuditRecord(head, entry(), T0 + 50_000);
      await rejectsWith(audit.append({ ...next, seq: next.seq + 1 }), 'AUDIT_APPEND_CONFLICT', 'operational');
      await rejectsWith(audit.append({ ...next, seq: next.seq - 1 }), 'AUDIT_APPEND_CONFLICT', 'operational');
      const forked = chainAuditRecord({ seq: head?.seq ?? 0, hash: 'f'.repeat(64) }, entry(), T0 + 50_000);
      await rejectsWith(audit.append(forked), 'AUDIT_APPEND_CONFLICT', 'operational');
      await audit.append(next);
      await rejectsWith(audit.append(next), 'AUDIT_APPEND_CONFLICT', 'operational');
      assert.deepEqual(await audit.head(), { seq: next.seq, hash: next.hash });
    });

    test('two writers extending the same head at once (two instances): one wins, the other conflicts', async () => {
      const { stores } = handle();
      const twin = await handle().twin();
      const head = await stores.audit.head();
      const attempts = Array.from({ length: 6 }, (_, i) =>
        chainAuditRecord(head, entry({ request_id: `r${i}` }), T0 + 60_000),
      );
      const results = await Promise.allSettled(
        attempts.map((r, i) => (i % 2 === 0 ? stores.audit : twin.audit).append(r)),
      );
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      for (const r of results) {
        if (r.status === 'rejected') {
          assert.ok(isVigilError(r.reason) && r.reason.code === 'AUDIT_APPEND_CONFLICT', String(r.reason));
        }
      }
      const records = await stores.audit.read({ fromSeq: 1, limit: 1000 });
      assert.equal(verifyAuditChain(records, [], keys.publicKey).ok, true);
    });

    test('find filters by workspace, user, type, result, time and seq; A’s records never show for B', async () => {
      const { audit } = handle().stores;
      const a = uniqueId('ws-a');
      const b = uniqueId('ws-b');
      const user = uniqueId('u');
      const written = await appendAll(
        audit,
        [
          entry({ workspace: a, user_id: user, event_type: 'rule.created' }),
          entry({ workspace: a, user_id: user, event_type: 'rule.deleted', result: 'denied' }),
          entry({ workspace: b, user_id: user, event_type: 'rule.created' }),
          entry({ workspace: a, event_type: 'rule.created' }),
        ],
        100_000,
      );
      const seqs = (list: AuditRecord[]) => list.map((r) => r.seq);
      const [s1, s2, s3, s4] = seqs(written);
      assert.deepEqual(seqs(await audit.find({ workspace: a })), [s1, s2, s4]);
      assert.deepEqual(seqs(await audit.find({ workspace: b })), [s3]);
      assert.deepEqual(seqs(await audit.find({ workspace: a, userId: user })), [s1, s2]);
      assert.deepEqual(seqs(await audit.find({ workspace: a, eventType: 'rule.created' })), [s1, s4]);
      assert.deepEqual(seqs(await audit.find({ workspace: a, result: 'denied' })), [s2]);
      assert.deepEqual(seqs(await audit.find({ userId: user })), [s1, s2, s3]);
      const at = (r: AuditRecord | undefined) => r?.time ?? '';
      assert.deepEqual(seqs(await audit.find({ workspace: a, from: at(written[1]), to: at(written[3]) })), [
        s2,
        s4,
      ]);
      assert.deepEqual(seqs(await audit.find({ workspace: a, afterSeq: s1 ?? 0, limit: 1 })), [s2]);
      assert.deepEqual(await audit.find({ workspace: uniqueId('ws') }), []);
      // Newest first, paged backwards with beforeSeq, filters unchanged.
      assert.deepEqual(seqs(await audit.find({ workspace: a, order: 'desc' })), [s4, s2, s1]);
      assert.deepEqual(seqs(await audit.find({ workspace: a, order: 'desc', limit: 2 })), [s4, s2]);
      assert.deepEqual(seqs(await audit.find({ workspace: a, order: 'desc', beforeSeq: s2 ?? 0 })), [s1]);
      assert.deepEqual(seqs(await audit.find({ workspace: a, eventType: 'rule.created', order: 'desc' })), [
        s4,
        s1,
      ]);
      assert.deepEqual(seqs(await audit.find({ workspace: a, order: 'asc', beforeSeq: s4 ?? 0 })), [s1, s2]);
    });

    test('the store itself refuses UPDATE, DELETE (and TRUNCATE) of audit records', async (t) => {
      const h = handle();
      if (!h.rawSql) {
        t.skip('memory has no SQL');
        return;
      }
      const rawSql = h.rawSql.bind(h);
      const before = await h.stores.audit.read({ fromSeq: 1, limit: 1000 });
      const cpsBefore = await h.stores.audit.checkpoints();
      assert.ok(before.length > 0 && cpsBefore.length > 0);
      const statements = [
        "UPDATE audit_log SET result = 'success' WHERE seq = 2",
        'DELETE FROM audit_log WHERE seq = 1',
        'DELETE FROM audit_log',
        "UPDATE audit_checkpoints SET signature = 'x'",
        'DELETE FROM audit_checkpoints',
      ];
      if (h.kind === 'postgres') statements.push('TRUNCATE audit_log', 'TRUNCATE audit_checkpoints');
      for (const sql of statements) {
        await assert.rejects(rawSql(sql), /append-only/, sql);
      }
      assert.deepEqual(await h.stores.audit.read({ fromSeq: 1, limit: 1000 }), before);
      assert.deepEqual(await h.stores.audit.checkpoints(), cpsBefore);
      assert.equal(verifyAuditChain(before, cpsBefore, keys.publicKey).ok, true);
    });
  });
}
