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
        tls: Type.Object(
          {
            certFile: Type.Optional(
              Type.String({
                minLength: 1,
                env: 'VIGIL_TLS_CERT_FILE',
                description: 'PEM certificate (TLS, later).',
              }),
            ),
            keyFile: Type.Optional(
              Type.String({
                minLength: 1,
                env: 'VIGIL_TLS_KEY_FILE',
                description: 'PEM private key (TLS, later).',
              }),
            ),
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
    ingest: Type.Object(
      {
        queueCapacity: Type.Integer({
          minimum: 1,
          maximum: 1_000_000,
          default: 1024,
          env: 'VIGIL_INGEST_QUEUE_CAPACITY',
          description: 'Batches an in-process topic holds before publishers get backpressure (429).',
        }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export type VigilConfig = Static<typeof VigilConfigSchema>;
