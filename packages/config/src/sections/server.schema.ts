import { Type } from '@sinclair/typebox';

/** The `server.*` settings (annotations as described in config.schema.ts). */
export const ServerSection = Type.Object(
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
);
