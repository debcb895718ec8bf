import type { AddressInfo } from 'node:net';
import { operationalError, type Logger, type MetadataStore } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import type { IngestServices } from '../ingest-services.ts';
import type { RefusedTokenAttribution } from './refused-token-attribution.ts';
import { createSyslogGate, parseCidrs } from './syslog-gate.ts';
import { SyslogSourceDirectory } from './syslog-source-directory.ts';
import { SyslogSourceStore } from './syslog-source-store.ts';
import { startTcpSyslogListener } from './tcp-syslog-listener.ts';
import { startUdpSyslogListener, type RunningListener } from './udp-syslog-listener.ts';

export type SyslogTransport = 'udp' | 'tcp' | 'tls';

export interface SyslogListeners {
  /** Bound addresses of the listeners that started. */
  addresses: Partial<Record<SyslogTransport, AddressInfo>>;
  close(): Promise<void>;
}

/** Where registered syslog sources (client certificates) are read from. */
export interface SyslogSourceAccess {
  metadata: MetadataStore;
  /** Ids of the active workspaces. */
  workspaces: () => Promise<string[]>;
  /** Attributes refusals of revoked or expired tokens to their workspace's source. */
  attribute?: RefusedTokenAttribution;
}

/**
 * Starts the enabled syslog listeners (UDP, TCP, and TLS when a certificate and key are configured)
 * on `ingest.syslog.host` (default: server.host). Each message is authenticated by an ingest token
 * inside it or by the TLS client certificate of a registered source; unauthenticated messages are
 * refused unless `ingest.syslog.allowUnauthenticated` lets allowed peers use the configured default
 * workspace and data space. A listener that cannot bind (port in use…) is logged as an error and
 * reported by `vigil_syslog_listener_up 0`; the server keeps running, so the HTTP API stays reachable.
 */
export async function startSyslogListeners(
  config: VigilConfig,
  services: IngestServices,
  logger: Logger,
  sources?: SyslogSourceAccess,
): Promise<SyslogListeners> {
  const syslog = config.ingest.syslog;
  const host = syslog.host ?? config.server.host;
  let peers;
  try {
    peers = parseCidrs(syslog.unauthenticatedCidrs);
  } catch (cause) {
    throw operationalError('CONFIG_INVALID', (cause as Error).message, { cause });
  }
  const gate = createSyslogGate({
    verifier: services.verifier,
    runtime: services.syslog,
    logger,
    ...(sources?.attribute ? { attribute: sources.attribute } : {}),
    ...(syslog.allowUnauthenticated
      ? { unauthenticated: { workspace: syslog.workspace, dataSpace: syslog.dataSpace, peers } }
      : {}),
  });
  const common = {
    host,
    gate,
    runtime: services.syslog,
    pipeline: services.pipeline,
    logger,
    maxBytes: syslog.maxMessageBytes,
  };
  const running: RunningListener[] = [];
  const addresses: SyslogListeners['addresses'] = {};
  const start = async (transport: SyslogTransport, port: number, open: () => Promise<RunningListener>) => {
    try {
      const listener = await open();
      running.push(listener);
      addresses[transport] = listener.address;
      services.listeners.set(transport, true);
      services.syslog.listenerBound(transport, listener.address.port);
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
        batchMax: config.ingest.batchMaxEvents,
        drop: (count, bytes) => services.syslog.refuse('udp', 'buffer_full', count, bytes),
      }),
    );
  }
  if (syslog.tcpEnabled) {
    await start('tcp', syslog.tcpPort, () => startTcpSyslogListener({ ...common, port: syslog.tcpPort }));
  }
  if (syslog.tlsEnabled && syslog.tlsCertFile !== undefined && syslog.tlsKeyFile !== undefined) {
    const directory =
      sources !== undefined && syslog.tlsClientCertificates
        ? new SyslogSourceDirectory({
            store: new SyslogSourceStore(sources.metadata),
            workspaces: sources.workspaces,
            runtime: services.syslog,
          })
        : undefined;
    const tls = {
      certFile: syslog.tlsCertFile,
      keyFile: syslog.tlsKeyFile,
      ...(directory
        ? { identify: (chain: Parameters<SyslogSourceDirectory['identify']>[0]) => directory.identify(chain) }
        : {}),
    };
    await start('tls', syslog.tlsPort, () =>
      startTcpSyslogListener({ ...common, port: syslog.tlsPort, tls }),
    );
  }
  return {
    addresses,
    close: async () => {
      await Promise.allSettled(running.map((l) => l.close()));
    },
  };
}
