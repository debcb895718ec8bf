import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { RuleSource } from '@vigil/sigma';

/**
 * Reads Sigma rule files from files and directories (recursively: `.yml`/`.yaml`), in sorted order.
 * Paths that cannot be read are returned as errors, not thrown.
 */
export async function readRuleSources(
  paths: readonly string[],
  cwd: string,
): Promise<{ sources: RuleSource[]; errors: string[] }> {
  const sources: RuleSource[] = [];
  const errors: string[] = [];
  // [absolute path, path as shown in problems (relative to what the user typed)]
  const files: [string, string][] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    try {
      const s = await stat(abs);
      if (s.isDirectory()) {
        const entries = await readdir(abs, { recursive: true, withFileTypes: true });
        const found = entries
          .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
          .map((e) => join(e.parentPath, e.name))
          .sort();
        for (const f of found) files.push([f, join(p, relative(abs, f))]);
      } else files.push([abs, p]);
    } catch (e) {
      errors.push(
        `${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`,
      );
    }
  }
  for (const [abs, shown] of files) {
    try {
      sources.push({ path: shown, text: await readFile(abs, 'utf8') });
    } catch (e) {
      errors.push(`${shown}: ${(e as Error).message}`);
    }
  }
  return { sources, errors };
}
