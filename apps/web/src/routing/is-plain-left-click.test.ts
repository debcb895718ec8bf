import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPlainLeftClick, type ClickLike } from './is-plain-left-click.ts';

const plain: ClickLike = {
  button: 0,
  defaultPrevented: false,
  metaKey: false,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
};

test('a plain primary click is handled by the router', () => {
  assert.equal(isPlainLeftClick(plain), true);
});

test('modified, non-primary and already-handled clicks stay with the browser', () => {
  for (const change of [
    { button: 1 },
    { defaultPrevented: true },
    { metaKey: true },
    { ctrlKey: true },
    { shiftKey: true },
    { altKey: true },
  ]) {
    assert.equal(isPlainLeftClick({ ...plain, ...change }), false, JSON.stringify(change));
  }
});
