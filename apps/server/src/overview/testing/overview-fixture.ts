import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { ManualClock } from '@vigil/core';
import type { IdentityRuntime } from '../../auth/identity-runtime.ts';
import { addUser, login, type Session } from '../../auth/testing/auth-fixture.ts';
import type { CasesRuntime } from '../../alerts/cases-runtime.ts';
import { casesServer } from '../../alerts/testing/cases-server.ts';

export const PASSWORD = 'Corr3ct-Horse-Battery';

export interface OverviewFixture {
  app: FastifyInstance;
  rt: IdentityRuntime;
  cases: CasesRuntime;
  clock: ManualClock;
  /** Creates an account with these roles (`[['admin', 'ws-a']]`) and signs it in. */
  user(name: string, roles: readonly (readonly [string, string?])[]): Promise<Session>;
  /** A new session of an existing account (sessions time out when the clock moves on). */
  signIn(name: string): Promise<Session>;
  /** Raises one alert in `workspace` through the API, as `session`, on this host. */
  alert(session: Session, workspace: string, severity: string, host: string, title?: string): Promise<void>;
}

/** A server over in-memory identity and cases, with a manual clock. */
export async function overviewFixture(): Promise<OverviewFixture> {
  const clock = new ManualClock(Date.UTC(2026, 5, 7, 12));
  const { app, identity: rt, cases } = await casesServer({ clock });
  let n = 0;
  return {
    app,
    rt,
    cases,
    clock,
    user: async (name, roles) => {
      await addUser(rt, name, PASSWORD, roles);
      return login(app, name, PASSWORD);
    },
    signIn: (name) => login(app, name, PASSWORD),
    alert: async (session, workspace, severity, host, title = `${severity} on ${host}`) => {
      const at = clock.now();
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${workspace}/alerts`,
        headers: session.headers,
        payload: {
          title,
          severity,
          events: [
            {
              '@timestamp': new Date(at).toISOString(),
              host: { name: host },
              vigil: {
                id: `e${++n}`,
                workspace,
                data_space: 'default',
                received_at: new Date(at).toISOString(),
              },
            },
          ],
        },
      });
      assert.equal(res.statusCode, 201, res.body);
    },
  };
}
