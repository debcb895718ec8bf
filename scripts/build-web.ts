// Builds the web console (apps/web) into apps/web/dist with Vite and prints the size of every file.
// Usage: node scripts/build-web.ts   (exit 1 when the build fails)
// The build goes to a temporary folder that replaces dist/ only when complete, so a running server never
// serves a half-written console and two concurrent builds cannot interleave their files.
import { readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const webRoot = join(import.meta.dirname, '..', 'apps', 'web');
export const webDist = join(webRoot, 'dist');

export interface BuiltFile {
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export async function buildWeb(): Promise<BuiltFile[]> {
  const staging = join(webRoot, `dist.building-${process.pid}-${Date.now()}`);
  try {
    await build({
      root: webRoot,
      configFile: join(webRoot, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: staging, emptyOutDir: true },
    });
    const files = listFiles(staging).map((file) => describe(staging, file));
    swapIntoPlace(staging);
    return files;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function swapIntoPlace(staging: string): void {
  const retired = `${webDist}.old-${process.pid}-${Date.now()}`;
  try {
    renameSync(webDist, retired);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
  try {
    renameSync(staging, webDist);
  } catch (error) {
    // Another build put its dist/ in place between our two renames: it is as fresh as ours.
    if (!isCode(error, 'ENOTEMPTY') && !isCode(error, 'EEXIST')) throw error;
  } finally {
    rmSync(retired, { recursive: true, force: true });
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function describe(root: string, file: string): BuiltFile {
  const content = readFileSync(file);
  return { path: relative(root, file), bytes: statSync(file).size, gzipBytes: gzipSync(content).length };
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

export function formatSizes(files: readonly BuiltFile[]): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`.padStart(9);
  const width = Math.max(...files.map((f) => f.path.length), 5);
  const rows = files.map((f) => `  ${f.path.padEnd(width)} ${kb(f.bytes)}  gzip ${kb(f.gzipBytes)}`);
  const total = (key: 'bytes' | 'gzipBytes') => files.reduce((sum, f) => sum + f[key], 0);
  rows.push(`  ${'total'.padEnd(width)} ${kb(total('bytes'))}  gzip ${kb(total('gzipBytes'))}`);
  return `${relative(process.cwd(), webDist) || '.'}:\n${rows.join('\n')}`;
}

if (import.meta.main) {
  try {
    const started = performance.now();
    const files = await buildWeb();
    console.log(formatSizes(files));
    console.log(`web console built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error('web console build failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
