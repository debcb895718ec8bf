import { createHmac, type KeyObject } from 'node:crypto';
import { randomIds, type Clock, type IdGenerator, type MetadataStore } from '@vigil/core';
import {
  AuditTrail,
  DEFAULT_LOGIN_THROTTLE,
  DEFAULT_SESSION_POLICY,
  FirstRun,
  LoginThrottle,
  MfaService,
  OWASP_ARGON2ID,
  SecretBox,
  SessionManager,
  type Argon2Params,
  type IdentityStores,
  type LoginThrottlePolicy,
  type MasterKey,
  type SecretKeyring,
  type SessionPolicy,
} from '@vigil/identity';
import { loadAuditSigningKeys } from './audit-signing-key-store.ts';
import { OidcClient, type OidcSettings } from './oidc/oidc-client.ts';

/** Everything the identity routes and the authentication hook need, composed once per process. */
export interface IdentityRuntime {
  readonly stores: IdentityStores;
  /** Data spaces are metadata records of kind `data-space`; the signing key is one as well. */
  readonly metadata: MetadataStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly box: SecretBox;
  readonly sessions: SessionManager;
  readonly throttle: LoginThrottle;
  readonly mfa: MfaService;
  readonly audit: AuditTrail;
  readonly auditPublicKey: KeyObject;
  readonly firstRun: FirstRun;
  /** Key of the session-bound CSRF tokens, derived from the master key so every process agrees. */
  readonly csrfSecret: Uint8Array;
  readonly passwordParams: Argon2Params;
  /** True when served over TLS: `__Host-` cookie with Secure. */
  readonly tls: boolean;
  /** Single sign-on, when configured. */
  readonly oidc?: OidcClient;
}

export interface IdentityRuntimeOptions {
  stores: IdentityStores;
  metadata: MetadataStore;
  masterKey: MasterKey;
  previousMasterKeys?: readonly MasterKey[];
  /** Re-reads the key source (rotation without restart): the box calls it on an unknown key id. */
  reloadMasterKeys?: () => SecretKeyring;
  clock: Clock;
  ids?: IdGenerator;
  tls?: boolean;
  sessionPolicy?: SessionPolicy;
  throttlePolicy?: LoginThrottlePolicy;
  /** Tests lower the Argon2id cost; production keeps OWASP's parameters. */
  passwordParams?: Argon2Params;
  /** Audit checkpoint interval in records (default 100). */
  checkpointEvery?: number;
  oidc?: OidcSettings;
}

/** Composes the identity services over the stores; loads (or creates, first run) the audit signing key. */
export async function createIdentityRuntime(options: IdentityRuntimeOptions): Promise<IdentityRuntime> {
  const { stores, clock } = options;
  const box = new SecretBox(
    {
      current: options.masterKey,
      ...(options.previousMasterKeys ? { previous: options.previousMasterKeys } : {}),
    },
    options.reloadMasterKeys ? { reload: options.reloadMasterKeys } : {},
  );
  const keys = await loadAuditSigningKeys(options.metadata, box);
  return {
    stores,
    metadata: options.metadata,
    clock,
    ids: options.ids ?? randomIds,
    box,
    sessions: new SessionManager(stores.sessions, clock, options.sessionPolicy ?? DEFAULT_SESSION_POLICY),
    throttle: new LoginThrottle(
      stores.loginThrottle,
      clock,
      options.throttlePolicy ?? DEFAULT_LOGIN_THROTTLE,
    ),
    mfa: new MfaService(stores.mfa, box, clock),
    audit: new AuditTrail(stores.audit, clock, {
      signingKey: keys.privateKey,
      checkpointEvery: options.checkpointEvery ?? 100,
    }),
    auditPublicKey: keys.publicKey,
    firstRun: new FirstRun(stores.setupTokens, clock, async () => (await stores.users.count()) > 0),
    csrfSecret: createHmac('sha256', options.masterKey.key).update('vigil-csrf-secret:v1').digest(),
    passwordParams: options.passwordParams ?? OWASP_ARGON2ID,
    tls: options.tls ?? false,
    ...(options.oidc ? { oidc: new OidcClient(options.oidc, clock) } : {}),
  };
}
