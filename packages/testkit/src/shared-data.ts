import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Root of the public test data (../shared/data next to the repository), overridable by VIGIL_SHARED_DATA. */
export function sharedDataRoot(): string {
  return process.env['VIGIL_SHARED_DATA'] ?? resolve(import.meta.dirname, '../../../../shared/data');
}

/** Absolute path of a file under shared/data; throws a clear message when the data set is absent. */
export function sharedData(...parts: string[]): string {
  const path = join(sharedDataRoot(), ...parts);
  if (!existsSync(path)) {
    throw new Error(
      `test data not found: ${path}. Tests read public data sets from ../shared/data beside the repository ` +
        `(or set VIGIL_SHARED_DATA); see README "Tests".`,
    );
  }
  return path;
}
