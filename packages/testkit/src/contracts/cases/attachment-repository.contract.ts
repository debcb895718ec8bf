import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Attachment } from '@vigil/cases';
import { rejectsWith, uniqueWorkspace } from '../contract-fixtures.ts';
import { C0, useCasesStores, type CasesStoresFactory } from './cases-contract-target.ts';

function attachment(workspace: string, id: string, over: Partial<Attachment> = {}): Attachment {
  return {
    id,
    workspace,
    parentKind: 'incident',
    parentId: 'i-1',
    name: `evidence ${id}.pcap`,
    contentType: 'application/vnd.tcpdump.pcap',
    size: 1234,
    sha256: 'ab'.repeat(32),
    createdAt: C0,
    createdBy: 'u-ana',
    ...over,
  };
}

/** Contract for `AttachmentRepository`. */
export function attachmentRepositoryContract(name: string, factory: CasesStoresFactory): void {
  describe(`${name}: attachment repository contract`, () => {
    const handle = useCasesStores(factory);

    test('add, get, content, list per parent (oldest first), delete; ids are unique per workspace', async () => {
      const { attachments } = handle();
      const ws = uniqueWorkspace();
      const a = attachment(ws, 'at-2', { declaredType: 'application/x-pcap' });
      const b = attachment(ws, 'at-1', { createdAt: C0 + 5 });
      const c = attachment(ws, 'at-3', { parentKind: 'alert', parentId: 'i-1' });
      // Content is opaque text (sealed by the caller), large values included.
      const big = 'v1.'.padEnd(300_000, 'x');
      await attachments.add(a, big);
      await attachments.add(b, 'sealed-b');
      await attachments.add(c, 'sealed-c');
      await rejectsWith(attachments.add(a, 'again'), 'ATTACHMENT_EXISTS', 'user');
      assert.deepEqual(await attachments.get(ws, 'at-2'), a);
      assert.equal(await attachments.content(ws, 'at-2'), big);
      assert.deepEqual(
        (await attachments.list(ws, 'incident', 'i-1')).map((x) => x.id),
        ['at-2', 'at-1'],
      );
      assert.deepEqual(await attachments.list(ws, 'alert', 'i-1'), [c]);
      assert.deepEqual(await attachments.list(ws, 'incident', 'i-2'), []);
      assert.equal(await attachments.delete(ws, 'at-2'), true);
      assert.equal(await attachments.delete(ws, 'at-2'), false);
      assert.equal(await attachments.get(ws, 'at-2'), undefined);
      assert.equal(await attachments.content(ws, 'at-2'), undefined);
    });

    test("rewrapContents passes every workspace's content through the function and stores changes", async () => {
      const { attachments } = handle();
      const [a, b] = [uniqueWorkspace('rw-a'), uniqueWorkspace('rw-b')];
      const tag = `old-${a}:`;
      await attachments.add(attachment(a, 'at-1'), `${tag}one`);
      await attachments.add(attachment(b, 'at-1'), `${tag}two`);
      await attachments.add(attachment(b, 'at-2'), 'current:three');
      // Other suites' rows (shared database) come back unchanged and are not counted.
      const changed = await attachments.rewrapContents((s) =>
        s.startsWith(tag) ? `new:${s.slice(tag.length)}` : s,
      );
      assert.equal(changed, 2);
      assert.equal(await attachments.content(a, 'at-1'), 'new:one');
      assert.equal(await attachments.content(b, 'at-1'), 'new:two');
      assert.equal(await attachments.content(b, 'at-2'), 'current:three');
      assert.equal(
        await attachments.rewrapContents((s) => (s.startsWith(tag) ? 'again' : s)),
        0,
        'idempotent',
      );
    });

    test("reassignCreator rewrites only that creator's attachments, only in that workspace", async () => {
      const { attachments } = handle();
      const [a, b] = [uniqueWorkspace('rc-a'), uniqueWorkspace('rc-b')];
      const mine = attachment(a, 'at-1');
      const theirs = attachment(a, 'at-2', { createdBy: 'u-bob' });
      await attachments.add(mine, 'sealed-1');
      await attachments.add(theirs, 'sealed-2');
      await attachments.add(attachment(b, 'at-1'), 'sealed-b');
      assert.equal(await attachments.reassignCreator(a, 'u-ana', 'user-7f3a'), 1);
      assert.deepEqual(await attachments.get(a, 'at-1'), { ...mine, createdBy: 'user-7f3a' });
      assert.equal(await attachments.content(a, 'at-1'), 'sealed-1', 'content untouched');
      assert.deepEqual(await attachments.get(a, 'at-2'), theirs);
      assert.equal((await attachments.get(b, 'at-1'))?.createdBy, 'u-ana', 'other workspace untouched');
      assert.equal(await attachments.reassignCreator(a, 'u-ana', 'user-7f3a'), 0, 'idempotent');
    });

    test('an attachment of workspace A is invisible from B', async () => {
      const { attachments } = handle();
      const a = uniqueWorkspace('ws-a');
      const b = uniqueWorkspace('ws-b');
      await attachments.add(attachment(a, 'at-1'), 'sealed');
      assert.equal(await attachments.get(b, 'at-1'), undefined);
      assert.equal(await attachments.content(b, 'at-1'), undefined);
      assert.deepEqual(await attachments.list(b, 'incident', 'i-1'), []);
      assert.equal(await attachments.delete(b, 'at-1'), false);
      await attachments.add(attachment(b, 'at-1'), 'other');
      assert.equal(await attachments.content(a, 'at-1'), 'sealed');
    });
  });
}
