// `npm run release`: the release tarball of Vigil, its SHA-256 and its SBOM, in dist/release/:
//   vigil-<version>.tgz          every git-tracked file (tests included), under vigil-<version>/
//   vigil-<version>.tgz.sha256   `sha256sum -c` format
//   vigil-<version>.cdx.json     CycloneDX 1.5 SBOM (scripts/sbom.ts)
// The archive is reproducible: sorted entries, fixed owner, modes 0644/0755, mtime of the last commit
// (or SOURCE_DATE_EPOCH). Tracked files are taken as they are in the working tree: release from a clean
// checkout of the tag.
// Usage: node scripts/release.ts [--out DIR]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildSbom } from './sbom.ts';

export interface TarEntry {
  path: string;
  content: Buffer;
  executable: boolean;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** ustar splits long paths into a prefix (≤ 155 bytes) and a name (≤ 100 bytes) at a slash. */
function splitPath(path: string): [string, string] {
  if (Buffer.byteLength(path) <= 100) return ['', path];
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return [prefix, name];
  }
  throw new Error(`path too long for a ustar archive: ${path}`);
}

function header(entry: TarEntry, mtime: number): Buffer {
  const block = Buffer.alloc(512);
  const [prefix, name] = splitPath(entry.path);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(entry.executable ? 0o755 : 0o644, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii'); // uid
  block.write(octal(0, 8), 116, 'ascii'); // gid
  block.write(octal(entry.content.length, 12), 124, 'ascii');
  block.write(octal(mtime, 12), 136, 'ascii');
  block.write('        ', 148, 'ascii'); // checksum placeholder: spaces while summing
  block.write('0', 156, 'ascii'); // regular file
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  block.write('root', 265, 'ascii');
  block.write('root', 297, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

/** A gzip-compressed ustar archive of `entries` (sorted by path), every file dated `mtime` (seconds). */
export function createTarball(entries: readonly TarEntry[], mtime: number): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    blocks.push(header(entry, mtime), entry.content);
    const pad = (512 - (entry.content.length % 512)) % 512;
    if (pad > 0) blocks.push(Buffer.alloc(pad));
  }
  blocks.push(Buffer.alloc(1024)); // two zero blocks end the archive
  return gzipSync(Buffer.concat(blocks), { level: 9 });
}

/** The git-tracked files of the checkout at `root` (deleted-but-unstaged files skipped). */
export function trackedFiles(root: string): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached'], {
    cwd: root,
    maxBuffer: 256 * 1024 * 1024,
  });
  return out
    .toString('utf8')
    .split('\0')
    .filter((path) => path !== '')
    .filter((path) => {
      try {
        return statSync(join(root, path)).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

function sourceDateEpoch(root: string, env: NodeJS.ProcessEnv): number {
  const fromEnv = Number(env['SOURCE_DATE_EPOCH']);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8' }).trim());
}

export interface ReleaseOutput {
  tarball: string;
  checksumFile: string;
  sbomFile: string;
  sha256: string;
  files: string[];
}

/** Writes the release artefacts of the checkout at `root` into `outDir`. */
export function buildRelease(
  root: string,
  outDir: string,
  env: NodeJS.ProcessEnv = process.env,
): ReleaseOutput {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const base = `vigil-${version}`;
  const files = trackedFiles(root);
  const entries = files.map((path) => {
    const stat = statSync(join(root, path));
    return {
      path: `${base}/${path}`,
      content: readFileSync(join(root, path)),
      executable: (stat.mode & 0o111) !== 0,
    };
  });
  const mtime = sourceDateEpoch(root, env);
  const tgz = createTarball(entries, mtime);
  mkdirSync(outDir, { recursive: true });
  const tarball = join(outDir, `${base}.tgz`);
  writeFileSync(tarball, tgz);
  const sha256 = createHash('sha256').update(tgz).digest('hex');
  const checksumFile = `${tarball}.sha256`;
  writeFileSync(checksumFile, `${sha256}  ${basename(tarball)}\n`);
  const sbomFile = join(outDir, `${base}.cdx.json`);
  writeFileSync(sbomFile, `${JSON.stringify(buildSbom(root, new Date(mtime * 1000)), null, 2)}\n`);
  return { tarball, checksumFile, sbomFile, sha256, files };
}

if (import.meta.main) {
  const root = join(import.meta.dirname, '..');
  const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, 'dist/release') } } });
  const release = buildRelease(root, values.out);
  console.log(`${release.tarball} (${release.files.length} files)`);
  console.log(`${release.checksumFile}: ${release.sha256}`);
  console.log(release.sbomFile);
}
