import { test } from 'node:test';
import assert from 'node:assert/strict';
import { previewAlertImport } from './alert-import-preview.ts';

test('JSON arrays and {alerts} objects are counted; bad or empty JSON is refused with a reason', () => {
  assert.deepEqual(previewAlertImport('a.json', '[{"title":"A"},{"title":"B"}]'), {
    ok: true,
    format: 'json',
    count: 2,
  });
  assert.deepEqual(previewAlertImport('x.txt', ' {"alerts":[{"title":"A"}]}'), {
    ok: true,
    format: 'json',
    count: 1,
  });
  assert.equal(previewAlertImport('a.json', '[{"title":').ok, false);
  assert.deepEqual(previewAlertImport('a.json', '[]'), { ok: false, reason: 'the file holds no alerts' });
  assert.equal(previewAlertImport('a.json', '{"title":"A"}').ok, false);
});

test('CSV records exclude the header and count quoted line breaks as one record', () => {
  assert.deepEqual(previewAlertImport('a.csv', 'title,severity\r\n"Phish, ""x""\nline 2",high\nB,low\n\n'), {
    ok: true,
    format: 'csv',
    count: 2,
  });
  assert.equal(previewAlertImport('a.csv', 'title,severity\n').ok, false);
});
