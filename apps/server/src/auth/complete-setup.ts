import { isVigilError } from '@vigil/core';
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
 * checked that no account exists (CLI): creates the owner, workspace `default` with data space
 * `default`, grants the owner role there (and platform-admin), and audits each step.
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
  await rt.stores.users.create(user);
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
  await rt.stores.roleGrants.grant({ ...grant, roleId: 'owner', workspaceId: DEFAULT_WORKSPACE_ID });
  await rt.stores.roleGrants.grant({ ...grant, roleId: 'platform-admin' });
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
