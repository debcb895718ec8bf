import type { AddressInfo } from 'node:net';
import type { Logger } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import type { IngestServices } from '../ingest-services.ts';
import { startTcpSyslogListener } from './tcp-syslog-listener.ts';
import { startUdpSyslogListener, type RunningListener } from './udp-syslog-listener.ts';

export type SyslogTransport = 'udp' | 'tcp' | 'tls';

export interface SyslogListeners {
  /** Bound addresses of the listeners that started. */
  addresses: Partial<Record<SyslogTransport, AddressInfo>>;
  close(): Promise<void>;
}

/**
 * Starts the enabled syslog listeners (UDP, TCP, and TLS when a certificate and key are configured)
 * on `ingest.syslog.host` (default: server.host). Events go to the configured workspace and data
 * space. A listener that cannot bind (port in use…) is logged as an error and reported by
 * `vigil_syslog_listener_up 0`; the server keeps running, so the HTTP API stays reachable.
 */
export async function startSyslogListeners(
  config: VigilConfig,
  services: IngestServices,
  logger: Logger,
): Promise<SyslogListeners> {
  const syslog = config.ingest.syslog;
  const host = syslog.host ?? config.server.host;
  const ref = (transport: SyslogTransport) => ({
    workspace: syslog.workspace,
    dataSpace: syslog.dataSpace,
    source: `syslog-${transport}`,
  });
  const common = { host, pipeline: services.pipeline, logger, maxBytes: syslog.maxMessageBytes };
  const running: RunningListener[] = [];
  const addresses: SyslogListeners['addresses'] = {};
  const start = async (transport: SyslogTransport, port: number, open: () => Promise<RunningListener>) => {
    try {
      const listener = await open();
      running.push(listener);
      addresses[transport] = listener.address;
      services.listeners.set(transport, true);
      logger.info({ transport, host, port: listener.address.port }, 'syslog listener started');
    } catch (err) {
      services.listeners.set(transport, false);
      logger.error({ err, transport, host, port }, 'syslog listener could not start');
    }
  };
  if (syslog.udpEnabled) {
    await start('udp', syslog.udpPort, () =>
      startUdpSyslogListener({
        ...common,
        port: syslog.udpPort,
        source: ref('udp'),
        batchMax: config.ingest.batchMaxEvents,
        drop: (count, bytes) => services.stats.drop(ref('udp'), count, bytes),
      }),
    );
  }
  if (syslog.tcpEnabled) {
    await start('tcp', syslog.tcpPort, () =>
      startTcpSyslogListener({ ...common, port: syslog.tcpPort, source: ref('tcp') }),
    );
  }
  if (syslog.tlsEnabled && syslog.tlsCertFile !== undefined && syslog.tlsKeyFile !== undefined) {
    const tls = { certFile: syslog.tlsCertFile, keyFile: syslog.tlsKeyFile };
    await start('tls', syslog.tlsPort, () =>
      startTcpSyslogListener({ ...common, port: syslog.tlsPort, source: ref('tls'), tls }),
    );
  }
  return {
    addresses,
    close: async () => {
      await Promise.allSettled(running.map((l) => l.close()));
    },
  };
}
