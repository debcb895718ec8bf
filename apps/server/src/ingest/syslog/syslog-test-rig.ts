import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { VigilEvent } from '@vigil/core';
import { createLogger } from '../../logging/create-logger.ts';
import { ingestFixture, type IngestFixture } from '../testing/ingest-fixture.ts';
import { refusedTokenAttribution } from './refused-token-attribution.ts';
import { startSyslogListeners, type SyslogListeners } from './syslog-listeners.ts';

export interface SyslogRig {
  fx: IngestFixture;
  listeners: SyslogListeners;
  /** Debug log lines of the listeners. */
  logs: string[];
  /** Waits until a workspace holds `count` events (or 5 s passed) and returns them. */
  events(workspace: string, count: number): Promise<VigilEvent[]>;
  /** `vigil_syslog_refused_total` for one listener and reason. */
  refused(listener: string, reason: string): Promise<number>;
  close(): Promise<void>;
}

/** The ingest fixture (tokens `a` → ws-a "shipper", `b` → ws-b "other") plus real syslog listeners on free ports. */
export async function syslogRig(env: Record<string, string> = {}): Promise<SyslogRig> {
  const fx = await ingestFixture({
    env: {
      VIGIL_SYSLOG_HOST: '127.0.0.1',
      VIGIL_SYSLOG_UDP_PORT: '0',
      VIGIL_SYSLOG_TCP_PORT: '0',
      VIGIL_SYSLOG_TLS_PORT: '0',
      ...env,
    },
  });
  const logs: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write: (chunk: Buffer, _e, cb) => {
        logs.push(chunk.toString());
        cb();
      },
    }),
  });
  const listeners = await startSyslogListeners(fx.config, fx.ingest, logger, {
    metadata: fx.rt.metadata,
    workspaces: async () => (await fx.rt.stores.workspaces.list()).map((w) => w.id),
    attribute: refusedTokenAttribution(fx.rt.stores.machineTokens),
  });
  return {
    fx,
    listeners,
    logs,
    events: async (workspace, count) => {
      let events: VigilEvent[] = [];
      for (let i = 0; i < 100; i++) {
        events = await fx.stored(workspace);
        if (events.length >= count) break;
        await sleep(50);
      }
      // A little longer, so that unexpected extra events would show up too.
      await sleep(100);
      return fx.stored(workspace);
    },
    refused: async (listener, reason) => {
      const res = await fx.app.inject({ method: 'GET', url: '/metrics' });
      const line = res.body
        .split('\n')
        .find((l) => l.startsWith(`vigil_syslog_refused_total{listener="${listener}",reason="${reason}"}`));
      return line === undefined ? 0 : Number(line.split(' ').pop());
    },
    close: async () => {
      await listeners.close();
      await fx.close();
    },
  };
}
