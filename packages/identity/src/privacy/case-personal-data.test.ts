import { test } from 'node:test';
import assert from 'node:assert/strict';
import { casePersonalData, pseudonymiseCaseDocument, type CaseDocumentLike } from './case-personal-data.ts';
import { PERSONAL_DATA_INVENTORY } from './personal-data-inventory.ts';

const who = { userId: 'u-1', username: 'ana', pseudonym: 'deleted-abc' };

const alert = (): CaseDocumentLike => ({
  id: 'a1',
  workspace: 'ws',
  title: 'ana',
  owner: 'u-1',
  activity: [
    { at: 1, actor: 'system:aggregator', action: 'created' },
    { at: 2, actor: 'u-1', action: 'updated', field: 'title', before: 'x', after: 'ana' },
    { at: 3, actor: 'u-2', action: 'updated', field: 'owner', before: 'ana', after: 'u-2' },
    { at: 4, actor: 'u-2', action: 'closed', note: 'ask @ana, not @anabel or ana@example.org' },
  ],
});

test('casePersonalData keeps the owner flag and only entries by or about the person', () => {
  const item = casePersonalData('alert', alert(), who);
  assert.equal(item?.owner, true);
  assert.deepEqual(
    item?.entries.map((e) => e.at),
    [2, 3],
  );
  assert.equal(casePersonalData('alert', alert(), { userId: 'u-9', username: 'zed' }), undefined);
});

test('pseudonymiseCaseDocument replaces person-valued fields and whole-word mentions only', () => {
  const out = pseudonymiseCaseDocument(alert(), who);
  assert.ok(out);
  assert.equal(out.owner, 'deleted-abc');
  assert.equal(out.title, 'ana', 'titles are not people');
  assert.deepEqual(out.activity?.[1], {
    at: 2,
    actor: 'deleted-abc',
    action: 'updated',
    field: 'title',
    before: 'x',
    after: 'ana',
  });
  assert.equal(out.activity?.[2]?.before, 'deleted-abc');
  assert.equal(out.activity?.[2]?.after, 'u-2');
  assert.equal(out.activity?.[3]?.note, 'ask @deleted-abc, not @anabel or ana@example.org');
  assert.equal(
    pseudonymiseCaseDocument({ id: 'b', workspace: 'ws', title: 't', activity: [] }, who),
    undefined,
  );
});

test('the inventory declares cases data and case attachments as account-holder data', () => {
  for (const id of ['case_records', 'case_attachments']) {
    const entry = PERSONAL_DATA_INVENTORY.find((l) => l.id === id);
    assert.equal(entry?.subject, 'account_holder', id);
    assert.ok(entry.rights.length > 0);
  }
  assert.ok(
    PERSONAL_DATA_INVENTORY.find((l) => l.id === 'case_records')?.fields.includes('activity[].actor'),
  );
});
