import { Type, type Static } from '@sinclair/typebox';
import { ServerSection } from './sections/server.schema.ts';
import { SecuritySection } from './sections/security.schema.ts';
import { PrivacySection } from './sections/privacy.schema.ts';
import { IngestSection } from './sections/ingest.schema.ts';
import { DetectionSection } from './sections/detection.schema.ts';
import { CasesSection } from './sections/cases.schema.ts';
import { CloudTrailsSection } from './sections/cloud-trails.schema.ts';
import { ScheduledRulesSection } from './sections/scheduled-rules.schema.ts';

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
    server: ServerSection,
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
    security: SecuritySection,
    privacy: PrivacySection,
    ingest: IngestSection,
    detection: DetectionSection,
    cases: CasesSection,
    cloudTrails: CloudTrailsSection,
    scheduledRules: ScheduledRulesSection,
  },
  { additionalProperties: false },
);

export type VigilConfig = Static<typeof VigilConfigSchema>;
