import type { Bus, Storage } from '@vigil/core';
import { redactUrl } from '@vigil/config';

export interface Readiness {
  ready: boolean;
  checks: { storage: string; bus: string };
}

/** A short, credential-free reason: first line of the message, URLs' passwords hidden, capped. */
export function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = (message.split('\n')[0] ?? '').replace(/[a-z][a-z0-9+.-]*:\/\/[^\s,;()'"]+/gi, (url) =>
    redactUrl(url),
  );
  return line.length > 160 ? `${line.slice(0, 157)}...` : line || 'unavailable';
}

/** Pings a dependency; a hung dependency counts as failed after `timeoutMs`. */
async function check(ping: () => Promise<void>, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return 'ok';
  } catch (err) {
    return `error: ${shortReason(err)}`;
  } finally {
    clearTimeout(timer);
  }
}

/** Readiness = storage and bus both answer a ping. */
export async function checkReadiness(storage: Storage, bus: Bus, timeoutMs = 2000): Promise<Readiness> {
  const [s, b] = await Promise.all([
    check(() => storage.ping(), timeoutMs),
    check(() => bus.ping(), timeoutMs),
  ]);
  return { ready: s === 'ok' && b === 'ok', checks: { storage: s, bus: b } };
}
