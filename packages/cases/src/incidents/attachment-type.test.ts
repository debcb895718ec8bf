import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isVigilError } from '@vigil/core';
import { checkAttachmentName, sniffAttachmentType } from './attachment-type.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR....');
const zip = bytes([0x50, 0x4b, 0x03, 0x04], 'rest');

function fails(fn: () => unknown, code: string, field: string, status: number): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(isVigilError(e));
    assert.equal(e.code, code);
    assert.equal(e.details?.['field'], field);
    assert.equal(e.status, status);
    return true;
  });
}

test('the stored type comes from the bytes: signatures, then UTF-8 text, else octet-stream', () => {
  assert.deepEqual(sniffAttachmentType(png, undefined, 'shot.png'), { contentType: 'image/png' });
  assert.deepEqual(sniffAttachmentType(png, 'application/octet-stream', 'x'), { contentType: 'image/png' });
  assert.deepEqual(sniffAttachmentType(bytes('%PDF-1.7\n'), 'application/pdf', 'r.pdf'), {
    contentType: 'application/pdf',
  });
  assert.deepEqual(sniffAttachmentType(bytes([0xd4, 0xc3, 0xb2, 0xa1, 2, 0]), undefined, 'c.pcap'), {
    contentType: 'application/vnd.tcpdump.pcap',
  });
  // A png called .txt is still a png: the name never decides.
  assert.deepEqual(sniffAttachmentType(png, undefined, 'notes.txt'), { contentType: 'image/png' });
  assert.deepEqual(sniffAttachmentType(bytes('host,ip\nws01,10.0.0.1\n'), 'text/csv', 'iocs.csv'), {
    contentType: 'text/csv',
  });
  assert.deepEqual(sniffAttachmentType(bytes('héllo'), undefined, 'a'), { contentType: 'text/plain' });
  assert.deepEqual(sniffAttachmentType(bytes('log'), 'text/x-log', 'a.log'), {
    contentType: 'text/plain',
    declaredType: 'text/x-log',
  });
  assert.deepEqual(sniffAttachmentType(bytes([0, 1, 2, 0xff]), undefined, 'dump.bin'), {
    contentType: 'application/octet-stream',
  });
  assert.deepEqual(sniffAttachmentType(bytes([0, 1, 2]), 'application/x-foo', 'x.foo'), {
    contentType: 'application/octet-stream',
    declaredType: 'application/x-foo',
  });
  // Office documents are zips: the declared spelling is kept beside the detected type.
  const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  assert.deepEqual(sniffAttachmentType(zip, docx, 'r.docx'), {
    contentType: 'application/zip',
    declaredType: docx,
  });
});

test('a declared type that contradicts the content is refused (415, field type)', () => {
  fails(() => sniffAttachmentType(png, 'application/pdf', 'x.pdf'), 'ATTACHMENT_TYPE_MISMATCH', 'type', 415);
  fails(
    () => sniffAttachmentType(bytes('plain'), 'image/png', 'x.png'),
    'ATTACHMENT_TYPE_MISMATCH',
    'type',
    415,
  );
  fails(
    () => sniffAttachmentType(bytes([0, 1, 2]), 'text/plain', 'x'),
    'ATTACHMENT_TYPE_MISMATCH',
    'type',
    415,
  );
  fails(
    () => sniffAttachmentType(bytes([0, 1, 2]), 'image/png', 'x'),
    'ATTACHMENT_TYPE_MISMATCH',
    'type',
    415,
  );
  fails(() => sniffAttachmentType(bytes('x'), 'text/html', 'x'), 'ATTACHMENT_TYPE_MISMATCH', 'type', 415);
});

test('executables, scripts and active content are refused by content and by name', () => {
  for (const content of [
    bytes('MZ', [0x90, 0, 3]),
    bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1]),
    bytes([0xcf, 0xfa, 0xed, 0xfe, 7]),
    bytes('#!/bin/sh\nrm -rf /\n'),
    bytes('<!DOCTYPE html><html><script>alert(1)</script>'),
    bytes('\uFEFF  <html><body>hi</body></html>'),
    bytes('<!-- x --><script>fetch("/api")</script>'),
    bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    bytes('<svg><script>alert(1)</script></svg>'),
  ]) {
    fails(
      () => sniffAttachmentType(content, 'application/octet-stream', 'evidence.dat'),
      'ATTACHMENT_TYPE_REFUSED',
      'content',
      415,
    );
  }
  for (const name of ['invoice.exe', 'run.PS1', 'page.html', 'logo.svg', 'x.hta', 'a.jar']) {
    fails(
      () => sniffAttachmentType(bytes('harmless text'), undefined, name),
      'ATTACHMENT_TYPE_REFUSED',
      'name',
      415,
    );
  }
  // Text that merely mentions markup later on is fine.
  assert.equal(
    sniffAttachmentType(bytes('analyst notes: the page had <script> tags'), undefined, 'n.txt').contentType,
    'text/plain',
  );
});

test('empty files and unsafe names are refused with the field named', () => {
  fails(
    () => sniffAttachmentType(new Uint8Array(), undefined, 'a.txt'),
    'INVALID_ATTACHMENT',
    'content',
    400,
  );
  for (const name of ['', '  ', '../etc/passwd', 'a\\b', 'line\nbreak', '..', 'x'.repeat(256)]) {
    fails(() => checkAttachmentName(name), 'INVALID_ATTACHMENT', 'name', 400);
  }
  assert.equal(checkAttachmentName(' screenshot 1.png '), 'screenshot 1.png');
});
