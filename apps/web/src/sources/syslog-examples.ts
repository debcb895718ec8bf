// Ready-to-paste sender configuration for the syslog listeners this server actually runs. The
// templates are the ones docs/ingest.md documents and rsyslog-forwarding.test.ts runs with a real rsyslogd.
import type { SyslogListeners, SyslogTransport } from './syslog-sources-api.ts';

/** Where a sender, placeholder for the ingest token: never a real token (they are shown once only). */
export const TOKEN_PLACEHOLDER = 'vigil_it_…';

export interface SyslogExample {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

const WILDCARDS = new Set(['', '0.0.0.0', '::', '[::]']);

/**
 * The host name senders should use: the listener's bind address unless it is a wildcard, then the
 * name the browser reached the console by (the same machine).
 */
export function senderHost(bindHost: string, browserHost: string): string {
  const host = WILDCARDS.has(bindHost) ? browserHost : bindHost;
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** `logger` and rsyslog snippets for each listener that is up (or at least enabled). */
export function syslogExamples(info: SyslogListeners, browserHost: string): SyslogExample[] {
  const host = senderHost(info.host, browserHost);
  // logger and rsyslog want the bare address, without IPv6 brackets.
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const port = (t: SyslogTransport) => info.listeners.find((l) => l.transport === t && l.enabled)?.port;
  const sd = `--sd-id vigil@32473 --sd-param 'token="${TOKEN_PLACEHOLDER}"'`;
  const out: SyslogExample[] = [];
  const udp = port('udp');
  if (udp !== undefined) {
    out.push({
      id: 'logger-udp',
      title: `logger over UDP (port ${udp})`,
      text: `logger --server ${bare} --port ${udp} --udp --rfc5424 ${sd} -t myapp 'hello from logger'`,
    });
  }
  const tcp = port('tcp');
  if (tcp !== undefined) {
    out.push(
      {
        id: 'logger-tcp',
        title: `logger over TCP (port ${tcp})`,
        text: `logger --server ${bare} --port ${tcp} --tcp --octet-count --rfc5424 ${sd} -t myapp 'hello from logger'`,
      },
      {
        id: 'rsyslog-tcp',
        title: `rsyslog forwarding over TCP (port ${tcp})`,
        text: [
          '# /etc/rsyslog.d/60-vigil.conf — RFC 5424 with the ingest token in structured data',
          'template(name="vigil" type="string"',
          `  string="<%PRI%>1 %TIMESTAMP:::date-rfc3339% %HOSTNAME% %APP-NAME% %PROCID% %MSGID% [vigil@32473 token=\\"${TOKEN_PLACEHOLDER}\\"]%msg%")`,
          `action(type="omfwd" target="${bare}" port="${tcp}" protocol="tcp"`,
          '       TCP_Framing="octet-counted" template="vigil"',
          '       queue.type="LinkedList" queue.filename="vigil" action.resumeRetryCount="-1")',
        ].join('\n'),
      },
    );
  }
  const tls = port('tls');
  if (tls !== undefined && info.clientCertificates) {
    out.push({
      id: 'rsyslog-tls',
      title: `rsyslog over TLS with a client certificate (port ${tls}, no token)`,
      text: [
        'global(DefaultNetstreamDriverCAFile="/etc/ssl/certs/vigil-ca.pem"',
        '       DefaultNetstreamDriverCertFile="/etc/rsyslog.d/client.pem"',
        '       DefaultNetstreamDriverKeyFile="/etc/rsyslog.d/client-key.pem")',
        `action(type="omfwd" target="${bare}" port="${tls}" protocol="tcp"`,
        `       StreamDriver="gtls" StreamDriverMode="1" StreamDriverAuthMode="x509/name"`,
        `       StreamDriverPermittedPeers="${bare}" TCP_Framing="octet-counted"`,
        '       template="RSYSLOG_SyslogProtocol23Format")',
      ].join('\n'),
    });
  }
  return out;
}
