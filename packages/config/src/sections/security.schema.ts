import { Type } from '@sinclair/typebox';

/** The `security.*` settings (annotations as described in config.schema.ts). */
export const SecuritySection = Type.Object(
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
);
