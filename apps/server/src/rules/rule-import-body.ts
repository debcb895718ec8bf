import { userError } from '@vigil/core';
import { readZip, DEFAULT_ZIP_LIMITS } from './zip-reader.ts';
import type { ZipFile } from './zip-reader.ts';

const MAX_FILES = DEFAULT_ZIP_LIMITS.maxEntries;
const isYaml = (path: string): boolean => /\.ya?ml$/i.test(path);

function invalid(message: string, field?: string) {
  return userError('RULE_IMPORT_INVALID', message, field === undefined ? {} : { details: { field } });
}

function fromJson(body: Record<string, unknown>): ZipFile[] {
  if (Array.isArray(body['files'])) {
    const files = body['files'] as unknown[];
    if (files.length > MAX_FILES) throw invalid(`at most ${MAX_FILES} files per import`, 'files');
    return files.map((f, i) => {
      const o = (f ?? {}) as Record<string, unknown>;
      if (typeof o['path'] !== 'string' || o['path'] === '' || typeof o['text'] !== 'string')
        throw invalid(`files[${i}] needs a non-empty "path" and a "text"`, `files[${i}]`);
      return { path: o['path'], text: o['text'] };
    });
  }
  if (typeof body['zip'] === 'string') {
    return readZip(Buffer.from(body['zip'], 'base64'), isYaml);
  }
  if (typeof body['text'] === 'string') {
    const path = typeof body['path'] === 'string' && body['path'] !== '' ? body['path'] : 'rule.yml';
    return [{ path, text: body['text'] }];
  }
  throw invalid(
    'send {"files":[{"path","text"}]}, {"zip":"<base64>"}, {"text":"<yaml>"}, a YAML body or a zip body',
  );
}

/**
 * Turns an import request body into rule files: a YAML text (any text/yaml/plain type), a zip
 * (application/zip or octet-stream; SigmaHQ layout, `.yml`/`.yaml` entries only), or JSON
 * `{files:[{path,text}]}` (a directory), `{zip: base64}`, `{text, path?}`.
 */
export function importFiles(
  body: unknown,
  contentType: string | undefined,
  pathHint: string | undefined,
): ZipFile[] {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (Buffer.isBuffer(body)) {
    if (
      type === 'application/zip' ||
      type === 'application/x-zip-compressed' ||
      type === 'application/octet-stream'
    )
      return readZip(body, isYaml);
    return [{ path: pathHint ?? 'rule.yml', text: body.toString('utf8') }];
  }
  if (typeof body === 'string') return [{ path: pathHint ?? 'rule.yml', text: body }];
  if (body !== null && typeof body === 'object' && !Array.isArray(body))
    return fromJson(body as Record<string, unknown>);
  throw invalid('the request has no rule content');
}
