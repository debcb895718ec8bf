import type { Pool } from 'pg';
import { silentLogger } from '@vigil/core';
import type { Logger } from '@vigil/core';
import type { IdentityStores } from '@vigil/identity';
import { describeTarget, toStoreError } from '../connection/pg-errors.ts';
import { checkSchemaName, createPool } from '../connection/pg-pool.ts';
import { PgAuditLog } from './pg-audit-log.ts';
import { PgScopedDb } from './pg-scoped-db.ts';
import { PgMachineTokenStore } from './pg-machine-token-store.ts';
import { PgMfaStore } from './pg-mfa-store.ts';
import { PgOperatorAccessStore } from './pg-operator-access-store.ts';
import { PgRoleGrantStore } from './pg-role-grant-store.ts';
import { PgRoleStore } from './pg-role-store.ts';
import { PgSessionStore } from './pg-session-store.ts';
import { PgSetupTokenStore } from './pg-setup-token-store.ts';
import { PgUserStore } from './pg-user-store.ts';
import { PgWorkspaceStore } from './pg-workspace-store.ts';
import { PgGroupStore } from './pg-group-store.ts';
import { PgLoginThrottleStore } from './pg-login-throttle-store.ts';
import { PgSsoLoginStateStore } from './pg-sso-login-state-store.ts';

export interface PostgresIdentityStoresOptions {
  /** `postgres://user:password@host:port/db`; the password never appears in errors or logs. */
  url: string;
  /** Schema holding Vigil's tables (default `public`), as given to `openPostgresStorage`. */
  schema?: string;
  logger?: Logger;
}

export interface PostgresIdentityStores extends IdentityStores {
  close(): Promise<void>;
}

/** The identity stores over a pool whose connections resolve names in Vigil's schema. */
export function createPostgresIdentityStores(pool: Pool, target: string): IdentityStores {
  const db = new PgScopedDb(pool, async (work) => {
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error, target);
    }
  });
  return {
    users: new PgUserStore(db),
    workspaces: new PgWorkspaceStore(db),
    sessions: new PgSessionStore(db),
    mfa: new PgMfaStore(db),
    roles: new PgRoleStore(db),
    roleGrants: new PgRoleGrantStore(db),
    machineTokens: new PgMachineTokenStore(db),
    setupTokens: new PgSetupTokenStore(db),
    operatorAccess: new PgOperatorAccessStore(db),
    audit: new PgAuditLog(db),
    groups: new PgGroupStore(db),
    loginThrottle: new PgLoginThrottleStore(db),
    ssoLoginStates: new PgSsoLoginStateStore(db),
  };
}

/**
 * Identity stores on their own pool. Every unit of work runs in a transaction that sets
 * `vigil.scope`/`vigil.workspace` for row-level security. The tables come with the storage's
 * migrations: run `openPostgresStorage(…).migrate()` first.
 */
export function openPostgresIdentityStores(
  options: PostgresIdentityStoresOptions,
): Promise<PostgresIdentityStores> {
  const schema = checkSchemaName(options.schema ?? 'public');
  const target = describeTarget(options.url);
  const logger = (options.logger ?? silentLogger).child({ store: 'postgres-identity', target, schema });
  const pool = createPool(options.url, schema, logger);
  let closing: Promise<void> | undefined;
  return Promise.resolve({
    ...createPostgresIdentityStores(pool, target),
    close: () => (closing ??= pool.end()),
  });
}
