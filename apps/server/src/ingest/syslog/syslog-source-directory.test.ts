// The syslog source registry on every metadata adapter: memory, SQLite, and PostgreSQL when VIGIL_PG_URL is set.
import { X509Certificate } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MetadataStore } from '@vigil/core';
import { uniqueWorkspace } from '@vigil/testkit';
import { makeTestPki } from './make-test-pki.ts';
import { SyslogRuntime } from './syslog-runtime.ts';
import { SyslogSourceDirectory } from './syslog-source-directory.ts';
import { normaliseFingerprint, SyslogSourceStore } from './syslog-source-store.ts';
import { forEachMetadataStore } from '../../testing/each-metadata-store.ts';

const pki = makeTestPki(mkdtempSync(join(tmpdir(), 'vigil-syslog-pki-')));
const x509 = (pem: string) => new X509Certificate(pem);

function directoryContract(name: string, open: () => Promise<MetadataStore>, skip: false | string = false) {
  describe(`syslog source registry: ${name}`, { skip }, () => {
    test('pinned and CA sources identify their certificates; removal and expiry refuse them', async () => {
      const store = new SyslogSourceStore(await open());
      const runtime = new SyslogRuntime();
      const [a, b] = [uniqueWorkspace('sa'), uniqueWorkspace('sb')];
      let now = Date.now();
      const directory = new SyslogSourceDirectory({
        store,
        runtime,
        workspaces: () => Promise.resolve([a, b]),
        now: () => now,
      });
      const pinned = await store.create(a, {
        name: 'fw1',
        dataSpace: 'net',
        match: 'certificate',
        fingerprint: normaliseFingerprint(x509(pki.pinned.pem).fingerprint256),
        createdBy: 'u1',
      });
      await store.create(b, {
        name: 'fleet',
        dataSpace: 'default',
        match: 'issuer',
        fingerprint: normaliseFingerprint(x509(pki.ca.pem).fingerprint256),
        caCertificate: pki.ca.pem,
        createdBy: 'u1',
      });
      runtime.sourcesChanged();
      assert.deepEqual(await directory.identify([x509(pki.pinned.pem)]), {
        workspace: a,
        dataSpace: 'net',
        source: 'syslog-tls:fw1',
      });
      assert.deepEqual(await directory.identify([x509(pki.issued.pem)]), {
        workspace: b,
        dataSpace: 'default',
        source: 'syslog-tls:fleet',
      });
      assert.equal(await directory.identify([x509(pki.stranger.pem)]), undefined);
      // A stranger cannot borrow the CA's name by sending the CA certificate along with its own.
      assert.equal(await directory.identify([x509(pki.stranger.pem), x509(pki.ca.pem)]), undefined);
      assert.equal(await directory.identify([]), undefined);
      // Certificates outside their validity dates are refused (the test certificates last 2 days).
      now += 3 * 86_400_000;
      assert.equal(await directory.identify([x509(pki.pinned.pem)]), undefined);
      now -= 3 * 86_400_000;
      assert.equal((await store.list(a)).length, 1);
      assert.equal(await store.delete(a, pinned.id), true);
      runtime.sourcesChanged();
      assert.equal(await directory.identify([x509(pki.pinned.pem)]), undefined);
    });
  });
}

forEachMetadataStore('vigil-syslog-src-', directoryContract);
