import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes, parseAttachments } from './parse-attachment.ts';

test('reads attachments; entries without an id are dropped, wrong types read as defaults', () => {
  const list = parseAttachments({
    attachments: [
      {
        id: 'at-1',
        name: 'shot.png',
        contentType: 'image/png',
        size: 2048,
        sha256: 'ab',
        createdAt: 5,
        createdBy: 'u',
      },
      { name: 'no id' },
      { id: 'at-2', size: 'big' },
    ],
  });
  assert.deepEqual(
    list.map((a) => [a.id, a.name, a.contentType, a.size]),
    [
      ['at-1', 'shot.png', 'image/png', 2048],
      ['at-2', 'at-2', 'application/octet-stream', 0],
    ],
  );
  assert.deepEqual(parseAttachments(null), []);
});

test('sizes read as people do', () => {
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(10 * 1024 * 1024), '10 MiB');
});
