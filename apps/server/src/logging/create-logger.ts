import { pino, type DestinationStream, type Logger as PinoLogger, type LevelWithSilent } from 'pino';

/**
 * Log paths that can hold credentials. Request headers are logged for troubleshooting, so the
 * credential-bearing ones are censored wherever a `headers` object appears (top level or one down,
 * e.g. `req.headers`); fields named password/token/secret… are censored in the first three levels.
 */
// The CSRF token is bound to the session id, but it is still a per-session secret: it stays out of logs.
const CREDENTIAL_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-csrf-token',
];
const CREDENTIAL_FIELDS = ['password', 'token', 'secret', 'apiKey', 'api_key', 'authorization', 'cookie'];

export const REDACTED_LOG_PATHS: readonly string[] = [
  ...CREDENTIAL_HEADERS.flatMap((h) => [`headers["${h}"]`, `*.headers["${h}"]`]),
  ...CREDENTIAL_FIELDS.flatMap((name) => [name, `*.${name}`, `*.*.${name}`]),
];

export interface CreateLoggerOptions {
  level: LevelWithSilent;
  /** Where records go; stderr by default so stdout stays for the CLI's own output. */
  destination?: DestinationStream;
}

/** The pino logger of the apps: JSON lines, credentials censored, request headers included. */
export function createLogger(options: CreateLoggerOptions): PinoLogger {
  return pino(
    {
      level: options.level,
      base: { service: 'vigil' },
      redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
      serializers: {
        req: (req: { id?: string; method?: string; url?: string; headers?: unknown; ip?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          remoteAddress: req.ip,
          headers: req.headers,
        }),
      },
    },
    options.destination ?? pino.destination(2),
  );
}
