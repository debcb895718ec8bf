import { createHash, randomBytes, type JsonWebKey } from 'node:crypto';
import { operationalError, userError, type Clock } from '@vigil/core';
import { verifyIdToken, type IdTokenClaims } from './verify-id-token.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  groupsClaim: string;
  /** Parsed `security.oidcRoleMap`: group → grants. */
  roleMap: readonly { group: string; workspaceId: string; roleId: string }[];
}

interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

/** One pending sign-in: what the callback must see again (state) and prove (nonce, PKCE verifier). */
export interface OidcPending {
  state: string;
  nonce: string;
  codeVerifier: string;
  createdAt: number;
}

const random = () => randomBytes(32).toString('base64url');

/** `soc=default:analyst;leads=default:admin` → entries; throws CONFIG_INVALID on a malformed entry. */
export function parseRoleMap(text: string | undefined): OidcSettings['roleMap'] {
  if (text === undefined) return [];
  return text
    .split(/[;\n]/)
    .map((e) => e.trim())
    .filter((e) => e !== '')
    .map((entry) => {
      const m = /^([^=]+)=([a-z0-9][a-z0-9-]{0,62}):([a-z][a-z0-9-]{1,39})$/.exec(entry);
      if (!m) {
        throw userError(
          'CONFIG_INVALID',
          `invalid configuration: security.oidcRoleMap: "${entry}" is not group=workspace:role`,
        );
      }
      return { group: (m[1] ?? '').trim(), workspaceId: m[2] ?? '', roleId: m[3] ?? '' };
    });
}

/**
 * OpenID Connect relying party (authorization code flow with PKCE S256, confidential client) over plain
 * fetch and node:crypto: discovery, the authorization redirect, the code exchange and ID-token checks.
 */
export class OidcClient {
  readonly settings: OidcSettings;
  readonly #clock: Clock;
  #metadata: Promise<ProviderMetadata> | undefined;
  #keys: JsonWebKey[] | undefined;

  constructor(settings: OidcSettings, clock: Clock) {
    this.settings = settings;
    this.#clock = clock;
  }

  /** A new pending sign-in and the provider URL to send the browser to. */
  async begin(): Promise<{ pending: OidcPending; url: string }> {
    const meta = await this.#discover();
    const pending = {
      state: random(),
      nonce: random(),
      codeVerifier: random(),
      createdAt: this.#clock.now(),
    };
    const url = new URL(meta.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.settings.clientId,
      redirect_uri: this.settings.redirectUrl,
      scope: 'openid profile email groups',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: createHash('sha256').update(pending.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    return { pending, url: url.toString() };
  }

  /** Exchanges the code (with the PKCE verifier) and returns the verified ID-token claims. */
  async complete(code: string, pending: OidcPending): Promise<IdTokenClaims> {
    const meta = await this.#discover();
    const basic = Buffer.from(
      `${encodeURIComponent(this.settings.clientId)}:${encodeURIComponent(this.settings.clientSecret)}`,
    ).toString('base64');
    const response = await this.#fetch(meta.token_endpoint, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: this.settings.redirectUrl,
        code_verifier: pending.codeVerifier,
      }).toString(),
    });
    const body = (await response.json().catch(() => ({}))) as { id_token?: unknown };
    if (!response.ok || typeof body.id_token !== 'string') {
      throw userError('OIDC_EXCHANGE_FAILED', 'The identity provider refused the sign-in', {
        status: 401,
        details: { status: response.status },
      });
    }
    const expect = {
      issuer: meta.issuer,
      clientId: this.settings.clientId,
      nonce: pending.nonce,
      now: this.#clock.now(),
    };
    try {
      return verifyIdToken(body.id_token, { ...expect, keys: await this.#jwks(false) });
    } catch {
      // The provider may have rotated its keys since they were cached.
      return verifyIdToken(body.id_token, { ...expect, keys: await this.#jwks(true) });
    }
  }

  #discover(): Promise<ProviderMetadata> {
    this.#metadata ??= (async () => {
      const base = this.settings.issuer.replace(/\/+$/, '');
      const res = await this.#fetch(`${base}/.well-known/openid-configuration`);
      const meta = (await res.json()) as ProviderMetadata;
      if (!res.ok || meta.issuer !== this.settings.issuer) {
        throw operationalError(
          'OIDC_DISCOVERY_FAILED',
          'The identity provider metadata is missing or names another issuer',
        );
      }
      return meta;
    })().catch((err: unknown) => {
      this.#metadata = undefined;
      throw err;
    });
    return this.#metadata;
  }

  async #jwks(refresh: boolean): Promise<JsonWebKey[]> {
    if (this.#keys && !refresh) return this.#keys;
    const res = await this.#fetch((await this.#discover()).jwks_uri);
    const body = (await res.json()) as { keys?: JsonWebKey[] };
    this.#keys = Array.isArray(body.keys) ? body.keys : [];
    return this.#keys;
  }

  async #fetch(url: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(10_000) });
    } catch (cause) {
      throw operationalError('OIDC_UNREACHABLE', 'The identity provider could not be reached', { cause });
    }
  }
}
