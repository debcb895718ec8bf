import type { FastifyInstance } from 'fastify';
import { ManualClock } from '@vigil/core';
import type { IdentityRuntime } from '../../auth/identity-runtime.ts';
import { addUser, login, type Session } from '../../auth/testing/auth-fixture.ts';
import { memoryCasesStores, type CasesRuntime, type CasesStores } from '../cases-runtime.ts';
import { casesServer } from './cases-server.ts';

export const PASSWORD = 'Corr3ct-Horse-Battery';
export const WS = 'ws-a';

export interface CasesFixture {
  app: FastifyInstance;
  cases: CasesRuntime;
  clock: ManualClock;
  /** Accounts and the audit trail (tests read audit records from `identity.stores.audit`). */
  identity: IdentityRuntime;
  /** An analyst of ws-a (alerts.*, incidents.read/write). */
  analyst: Session;
  /** A viewer of ws-a (read only). */
  viewer: Session;
  /** An analyst of another workspace. */
  outsider: Session;
}

/** A server over in-memory identity and (by default) in-memory cases, with three signed-in users. */
export async function casesFixture(
  stores: CasesStores = memoryCasesStores(),
  env: Record<string, string> = {},
): Promise<CasesFixture> {
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  const { app, identity: rt, cases } = await casesServer({ clock, stores, env });
  await addUser(rt, 'ana', PASSWORD, [['analyst', WS]]);
  await addUser(rt, 'val', PASSWORD, [['viewer', WS]]);
  await addUser(rt, 'otto', PASSWORD, [['analyst', 'ws-b']]);
  return {
    app,
    cases,
    clock,
    identity: rt,
    analyst: await login(app, 'ana', PASSWORD),
    viewer: await login(app, 'val', PASSWORD),
    outsider: await login(app, 'otto', PASSWORD),
  };
}

/** A Sysmon-like process event on a host/user, as stored. */
export function processEvent(id: string, at: number, host = 'ws01', user = 'alice'): Record<string, unknown> {
  return {
    '@timestamp': new Date(at).toISOString(),
    event: { category: ['process'], dataset: 'windows.sysmon' },
    host: { name: host },
    user: { name: user },
    process: { name: 'powershell.exe', pid: 4242, command_line: 'powershell -enc AAAA' },
    vigil: { id, workspace: WS, data_space: 'default', received_at: new Date(at).toISOString() },
  };
}
