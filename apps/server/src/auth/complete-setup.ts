import { isVigilError, userError } from '@vigil/core';
import { hashPassword, type User, type Workspace } from '@vigil/identity';
import type { IdentityRuntime } from './identity-runtime.ts';
import { assertPasswordPolicy, assertUsername } from './password-rules.ts';
import { ensureDataSpace } from '../workspaces/data-spaces.ts';

export const DEFAULT_WORKSPACE_ID = 'default';
export const DEFAULT_DATA_SPACE_ID = 'default';

export interface SetupContext {
  /** Audit facts common to the records (client IP, request id…): the HTTP route or the CLI provide them. */
  audit(facts: {
    event_type: string;
    user_id: string;
    resource: string;
    workspace?: string;
  }): Promise<unknown>;
}

/** Checks the owner's name and password before a setup token is spent on them. */
export function validateSetupInput(input: { username: string; password: string }): void {
  assertUsername(input.username);
  assertPasswordPolicy(input.password, input.username);
}

/**
 * First-run set-up after the caller has validated the input and spent the setup token (HTTP) or
 * checked that no account exists (CLI): creates workspace `default` with data space `default`, grants
 * the new owner the owner role there (and platform-admin), and only then creates the account with
 * `createFirst`, which succeeds for exactly one caller. That insert is the commit point: a crash before
 * it leaves no account (set-up is still pending and can be redone; the workspace steps are idempotent
 * and the grants name an id nobody holds), and a concurrent second set-up loses with SETUP_DONE instead
 * of making a second administrator. Each step is audited once the account exists.
 */
export async function completeSetup(
  rt: IdentityRuntime,
  input: { username: string; password: string },
  ctx: SetupContext,
): Promise<{ user: User; workspace: Workspace }> {
  const now = rt.clock.now();
  const user: User = {
    id: rt.ids.next(),
    username: input.username,
    passwordHash: await hashPassword(input.password, rt.passwordParams),
    disabled: false,
    mustChangePassword: false,
    mfaEnabled: false,
    createdAt: now,
    updatedAt: now,
  };
  let workspace = await rt.stores.workspaces.get(DEFAULT_WORKSPACE_ID);
  if (!workspace) {
    workspace = {
      id: DEFAULT_WORKSPACE_ID,
      name: 'Default',
      status: 'active',
      mfaRequired: false,
      createdAt: now,
    };
    try {
      await rt.stores.workspaces.create(workspace);
    } catch (err) {
      if (!(isVigilError(err) && err.code === 'WORKSPACE_EXISTS')) throw err;
    }
  }
  await ensureDataSpace(rt, DEFAULT_WORKSPACE_ID, DEFAULT_DATA_SPACE_ID, 'Default');
  const grant = { principalId: user.id, grantedBy: 'setup', grantedAt: now };
  const owner = { ...grant, roleId: 'owner', workspaceId: DEFAULT_WORKSPACE_ID };
  const admin = { ...grant, roleId: 'platform-admin' };
  await rt.stores.roleGrants.grant(owner);
  await rt.stores.roleGrants.grant(admin);
  if (!(await rt.stores.users.createFirst(user))) {
    // Another set-up won the race: take back the grants made for the account that will never exist.
    await rt.stores.roleGrants.revoke(user.id, owner.roleId, owner.workspaceId);
    await rt.stores.roleGrants.revoke(user.id, admin.roleId, undefined);
    throw setupDone();
  }
  const resource = `user:${user.id}`;
  await ctx.audit({ event_type: 'user.created', user_id: user.id, resource });
  await ctx.audit({
    event_type: 'role.granted',
    user_id: user.id,
    resource: `${resource}:owner`,
    workspace: DEFAULT_WORKSPACE_ID,
  });
  await ctx.audit({ event_type: 'role.granted', user_id: user.id, resource: `${resource}:platform-admin` });
  await ctx.audit({
    event_type: 'setup.completed',
    user_id: user.id,
    resource,
    workspace: DEFAULT_WORKSPACE_ID,
  });
  return { user, workspace };
}

export function setupDone() {
  return userError('SETUP_DONE', 'Vigil is already set up', { status: 409 });
}
