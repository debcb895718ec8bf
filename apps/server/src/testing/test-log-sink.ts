// In-process test servers capture their log in memory; this also hands it to the run-wide secret scan
// of scripts/run-tests.ts, so a credential any test registered fails the run if a server logged it.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_SECRETS_DIR_ENV } from '@vigil/testkit';

/**
 * A writer for log chunks into `<name>-<pid>.log` of the registry directory; a no-op outside the runner.
 * Synchronous on purpose: a test process may exit right after its last request, before a stream flushes.
 */
export function testLogSink(name: string): (chunk: string) => void {
  const dir = process.env[TEST_SECRETS_DIR_ENV];
  if (!dir) return () => undefined;
  const file = join(dir, `${name.replace(/[^A-Za-z0-9_-]/g, '_')}-${process.pid}.log`);
  return (chunk) => appendFileSync(file, chunk);
}
