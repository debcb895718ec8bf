import type { AuditRecord, User } from '@vigil/identity';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import type { CasesPersonalData, CasesPrivacy } from './cases-privacy.ts';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** Everything Vigil keeps about one account, without any secret (no hashes, seeds, session or key secrets). */
export interface PersonalData {
  generatedAt: string;
  account: {
    id: string;
    username: string;
    displayName: string | null;
    email: string | null;
    disabled: boolean;
    mustChangePassword: boolean;
    createdAt: string | null;
    updatedAt: string | null;
    signInMethod: 'password' | 'sso';
  };
  grants: { workspaceId: string | null; roleId: string; grantedBy: string; grantedAt: string | null }[];
  /** Groups the account belongs to (their roles apply to it too). */
  groupMemberships: { workspaceId: string; groupId: string; addedBy: string; addedAt: string | null }[];
  sessions: {
    current: boolean;
    authenticatedAt: string | null;
    lastSeenAt: string | null;
    expiresAt: string | null;
    mfa: boolean;
    clientIp: string | null;
    userAgent: string | null;
  }[];
  mfa: { enabled: boolean; confirmedAt: string | null; recoveryCodesLeft: number };
  apiKeys: {
    id: string;
    kind: string;
    name: string;
    workspaceId: string;
    roleId: string | null;
    createdAt: string | null;
    expiresAt: string | null;
    lastUsedAt: string | null;
    revokedAt: string | null;
  }[];
  audit: { total: number; truncated: boolean; records: AuditRecord[] };
  /** Alerts and incidents the account owns or acted on (comments included), and its attachments' metadata. */
  cases?: CasesPersonalData;
}

/** Audit records made by the account, newest last; at most `limit` (the view shows a few, the export all up to 10 000). */
async function auditRecordsOf(
  rt: IdentityRuntime,
  userId: string,
  limit: number,
): Promise<PersonalData['audit']> {
  const all: AuditRecord[] = [];
  let afterSeq = 0;
  for (let page = 0; page < 10; page++) {
    const batch = await rt.stores.audit.find({ userId, afterSeq, limit: 1000 });
    all.push(...batch);
    const last = batch.at(-1);
    if (batch.length < 1000 || !last) break;
    afterSeq = last.seq;
  }
  return { total: all.length, truncated: all.length > limit, records: all.slice(-limit) };
}

/** Collects the personal data of `user` from every store of the inventory that concerns account holders. */
export async function collectPersonalData(
  rt: IdentityRuntime,
  user: User,
  options: { currentSessionKey?: string | undefined; auditLimit: number; cases?: CasesPrivacy | undefined },
): Promise<PersonalData> {
  const grants = await rt.stores.roleGrants.listForPrincipal(user.id);
  const sessions = await rt.stores.sessions.listByUser(user.id);
  const enrolment = await rt.stores.mfa.get(user.id);
  const apiKeys = [];
  for (const ws of new Set(grants.flatMap((g) => (g.workspaceId === undefined ? [] : [g.workspaceId])))) {
    for (const t of await rt.stores.machineTokens.listByWorkspace(ws)) {
      if (t.createdBy !== user.id) continue;
      apiKeys.push({
        id: t.id,
        kind: t.kind,
        name: t.name,
        workspaceId: t.workspaceId,
        roleId: t.roleId ?? null,
        createdAt: iso(t.createdAt),
        expiresAt: iso(t.expiresAt),
        lastUsedAt: iso(t.lastUsedAt),
        revokedAt: iso(t.revokedAt),
      });
    }
  }
  return {
    generatedAt: new Date(rt.clock.now()).toISOString(),
    account: {
      id: user.id,
      username: user.username,
      displayName: user.displayName ?? null,
      email: user.email ?? null,
      disabled: user.disabled,
      mustChangePassword: user.mustChangePassword,
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
      signInMethod: user.passwordHash === undefined ? 'sso' : 'password',
    },
    grants: grants.map((g) => ({
      workspaceId: g.workspaceId ?? null,
      roleId: g.roleId,
      grantedBy: g.grantedBy,
      grantedAt: iso(g.grantedAt),
    })),
    groupMemberships: (await rt.stores.groups.listForUser(user.id)).map((m) => ({
      workspaceId: m.workspaceId,
      groupId: m.groupId,
      addedBy: m.addedBy,
      addedAt: iso(m.addedAt),
    })),
    sessions: sessions.map((s) => ({
      current: s.key === options.currentSessionKey,
      authenticatedAt: iso(s.authenticatedAt),
      lastSeenAt: iso(s.lastSeenAt),
      expiresAt: iso(s.expiresAt),
      mfa: s.mfa,
      clientIp: s.clientIp ?? null,
      userAgent: s.userAgent ?? null,
    })),
    mfa: {
      enabled: enrolment?.confirmedAt !== undefined,
      confirmedAt: iso(enrolment?.confirmedAt),
      recoveryCodesLeft: enrolment?.recoveryCodes.filter((c) => c.usedAt === undefined).length ?? 0,
    },
    apiKeys,
    audit: await auditRecordsOf(rt, user.id, options.auditLimit),
    ...(options.cases === undefined ? {} : { cases: await options.cases.collect(user) }),
  };
}
