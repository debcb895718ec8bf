import { Type } from '@sinclair/typebox';

/** The `ingest.*` settings (annotations as described in config.schema.ts). */
export const IngestSection = Type.Object(
  {
    queueCapacity: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      default: 1024,
      env: 'VIGIL_INGEST_QUEUE_CAPACITY',
      description: 'Batches an in-process topic holds before publishers get backpressure (429).',
    }),
    batchMaxEvents: Type.Integer({
      minimum: 1,
      maximum: 100_000,
      default: 500,
      env: 'VIGIL_INGEST_BATCH_MAX_EVENTS',
      description: 'Events per batch published for storage (one bus message per batch).',
    }),
    maxConcurrentRequests: Type.Integer({
      minimum: 1,
      maximum: 100_000,
      default: 64,
      env: 'VIGIL_INGEST_MAX_CONCURRENT_REQUESTS',
      description:
        'HTTP ingest requests handled at once; more are answered 429 with Retry-After before their body is read (bounds memory).',
    }),
    commitTimeoutMs: Type.Integer({
      minimum: 100,
      maximum: 600_000,
      default: 30_000,
      env: 'VIGIL_INGEST_COMMIT_TIMEOUT_MS',
      description:
        'Embedded mode: how long an HTTP ingest request waits for its events to be committed before answering 503.',
    }),
    syslog: Type.Object(
      {
        host: Type.Optional(
          Type.String({
            minLength: 1,
            env: 'VIGIL_SYSLOG_HOST',
            description: 'Address the syslog listeners bind to (default: server.host).',
          }),
        ),
        udpEnabled: Type.Boolean({
          default: true,
          env: 'VIGIL_SYSLOG_UDP_ENABLED',
          description: 'Listen for syslog over UDP.',
        }),
        udpPort: Type.Integer({
          minimum: 0,
          maximum: 65535,
          default: 5514,
          env: 'VIGIL_SYSLOG_UDP_PORT',
          description: 'Syslog UDP port (0 picks a free port).',
        }),
        tcpEnabled: Type.Boolean({
          default: true,
          env: 'VIGIL_SYSLOG_TCP_ENABLED',
          description: 'Listen for syslog over TCP (octet-counted or newline-framed).',
        }),
        tcpPort: Type.Integer({
          minimum: 0,
          maximum: 65535,
          default: 5514,
          env: 'VIGIL_SYSLOG_TCP_PORT',
          description: 'Syslog TCP port (0 picks a free port).',
        }),
        tlsEnabled: Type.Boolean({
          default: true,
          env: 'VIGIL_SYSLOG_TLS_ENABLED',
          description: 'Listen for syslog over TLS (only when tlsCertFile and tlsKeyFile are set).',
        }),
        tlsPort: Type.Integer({
          minimum: 0,
          maximum: 65535,
          default: 6514,
          env: 'VIGIL_SYSLOG_TLS_PORT',
          description: 'Syslog TLS port (RFC 5425; 0 picks a free port).',
        }),
        tlsCertFile: Type.Optional(
          Type.String({
            minLength: 1,
            env: 'VIGIL_SYSLOG_TLS_CERT_FILE',
            description: 'PEM certificate (chain) of the syslog TLS listener.',
          }),
        ),
        tlsKeyFile: Type.Optional(
          Type.String({
            minLength: 1,
            env: 'VIGIL_SYSLOG_TLS_KEY_FILE',
            description: 'PEM private key of the syslog TLS listener.',
          }),
        ),
        tlsClientCertificates: Type.Boolean({
          default: true,
          env: 'VIGIL_SYSLOG_TLS_CLIENT_CERTIFICATES',
          description:
            'Ask TLS senders for a client certificate; a registered one (syslog sources API) authenticates the connection, an unknown one is refused.',
        }),
        allowUnauthenticated: Type.Boolean({
          default: false,
          env: 'VIGIL_SYSLOG_ALLOW_UNAUTHENTICATED',
          description:
            'Accept syslog messages that carry no ingest token and no registered client certificate, from unauthenticatedCidrs only, into workspace/dataSpace. Off: such messages are refused and counted.',
        }),
        unauthenticatedCidrs: Type.String({
          minLength: 1,
          pattern: '^\\s*[0-9A-Fa-f:.]+/\\d{1,3}\\s*(,\\s*[0-9A-Fa-f:.]+/\\d{1,3}\\s*)*$',
          hint: 'a comma-separated list of CIDR blocks (10.0.0.0/8,::1/128)',
          default: '127.0.0.0/8,::1/128',
          env: 'VIGIL_SYSLOG_UNAUTHENTICATED_CIDRS',
          description: 'Peers allowed to send unauthenticated syslog when allowUnauthenticated is on.',
        }),
        workspace: Type.String({
          minLength: 1,
          default: 'default',
          env: 'VIGIL_SYSLOG_WORKSPACE',
          description: 'Workspace that receives unauthenticated syslog events (allowUnauthenticated).',
        }),
        dataSpace: Type.String({
          minLength: 1,
          default: 'default',
          env: 'VIGIL_SYSLOG_DATA_SPACE',
          description: 'Data space that receives unauthenticated syslog events (allowUnauthenticated).',
        }),
        maxMessageBytes: Type.Integer({
          minimum: 480,
          maximum: 1_048_576,
          default: 65_536,
          env: 'VIGIL_SYSLOG_MAX_MESSAGE_BYTES',
          description: 'Longer syslog messages are cut to this size and kept with a parse error.',
        }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
