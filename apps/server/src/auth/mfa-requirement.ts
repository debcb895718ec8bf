import type { IdentityRuntime } from './identity-runtime.ts';

/** Workspaces the account is a member of that require MFA while it has no authenticator (it must enrol). */
export async function mfaEnrolmentMissing(rt: IdentityRuntime, userId: string): Promise<string[]> {
  if (await rt.mfa.isEnrolled(userId)) return [];
  const workspaceIds = new Set(
    (await rt.stores.roleGrants.listForPrincipal(userId)).flatMap((g) =>
      g.workspaceId ? [g.workspaceId] : [],
    ),
  );
  const out: string[] = [];
  for (const id of workspaceIds) if ((await rt.stores.workspaces.get(id))?.mfaRequired === true) out.push(id);
  return out.sort();
}
