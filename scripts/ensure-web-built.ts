// Builds the web console only when apps/web/dist is missing or older than its sources.
// Usage: node scripts/ensure-web-built.ts   (run by `npm start` and before the tests)
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildWeb, formatSizes, webDist, webRoot } from './build-web.ts';

/** Files and folders whose changes call for a rebuild. Tests are not part of the bundle. */
const inputs = ['index.html', 'vite.config.ts', 'package.json', 'src', 'public'].map((p) => join(webRoot, p));
const isTest = (name: string) => /\.test\.tsx?$/.test(name);

/** Newest modification time (ms) among the console's sources, 0 when there are none. */
export function newestSourceTime(): number {
  let newest = 0;
  for (const input of inputs) {
    if (!existsSync(input)) continue;
    const stat = statSync(input);
    if (stat.isFile()) {
      newest = Math.max(newest, stat.mtimeMs);
      continue;
    }
    for (const entry of readdirSync(input, { withFileTypes: true, recursive: true })) {
      if (entry.isFile() && !isTest(entry.name)) {
        newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
      }
    }
  }
  return newest;
}

export function isWebBuildStale(): boolean {
  const index = join(webDist, 'index.html');
  return !existsSync(index) || statSync(index).mtimeMs < newestSourceTime();
}

/** Builds when stale; resolves to whether a build ran. Throws when the build fails. */
export async function ensureWebBuilt(log: (line: string) => void = () => undefined): Promise<boolean> {
  if (!isWebBuildStale()) return false;
  log('building the web console…');
  log(formatSizes(await buildWeb()));
  return true;
}

if (import.meta.main) {
  try {
    const built = await ensureWebBuilt((line) => console.log(line));
    if (!built) console.log('web console is up to date');
  } catch (error) {
    console.error('web console build failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
