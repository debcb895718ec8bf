import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { operationalError, userError } from '@vigil/core';
import { splitRecords, type FormatName } from '@vigil/parsers';
import type { IngestSink } from './ingest-sink.ts';

/** Largest body sent at once (the server's default body limit is 10 MiB, compressed). */
const MAX_BODY = 4 * 1_048_576;
const MAX_ATTEMPTS = 60;

interface IngestReply {
  accepted?: number;
  failed?: number;
  error?: { code?: string; message?: string; details?: { accepted?: number } };
}

/** NDJSON bodies of at most MAX_BODY characters from a whole JSON file (arrays, pretty-printed). */
function ndjsonBodies(text: string, format: FormatName): string[] {
  const bodies: string[] = [];
  let body = '';
  for (const record of splitRecords(text, format)) {
    const line = typeof record === 'string' ? record.replaceAll('\n', ' ') : JSON.stringify(record);
    if (body.length + line.length > MAX_BODY && body !== '') {
      bodies.push(body);
      body = '';
    }
    body += `${line}\n`;
  }
  if (body !== '') bodies.push(body);
  return bodies;
}

/**
 * Remote mode: POSTs gzip-compressed NDJSON or text batches to `/api/v1/workspaces/W/ingest` with
 * the ingest token. Each batch carries a fresh `X-Vigil-Delivery-Id`, so 429/503 are retried after
 * Retry-After by resending the whole batch with the same id: whatever part the server had already
 * stored is recognised and kept once (docs/ingest.md, exactly-once resends).
 */
export function openRemoteSink(
  server: { url: string; token: string },
  workspace: string,
  dataSpace: string,
): IngestSink {
  const post = async (
    body: string,
    format: FormatName,
    json: boolean,
  ): Promise<{ events: number; failed: number }> => {
    const deliveryId = randomUUID();
    const url = `${server.url}/api/v1/workspaces/${encodeURIComponent(workspace)}/ingest?format=${format}&data_space=${encodeURIComponent(dataSpace)}`;
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${server.token}`,
            'content-type': json ? 'application/x-ndjson' : 'text/plain; charset=utf-8',
            'content-encoding': 'gzip',
            'x-vigil-delivery-id': deliveryId,
          },
          body: gzipSync(body, { level: 1 }),
        });
      } catch (cause) {
        throw operationalError(
          'INGEST_SERVER_UNREACHABLE',
          `cannot reach ${server.url}: ${(cause as Error).message}`,
          { cause },
        );
      }
      const reply = (await res.json().catch(() => ({}))) as IngestReply;
      if (res.ok) return { events: reply.accepted ?? 0, failed: reply.failed ?? 0 };
      if ((res.status === 429 || res.status === 503) && attempt < MAX_ATTEMPTS) {
        const wait = Number(res.headers.get('retry-after') ?? '1');
        await sleep(Math.max(0.1, Math.min(Number.isFinite(wait) ? wait : 1, 30)) * 1000);
        continue;
      }
      throw userError(
        reply.error?.code ?? 'INGEST_REFUSED',
        `the server refused the batch (${server.url}): HTTP ${res.status} ${reply.error?.message ?? ''}`.trim(),
      );
    }
  };
  return {
    async send(_source, text, format) {
      const first = text.trimStart()[0];
      const json = first === '{' || first === '[';
      // JSON goes as NDJSON, one record per line, so a partial acceptance can resend by line.
      const bodies = json ? ndjsonBodies(text, format) : [text];
      let events = 0;
      let failed = 0;
      for (const body of bodies) {
        const r = await post(body, format, json);
        events += r.events;
        failed += r.failed;
      }
      return { events, failed };
    },
    close: () => Promise.resolve(),
  };
}
