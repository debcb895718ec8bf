import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IngestProgress } from './ingest-progress.ts';

test('the progress line is drawn only on a terminal, rewritten in place, and ended before the summary', () => {
  let tty = '';
  const p = new IngestProgress({ write: (c: string) => (tty += c), isTTY: true });
  p.update('auth.log.gz', 512 * 1024, 1024 * 1024, 1200, true);
  p.update('auth.log.gz', 600 * 1024, 1024 * 1024, 1300); // throttled
  p.done();
  assert.equal(
    tty,
    `\r\u001b[2Kauth.log.gz [${'#'.repeat(12)}${'-'.repeat(12)}] 50% 0.5/1.0 MB, 1200 events\n`,
  );
  let piped = '';
  const q = new IngestProgress({ write: (c: string) => (piped += c) });
  q.update('x', 1, 2, 3, true);
  q.done();
  assert.equal(piped, '');
});
