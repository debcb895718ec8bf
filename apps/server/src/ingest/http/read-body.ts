import { promisify } from 'node:util';
import { gunzip, inflate } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import { userError } from '@vigil/core';

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);

/** A request body after Content-Encoding, as text, with its size. */
export interface RequestText {
  text: string;
  bytes: number;
}

/**
 * The raw body of an ingest request (the ingest routes keep bodies as bytes), decompressed when the
 * sender used `Content-Encoding: gzip|deflate` (OTLP collectors and Filebeat compress by default).
 * The decompressed size is capped at `limit` bytes as well, so a small bomb cannot fill memory.
 */
export async function readBody(request: FastifyRequest, limit: number): Promise<RequestText> {
  const raw = request.body;
  let bytes: Buffer =
    raw === undefined || raw === null
      ? Buffer.alloc(0)
      : Buffer.isBuffer(raw)
        ? raw
        : Buffer.from(typeof raw === 'string' ? raw : '');
  const encoding = String(request.headers['content-encoding'] ?? 'identity')
    .toLowerCase()
    .trim();
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip')
      bytes = await gunzipAsync(bytes, { maxOutputLength: limit });
    else if (encoding === 'deflate') bytes = await inflateAsync(bytes, { maxOutputLength: limit });
    else if (encoding !== 'identity' && encoding !== '') {
      throw userError(
        'UNSUPPORTED_CONTENT_ENCODING',
        `Content-Encoding ${encoding} is not supported (use gzip, deflate or none)`,
        {
          status: 415,
          details: { field: 'headers.content-encoding' },
        },
      );
    }
  } catch (cause) {
    if ((cause as { code?: string }).code === 'UNSUPPORTED_CONTENT_ENCODING') throw cause;
    const tooLarge =
      (cause as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ||
      /too large|maxOutputLength/i.test(String(cause));
    throw tooLarge
      ? userError('BODY_TOO_LARGE', `the decompressed body is larger than ${limit} bytes`, {
          status: 413,
          cause,
        })
      : userError('INVALID_BODY_ENCODING', `the body is not valid ${encoding} data`, {
          cause,
          details: { field: 'body', encoding },
        });
  }
  return { text: bytes.toString('utf8'), bytes: bytes.length };
}
