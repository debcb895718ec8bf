// Cases data (owner, activity, comments with mentions, attachments) in the personal-data export and
// pseudonymised on account deletion, on every cases store (memory, SQLite, PostgreSQL when configured).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Incident } from '@vigil/cases';
import { pseudonymFor } from '@vigil/identity';
import { openSqliteCasesStores, openSqliteStorage } from '@vigil/store-sqlite';
import { dropPostgresSchema, openPostgresCasesStores, openPostgresStorage } from '@vigil/store-postgres';
import { pgUrl, skipUnless } from '@vigil/testkit';
import { memoryCasesStores, type CasesStores } from '../alerts/cases-runtime.ts';
import { casesFixture, PASSWORD, WS } from '../alerts/testing/cases-fixture.ts';
import { addUser, login } from '../auth/testing/auth-fixture.ts';
import type { CasesPersonalData } from './cases-privacy.ts';

const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function sqliteStores(): Promise<CasesStores> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-cases-privacy-'));
  const storage = await openSqliteStorage({ dataDir });
  await storage.migrate();
  const stores = await openSqliteCasesStores({ dataDir });
  cleanups.push(async () => {
    await stores.close();
    await storage.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return stores;
}

async function postgresStores(): Promise<CasesStores> {
  const target = { url: pgUrl() ?? '', schema: `cases_privacy_${randomBytes(4).toString('hex')}` };
  const storage = await openPostgresStorage(target);
  await storage.migrate();
  const stores = await openPostgresCasesStores(target);
  cleanups.push(async () => {
    await stores.close();
    await storage.close();
    await dropPostgresSchema(target.url, target.schema);
  });
  return stores;
}

const suites: [string, () => Promise<CasesStores>, false | string][] = [
  ['memory', () => Promise.resolve(memoryCasesStores()), false],
  ['sqlite', sqliteStores, false],
  ['postgres', postgresStores, skipUnless(pgUrl(), 'VIGIL_PG_URL')],
];

for (const [name, open, skip] of suites) {
  test(
    `${name}: owned incidents, own entries, mentions and uploads are exported, then pseudonymised on deletion`,
    { skip },
    async () => {
      const f = await casesFixture(await open());
      try {
        const { app, analyst } = f;
        await addUser(f.identity, 'bea', PASSWORD, [['analyst', WS]]);
        const bea = await login(app, 'bea', PASSWORD);
        const base = `/api/v1/workspaces/${WS}/incidents`;
        const created = await app.inject({
          method: 'POST',
          url: base,
          headers: analyst.headers,
          payload: { title: 'Phishing wave', severity: 'high' },
        });
        assert.equal(created.statusCode, 201, created.body);
        const id = created.json<Incident>().id;
        const owned = await app.inject({
          method: 'PATCH',
          url: `${base}/${id}`,
          headers: analyst.headers,
          payload: { owner: 'ana' },
        });
        assert.equal(owned.statusCode, 200, owned.body);
        const comment = await app.inject({
          method: 'POST',
          url: `${base}/${id}/comments`,
          headers: bea.headers,
          payload: { text: 'please look, @ana. (cc @anabel)' },
        });
        assert.equal(comment.statusCode, 201, comment.body);
        const upload = await app.inject({
          method: 'POST',
          url: `${base}/${id}/attachments?name=notes.txt`,
          headers: { ...analyst.headers, 'content-type': 'text/plain' },
          payload: 'triage notes',
        });
        assert.equal(upload.statusCode, 201, upload.body);
        // An incident ana never touched must be neither exported nor rewritten.
        const other = await app.inject({
          method: 'POST',
          url: base,
          headers: bea.headers,
          payload: { title: 'Unrelated', severity: 'low' },
        });
        assert.equal(other.statusCode, 201, other.body);
        const otherBefore = JSON.stringify(await f.cases.incidents.get(WS, other.json<Incident>().id));

        const exported = await app.inject({
          url: '/api/v1/me/personal-data/export',
          headers: analyst.headers,
        });
        assert.equal(exported.statusCode, 200, exported.body);
        const cases = exported.json<{ cases: CasesPersonalData }>().cases;
        assert.deepEqual(
          cases.items.map((i) => [i.kind, i.id, i.owner]),
          [['incident', id, true]],
        );
        const actions = cases.items[0]?.entries.map((e) => `${e.actor}:${e.action}`) ?? [];
        assert.ok(actions.includes('u-ana:created'), actions.join());
        assert.ok(actions.includes('u-ana:attachment_added'), actions.join());
        assert.ok(actions.includes('u-bea:commented'), 'the comment mentioning ana is hers too');
        assert.deepEqual(
          cases.attachments.map((a) => [a.name, a.createdBy, a.parentId]),
          [['notes.txt', 'u-ana', id]],
        );
        assert.ok(!exported.body.includes('triage notes'), 'no attachment content in the export');

        const pseudonym = pseudonymFor('u-ana');
        const deleted = await app.inject({
          method: 'POST',
          url: '/api/v1/me/delete',
          headers: analyst.headers,
          payload: { password: PASSWORD, confirm: 'DELETE' },
        });
        assert.equal(deleted.statusCode, 200, deleted.body);
        assert.deepEqual(deleted.json<{ cases: unknown }>().cases, {
          alertsPseudonymised: 0,
          incidentsPseudonymised: 1,
          attachmentsPseudonymised: 1,
        });
        const uploaded = upload.json<{ id: string }>().id;
        const attachment = await f.cases.attachments.get(WS, uploaded);
        assert.equal(attachment?.createdBy, pseudonym, 'the upload no longer names the account');
        assert.equal(attachment?.name, 'notes.txt');

        const stored = await f.cases.incidents.get(WS, id);
        assert.ok(stored);
        assert.equal(stored.owner, pseudonym);
        const text = JSON.stringify(stored.timeline);
        assert.ok(!text.includes('u-ana') && !text.includes('"ana"'), text);
        const note = stored.timeline.find((e) => e.action === 'commented');
        assert.equal(note?.actor, 'u-bea', 'other people stay named');
        assert.equal(note?.note, `please look, @${pseudonym}. (cc @anabel)`);
        assert.deepEqual(note?.after, [pseudonym]);
        assert.equal(JSON.stringify(await f.cases.incidents.get(WS, other.json<Incident>().id)), otherBefore);
        const audit = await f.identity.stores.audit.find({ eventType: 'user.deleted' });
        assert.equal(audit.at(-1)?.result, 'success');
      } finally {
        await f.app.close();
      }
    },
  );
}
