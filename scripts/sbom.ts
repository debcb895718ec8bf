// `npm run sbom`: a CycloneDX 1.5 JSON SBOM of Vigil from package-lock.json (lockfile v2/v3).
// Components: every installed npm package (name, version, purl, licenses from its installed
// package.json, SHA-512 from the lock's integrity) and the workspace packages; plus the dependency graph.
// Usage: node scripts/sbom.ts [--out FILE]   (default: stdout)
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  license?: string;
  link?: boolean;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface CdxLicense {
  license?: { id?: string; name?: string };
  expression?: string;
}

export interface CdxComponent {
  type: 'library' | 'application';
  'bom-ref': string;
  name: string;
  group?: string;
  version: string;
  scope: 'required' | 'excluded';
  purl?: string;
  licenses?: CdxLicense[];
  hashes?: { alg: 'SHA-512' | 'SHA-384' | 'SHA-256' | 'SHA-1'; content: string }[];
  properties?: { name: string; value: string }[];
}

export interface CycloneDxBom {
  bomFormat: 'CycloneDX';
  specVersion: '1.5';
  serialNumber: string;
  version: 1;
  metadata: { timestamp: string; tools: { components: unknown[] }; component: CdxComponent };
  components: CdxComponent[];
  dependencies: { ref: string; dependsOn: string[] }[];
}

/** Common SPDX ids given as `license.id`; anything else is a `name` (or an SPDX `expression`). */
const SPDX_IDS = new Set(
  'MIT ISC Apache-2.0 BSD-2-Clause BSD-3-Clause 0BSD BlueOak-1.0.0 MPL-2.0 CC0-1.0 CC-BY-3.0 CC-BY-4.0 Python-2.0 Unlicense WTFPL Zlib LGPL-2.1-only LGPL-2.1-or-later LGPL-3.0-only LGPL-3.0-or-later GPL-2.0-only GPL-2.0-or-later GPL-3.0-only GPL-3.0-or-later AGPL-3.0-only Artistic-2.0 BSL-1.0 EPL-2.0 MIT-0'.split(
    ' ',
  ),
);

/** CycloneDX licence choice for a package.json `license` value. */
export function licenseChoice(license: string): CdxLicense {
  const text = license.trim().replace(/^\((.*)\)$/, '$1');
  if (SPDX_IDS.has(text)) return { license: { id: text } };
  if (/ (OR|AND|WITH) /.test(text)) return { expression: license.trim() };
  return { license: { name: license.trim() } };
}

/** `sha512-<base64>` (SRI) → `{ alg: 'SHA-512', content: <hex> }`; several SRI hashes may be listed. */
export function integrityHashes(integrity: string | undefined): CdxComponent['hashes'] {
  const algs = { sha512: 'SHA-512', sha384: 'SHA-384', sha256: 'SHA-256', sha1: 'SHA-1' } as const;
  const hashes = (integrity ?? '')
    .split(/\s+/)
    .map((sri) => /^(sha512|sha384|sha256|sha1)-([A-Za-z0-9+/=]+)$/.exec(sri))
    .filter((m) => m !== null)
    .map((m) => ({
      alg: algs[m[1] as keyof typeof algs],
      content: Buffer.from(m[2] ?? '', 'base64').toString('hex'),
    }));
  return hashes.length > 0 ? hashes : undefined;
}

/** purl for an npm package: the scope's `@` is percent-encoded (`pkg:npm/%40types/node@24.0.0`). */
export function npmPurl(name: string, version: string): string {
  return `pkg:npm/${name.startsWith('@') ? `%40${name.slice(1)}` : name}@${encodeURIComponent(version)}`;
}

function packageNameOf(path: string, entry: LockEntry): string {
  return entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

function installedLicenses(root: string, path: string, entry: LockEntry): CdxLicense[] | undefined {
  let license: unknown = entry.license;
  const manifest = join(root, path, 'package.json');
  if (existsSync(manifest)) {
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { license?: unknown; licenses?: unknown };
    license = pkg.license ?? pkg.licenses ?? license;
  }
  if (typeof license === 'string' && license !== '') return [licenseChoice(license)];
  if (typeof license === 'object' && license !== null && 'type' in license)
    return [licenseChoice(String(license.type))];
  if (Array.isArray(license))
    return license.map((l: unknown) =>
      licenseChoice(typeof l === 'string' ? l : String((l as { type?: string }).type ?? 'unknown')),
    );
  return undefined;
}

/** Where Node would find `dep` required from the package at lock path `from` (nested, then upwards). */
function resolveDependency(
  packages: Record<string, LockEntry>,
  from: string,
  dep: string,
): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${dep}`;
    const entry = packages[candidate];
    if (entry) return entry.link && entry.resolved !== undefined ? entry.resolved : candidate;
    if (base === '') return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/** Builds the SBOM from the lock file and installed packages under `root`. */
export function buildSbom(root: string, now: Date = new Date()): CycloneDxBom {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    name?: string;
    version?: string;
    packages?: Record<string, LockEntry>;
  };
  const packages = lock.packages;
  if (packages === undefined)
    throw new Error('package-lock.json has no "packages" (lockfile v2 or later needed)');
  const rootEntry = packages[''] ?? {};
  const appName = rootEntry.name ?? lock.name ?? 'vigil';
  const appVersion = rootEntry.version ?? lock.version ?? '0.0.0';
  const refs = new Map<string, string>(); // lock path → bom-ref
  const app: CdxComponent = {
    type: 'application',
    'bom-ref': `${appName}@${appVersion}`,
    name: appName,
    version: appVersion,
    scope: 'required',
    ...(rootEntry.license ? { licenses: [licenseChoice(rootEntry.license)] } : {}),
  };
  refs.set('', app['bom-ref']);
  const components = new Map<string, CdxComponent>();
  for (const [path, entry] of Object.entries(packages)) {
    if (path === '' || entry.link) continue;
    const name = packageNameOf(path, entry);
    const version = entry.version ?? '0.0.0';
    const workspace = !path.includes('node_modules/');
    const ref = workspace ? `${name}@${version}` : npmPurl(name, version);
    refs.set(path, ref);
    if (components.has(ref)) continue; // the same version installed at several paths
    // Workspace packages without their own licence field are under the application's licence.
    const licenses = installedLicenses(root, path, entry) ?? (workspace ? app.licenses : undefined);
    const hashes = integrityHashes(entry.integrity);
    const dev = entry.dev === true || entry.devOptional === true;
    components.set(ref, {
      type: 'library',
      'bom-ref': ref,
      name,
      version,
      scope: dev ? 'excluded' : 'required',
      ...(workspace ? {} : { purl: ref }),
      ...(licenses ? { licenses } : {}),
      ...(hashes ? { hashes } : {}),
      ...(workspace || dev
        ? {
            properties: [
              ...(workspace ? [{ name: 'cdx:npm:package:path', value: path }] : []),
              ...(dev ? [{ name: 'cdx:npm:package:development', value: 'true' }] : []),
            ],
          }
        : {}),
    });
  }
  const graph = new Map<string, Set<string>>();
  for (const [path, entry] of Object.entries(packages)) {
    const ref = refs.get(path);
    if (ref === undefined) continue;
    const names = Object.keys({
      ...entry.dependencies,
      ...entry.optionalDependencies,
      ...entry.peerDependencies,
      ...entry.devDependencies, // only the root and workspaces list these in the lock
    });
    const dependsOn = graph.get(ref) ?? new Set<string>();
    for (const dep of names) {
      const target = resolveDependency(packages, path, dep);
      const targetRef = target === undefined ? undefined : refs.get(target);
      if (targetRef !== undefined && targetRef !== ref) dependsOn.add(targetRef);
    }
    graph.set(ref, dependsOn);
  }
  // The application depends on its workspaces (the root lists them as `workspaces`, not dependencies).
  for (const [path, ref] of refs)
    if (path !== '' && !path.includes('node_modules/')) graph.get(app['bom-ref'])?.add(ref);
  const toolVersion = appVersion;
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: now.toISOString(),
      tools: { components: [{ type: 'application', name: 'vigil scripts/sbom.ts', version: toolVersion }] },
      component: app,
    },
    components: [...components.values()].sort((a, b) => a['bom-ref'].localeCompare(b['bom-ref'])),
    dependencies: [...graph].map(([ref, deps]) => ({ ref, dependsOn: [...deps].sort() })),
  };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const bom = `${JSON.stringify(buildSbom(join(import.meta.dirname, '..')), null, 2)}\n`;
  if (values.out) {
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, bom);
    console.error(`SBOM written to ${values.out}`);
  } else {
    process.stdout.write(bom);
  }
}
