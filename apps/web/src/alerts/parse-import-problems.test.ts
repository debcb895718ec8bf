import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseImportProblems } from './parse-import-problems.ts';

test('import problems name the 1-based row and the field; file-level problems have neither', () => {
  assert.deepEqual(
    parseImportProblems({
      problems: [
        { where: '[1].title', message: 'title: required' },
        { where: '[0]', message: 'expected an object' },
        { where: '(body)', message: 'at most 1000 alerts per import' },
        { where: '[2].tags', message: 42 },
      ],
    }),
    [
      { row: 2, field: 'title', reason: 'title: required' },
      { row: 1, field: undefined, reason: 'expected an object' },
      { row: undefined, field: undefined, reason: 'at most 1000 alerts per import' },
    ],
  );
  assert.deepEqual(parseImportProblems(undefined), []);
});
