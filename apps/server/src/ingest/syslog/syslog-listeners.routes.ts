import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { VigilConfig } from '@vigil/config';
import type { IngestServices } from '../ingest-services.ts';
import { WorkspaceParams } from './syslog-sources.schema.ts';

const Transport = Type.Union([Type.Literal('udp'), Type.Literal('tcp'), Type.Literal('tls')]);
const ListenerView = Type.Object({
  transport: Transport,
  enabled: Type.Boolean(),
  /** The bound port when the listener started, else the configured one. */
  port: Type.Integer(),
  up: Type.Boolean(),
});
export const SyslogListenersView = Type.Object({
  /** The configured bind address (`0.0.0.0`/`::` mean every interface: senders use the server's name). */
  host: Type.String(),
  listeners: Type.Array(ListenerView),
  /** Whether the TLS listener accepts registered client certificates (certificate sources). */
  clientCertificates: Type.Boolean(),
});

/**
 * `GET …/syslog-listeners`: where syslog senders connect, so the console can show ready-to-paste
 * `logger`/rsyslog examples. Read-only and the same for every workspace (the listeners are shared).
 */
export function registerSyslogListenersRoute(
  app: FastifyInstance,
  config: VigilConfig,
  services: IngestServices,
): void {
  app.get<{ Params: Static<typeof WorkspaceParams> }>(
    '/api/v1/workspaces/:workspaceId/syslog-listeners',
    {
      config: {
        permission: 'sources.read',
        summary: 'Syslog listener addresses and status (for configuring senders)',
      },
      schema: { params: WorkspaceParams, response: { 200: SyslogListenersView } },
    },
    (): Static<typeof SyslogListenersView> => {
      const syslog = config.ingest.syslog;
      const configured = [
        ['udp', syslog.udpEnabled, syslog.udpPort],
        ['tcp', syslog.tcpEnabled, syslog.tcpPort],
        ['tls', syslog.tlsEnabled, syslog.tlsPort],
      ] as const;
      return {
        host: syslog.host ?? config.server.host,
        listeners: configured.map(([transport, enabled, port]) => ({
          transport,
          enabled,
          port: services.syslog.boundPort(transport) ?? port,
          up: services.listeners.get(transport) === true,
        })),
        clientCertificates: syslog.tlsEnabled && syslog.tlsClientCertificates,
      };
    },
  );
}
