import { Type, type Static } from '@sinclair/typebox';

/*
 * The one configuration schema of Vigil. Every leaf carries the annotations the loader, the redaction
 * and the reference generator read, so a new setting is declared in exactly one place:
 * - `env`: the `VIGIL_*` variable that sets it;
 * - `flag`: the CLI flag (without `--`) that sets it, for the few settings worth a flag;
 * - `secret`: `url` (redact the password part of a URL) or `value` (redact the whole value);
 * - `hint`: what a valid value looks like, used in error messages instead of echoing a pattern.
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const LogLevel = Type.Union(
  LOG_LEVELS.map((level) => Type.Literal(level)),
  {
    default: 'info',
    env: 'VIGIL_LOG_LEVEL',
    flag: 'log-level',
    description: 'Minimum level of log records.',
  },
);

export const VigilConfigSchema = Type.Object(
  {
    mode: Type.Union([Type.Literal('embedded'), Type.Literal('distributed')], {
      default: 'embedded',
      env: 'VIGIL_MODE',
      flag: 'mode',
      description: 'embedded: SQLite + in-process queues; distributed: PostgreSQL + NATS JetStream.',
    }),
    dataDir: Type.String({
      minLength: 1,
      default: './var',
      env: 'VIGIL_DATA_DIR',
      flag: 'data-dir',
      description:
        'Directory for local state (SQLite database). Relative paths resolve from the working directory.',
    }),
    server: Type.Object(
      {
        host: Type.String({
          minLength: 1,
          default: '127.0.0.1',
          env: 'VIGIL_HOST',
          flag: 'host',
          description: 'Address the HTTP server binds to.',
        }),
        port: Type.Integer({
          minimum: 0,
          maximum: 65535,
          default: 8080,
          env: 'VIGIL_PORT',
          flag: 'port',
          description: 'HTTP port (0 picks a free port).',
        }),
        bodyLimitBytes: Type.Integer({
          minimum: 1024,
          maximum: 1_073_741_824,
          default: 10_485_760,
          env: 'VIGIL_BODY_LIMIT_BYTES',
          description: 'Largest accepted request body; larger bodies get 413 BODY_TOO_LARGE.',
        }),
        shutdownTimeoutMs: Type.Integer({
          minimum: 0,
          maximum: 600_000,
          default: 10_000,
          env: 'VIGIL_SHUTDOWN_TIMEOUT_MS',
          description: 'How long a graceful shutdown may take before the process is forced to exit.',
        }),
        webDistDir: Type.Optional(
          Type.String({
            minLength: 1,
            env: 'VIGIL_WEB_DIST_DIR',
            description: 'Directory of the built console; defaults to apps/web/dist of this installation.',
          }),
        ),
        metricsToken: Type.Optional(
          Type.String({
            minLength: 16,
            env: 'VIGIL_METRICS_TOKEN',
            secret: 'value',
            hint: 'at least 16 characters',
            description: 'Bearer token that lets non-loopback clients read /metrics.',
          }),
        ),
        allowInsecureHttp: Type.Boolean({
          default: false,
          env: 'VIGIL_ALLOW_INSECURE_HTTP',
          description:
            'Allow plain HTTP on a non-loopback server.host (only behind a TLS-terminating proxy); otherwise Vigil refuses to start.',
        }),
        tls: Type.Object(
          {
            certFile: Type.Optional(
              Type.String({
                minLength: 1,
                env: 'VIGIL_TLS_CERT_FILE',
                description: 'PEM certificate (chain) for HTTPS; set together with server.tls.keyFile.',
              }),
            ),
            keyFile: Type.Optional(
              Type.String({
                minLength: 1,
                env: 'VIGIL_TLS_KEY_FILE',
                description: 'PEM private key of server.tls.certFile.',
              }),
            ),
            selfSigned: Type.Boolean({
              default: false,
              env: 'VIGIL_TLS_SELF_SIGNED',
              flag: 'tls-self-signed',
              description:
                'Serve HTTPS with a self-signed certificate created under <dataDir>/tls/ on first use (for a first try; clients must trust it explicitly).',
            }),
          },
          { additionalProperties: false },
        ),
      },
      { additionalProperties: false },
    ),
    postgres: Type.Object(
      {
        url: Type.Optional(
          Type.String({
            pattern: '^postgres(ql)?://',
            env: 'VIGIL_PG_URL',
            secret: 'url',
            hint: 'a postgres:// URL',
            description: 'PostgreSQL connection URL (distributed mode).',
          }),
        ),
        schema: Type.Optional(
          Type.String({
            pattern: '^[a-z_][a-z0-9_]{0,62}$',
            env: 'VIGIL_PG_SCHEMA',
            hint: 'a lower-case SQL identifier',
            description: 'PostgreSQL schema holding Vigil tables (default: the adapter default).',
          }),
        ),
      },
      { additionalProperties: false },
    ),
    nats: Type.Object(
      {
        url: Type.Optional(
          Type.String({
            pattern: '^(nats|tls|ws|wss)://',
            env: 'VIGIL_NATS_URL',
            secret: 'url',
            hint: 'a nats:// URL',
            description: 'NATS server URL (distributed mode).',
          }),
        ),
        streamPrefix: Type.String({
          pattern: '^[A-Za-z0-9-]{1,32}$',
          default: 'VIGIL',
          env: 'VIGIL_NATS_STREAM_PREFIX',
          hint: 'letters, digits or -',
          description: 'Prefix of the JetStream streams, so several installations can share a NATS server.',
        }),
        maxPendingMessages: Type.Optional(
          Type.Integer({
            minimum: 1,
            maximum: 10_000_000,
            env: 'VIGIL_NATS_MAX_PENDING',
            description:
              'Batches a topic stream holds before publishers get backpressure (adapter default when unset).',
          }),
        ),
      },
      { additionalProperties: false },
    ),
    log: Type.Object({ level: LogLevel }, { additionalProperties: false }),
    security: Type.Object(
      {
        masterKeyFile: Type.Optional(
          Type.String({
            minLength: 1,
            env: 'VIGIL_MASTER_KEY_FILE',
            description:
              'File holding the master key that wraps stored secrets ("<id>:<base64 of 32 bytes>"); default <dataDir>/master.key, created with mode 0600 on first run.',
          }),
        ),
        masterKey: Type.Optional(
          Type.String({
            minLength: 40,
            env: 'VIGIL_MASTER_KEY',
            secret: 'value',
            hint: '"<id>:<base64 of 32 bytes>" or the base64 alone',
            description: 'The master key itself (takes precedence over the key file).',
          }),
        ),
        sessionIdleTimeoutMs: Type.Integer({
          minimum: 60_000,
          maximum: 86_400_000,
          default: 1_800_000,
          env: 'VIGIL_SESSION_IDLE_TIMEOUT_MS',
          description: 'A console session ends after this long without a request.',
        }),
        sessionAbsoluteTimeoutMs: Type.Integer({
          minimum: 300_000,
          maximum: 604_800_000,
          default: 43_200_000,
          env: 'VIGIL_SESSION_ABSOLUTE_TIMEOUT_MS',
          description: 'A console session ends this long after sign-in, however active.',
        }),
        oidcIssuer: Type.Optional(
          Type.String({
            pattern: '^https?://',
            env: 'VIGIL_OIDC_ISSUER',
            hint: 'the issuer URL of the identity provider',
            description:
              'OpenID Connect issuer for single sign-on (authorization code + PKCE); unset disables SSO.',
          }),
        ),
        oidcClientId: Type.Optional(
          Type.String({ minLength: 1, env: 'VIGIL_OIDC_CLIENT_ID', description: 'OIDC client id of Vigil.' }),
        ),
        oidcClientSecret: Type.Optional(
          Type.String({
            minLength: 1,
            env: 'VIGIL_OIDC_CLIENT_SECRET',
            secret: 'value',
            description: 'OIDC client secret (client_secret_basic).',
          }),
        ),
        oidcRedirectUrl: Type.Optional(
          Type.String({
            pattern: '^https?://',
            env: 'VIGIL_OIDC_REDIRECT_URL',
            hint: 'https://vigil.example/api/v1/auth/oidc/callback',
            description: 'Callback URL registered at the identity provider (…/api/v1/auth/oidc/callback).',
          }),
        ),
        oidcGroupsClaim: Type.String({
          minLength: 1,
          default: 'groups',
          env: 'VIGIL_OIDC_GROUPS_CLAIM',
          description: 'ID-token claim listing the user’s groups.',
        }),
        oidcRoleMap: Type.Optional(
          Type.String({
            minLength: 1,
            env: 'VIGIL_OIDC_ROLE_MAP',
            hint: 'group=workspace:role;group2=workspace:role',
            description:
              'Group → role mapping applied at every SSO sign-in, e.g. "soc=default:analyst;leads=default:admin"; unmapped users get no role.',
          }),
        ),
      },
      { additionalProperties: false },
    ),
    privacy: Type.Object(
      {
        controllerName: Type.String({
          minLength: 1,
          maxLength: 200,
          default: 'The operator of this Vigil installation',
          env: 'VIGIL_PRIVACY_CONTROLLER',
          description: 'Who is responsible for the personal data Vigil keeps (privacy statement).',
        }),
        contact: Type.Optional(
          Type.String({
            minLength: 1,
            maxLength: 200,
            env: 'VIGIL_PRIVACY_CONTACT',
            description:
              'Privacy contact shown in the privacy statement (e.g. the data protection officer’s email).',
          }),
        ),
        storageLocation: Type.String({
          minLength: 1,
          maxLength: 200,
          default: 'On the servers of this installation (its data directory or PostgreSQL database)',
          env: 'VIGIL_PRIVACY_STORAGE_LOCATION',
          description:
            'Where personal data is stored, as stated in the privacy statement (e.g. a country or region).',
        }),
        retentionDays: Type.Integer({
          minimum: 1,
          maximum: 36_500,
          default: 365,
          env: 'VIGIL_PRIVACY_RETENTION_DAYS',
          description:
            'Disabled accounts unchanged for this many days are anonymised by the personal-data retention job.',
        }),
      },
      { additionalProperties: false },
    ),
    ingest: Type.Object(
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
            workspace: Type.String({
              minLength: 1,
              default: 'default',
              env: 'VIGIL_SYSLOG_WORKSPACE',
              description: 'Workspace that receives syslog events.',
            }),
            dataSpace: Type.String({
              minLength: 1,
              default: 'default',
              env: 'VIGIL_SYSLOG_DATA_SPACE',
              description: 'Data space that receives syslog events.',
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
    ),
  },
  { additionalProperties: false },
);

export type VigilConfig = Static<typeof VigilConfigSchema>;
