import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSbom, integrityHashes, licenseChoice, npmPurl, type CycloneDxBom } from './sbom.ts';

const sri = (text: string) => `sha512-${createHash('sha512').update(text).digest('base64')}`;
const hex = (text: string) => createHash('sha512').update(text).digest('hex');

/** The structure CycloneDX 1.5 requires (bomFormat, specVersion, component type/name, unique bom-refs, refs resolve). */
function assertCycloneDx15(bom: CycloneDxBom): void {
  assert.equal(bom.bomFormat, 'CycloneDX');
  assert.equal(bom.specVersion, '1.5');
  assert.match(
    bom.serialNumber,
    /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  assert.equal(bom.version, 1);
  assert.ok(!Number.isNaN(Date.parse(bom.metadata.timestamp)));
  const refs = new Set<string>([bom.metadata.component['bom-ref']]);
  for (const c of bom.components) {
    assert.ok(['library', 'application'].includes(c.type));
    assert.ok(c.name.length > 0 && c.version.length > 0, JSON.stringify(c));
    assert.ok(!refs.has(c['bom-ref']), `duplicate bom-ref ${c['bom-ref']}`);
    refs.add(c['bom-ref']);
    if (c.purl !== undefined) assert.match(c.purl, /^pkg:npm\/(%40[^/@]+\/)?[^/@]+@[^@]+$/);
    for (const h of c.hashes ?? []) assert.match(h.content, /^[0-9a-f]+$/);
    for (const l of c.licenses ?? [])
      assert.ok(l.expression ?? l.license?.id ?? l.license?.name, JSON.stringify(c));
  }
  for (const d of bom.dependencies) {
    assert.ok(refs.has(d.ref), `dependency ref ${d.ref} is not a component`);
    for (const on of d.dependsOn) assert.ok(refs.has(on), `dependsOn ${on} is not a component`);
  }
}

test('licence, hash and purl encodings', () => {
  assert.deepEqual(licenseChoice('MIT'), { license: { id: 'MIT' } });
  assert.deepEqual(licenseChoice('(MIT OR Apache-2.0)'), { expression: '(MIT OR Apache-2.0)' });
  assert.deepEqual(licenseChoice('SEE LICENSE IN LICENSE.md'), {
    license: { name: 'SEE LICENSE IN LICENSE.md' },
  });
  assert.deepEqual(integrityHashes(sri('x')), [{ alg: 'SHA-512', content: hex('x') }]);
  assert.equal(integrityHashes(undefined), undefined);
  assert.equal(npmPurl('@types/node', '24.0.0'), 'pkg:npm/%40types/node@24.0.0');
  assert.equal(npmPurl('ws', '8.18.0'), 'pkg:npm/ws@8.18.0');
});

test('the SBOM of a fixture lock: components, licences from installed package.json, hashes, graph', () => {
  const root = mkdtempSync(join(tmpdir(), 'vigil-sbom-'));
  const lock = {
    name: 'app',
    version: '1.2.3',
    lockfileVersion: 3,
    packages: {
      '': {
        name: 'app',
        version: '1.2.3',
        license: 'Apache-2.0',
        workspaces: ['packages/*'],
        devDependencies: { tsx: '^1' },
      },
      'packages/core': { name: '@app/core', version: '1.2.3', dependencies: { '@scope/lib': '^2' } },
      'node_modules/@app/core': { resolved: 'packages/core', link: true },
      'node_modules/@scope/lib': {
        version: '2.0.1',
        integrity: sri('lib'),
        license: 'ISC',
        dependencies: { dep: '^1' },
      },
      'node_modules/@scope/lib/node_modules/dep': { version: '1.0.0', integrity: sri('dep-1') },
      'node_modules/dep': { version: '2.0.0', integrity: sri('dep-2'), dev: true },
      'node_modules/tsx': { version: '1.0.0', integrity: sri('tsx'), dev: true, dependencies: { dep: '^2' } },
    },
  };
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify(lock));
  // The installed package.json is authoritative for the licence (the lock said ISC).
  mkdirSync(join(root, 'node_modules/@scope/lib'), { recursive: true });
  writeFileSync(join(root, 'node_modules/@scope/lib/package.json'), JSON.stringify({ license: 'MIT' }));
  const bom = buildSbom(root, new Date('2026-11-23T12:00:00Z'));
  assertCycloneDx15(bom);
  assert.equal(bom.metadata.component.name, 'app');
  assert.equal(bom.metadata.timestamp, '2026-11-23T12:00:00.000Z');
  const byRef = new Map(bom.components.map((c) => [c['bom-ref'], c]));
  const lib = byRef.get('pkg:npm/%40scope/lib@2.0.1');
  assert.deepEqual(lib, {
    type: 'library',
    'bom-ref': 'pkg:npm/%40scope/lib@2.0.1',
    name: '@scope/lib',
    version: '2.0.1',
    scope: 'required',
    purl: 'pkg:npm/%40scope/lib@2.0.1',
    licenses: [{ license: { id: 'MIT' } }],
    hashes: [{ alg: 'SHA-512', content: hex('lib') }],
  });
  assert.equal(byRef.get('pkg:npm/dep@2.0.0')?.scope, 'excluded');
  assert.deepEqual(byRef.get('@app/core@1.2.3')?.licenses, [{ license: { id: 'Apache-2.0' } }]);
  const deps = new Map(bom.dependencies.map((d) => [d.ref, d.dependsOn]));
  assert.deepEqual(deps.get('app@1.2.3'), ['@app/core@1.2.3', 'pkg:npm/tsx@1.0.0']);
  assert.deepEqual(deps.get('@app/core@1.2.3'), ['pkg:npm/%40scope/lib@2.0.1']);
  assert.deepEqual(deps.get('pkg:npm/%40scope/lib@2.0.1'), ['pkg:npm/dep@1.0.0']); // the nested copy
  assert.deepEqual(deps.get('pkg:npm/tsx@1.0.0'), ['pkg:npm/dep@2.0.0']);
});

test("Vigil's own SBOM has the CycloneDX 1.5 structure and covers every locked package", () => {
  const bom = buildSbom(join(import.meta.dirname, '..'));
  assertCycloneDx15(bom);
  assert.equal(bom.metadata.component.name, 'vigil');
  const npm = bom.components.filter((c) => c.purl !== undefined);
  assert.ok(npm.length > 50, `only ${npm.length} npm components`);
  assert.ok(npm.every((c) => c.hashes?.[0]?.alg === 'SHA-512' && c.hashes[0].content.length === 128));
  assert.ok(bom.components.some((c) => c.purl === npmPurl('fastify', c.version)));
  const unlicensed = npm.filter((c) => c.licenses === undefined).map((c) => c.name);
  assert.deepEqual(unlicensed, [], 'every npm component names its licence');
});
