import type { Logger } from '@vigil/core';
import { accountsDueForAnonymisation, type User } from '@vigil/identity';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import { eraseAccount } from './delete-own-account.ts';
import type { CasesPrivacy } from './cases-privacy.ts';
import { startPeriodicJob, type PeriodicJob } from '../jobs/start-periodic-job.ts';

export interface PersonalDataRetentionDeps {
  rt: IdentityRuntime;
  /** Disabled accounts unchanged for this many days are anonymised. */
  retentionDays: number;
  logger: Logger;
  /** Pseudonymises the account in alerts and incidents too, when cases data is available. */
  casesPrivacy?: CasesPrivacy;
}

export interface PersonalDataRetentionReport {
  sessionsDeleted: number;
  /** Expired login-throttle counters (account names, client address buckets) and pending SSO sign-ins. */
  loginStatesDeleted: number;
  accountsAnonymised: number;
  failed: number;
}

async function allUsers(rt: IdentityRuntime): Promise<User[]> {
  const out: User[] = [];
  for (let after = ''; ;) {
    const page = await rt.stores.users.list({ after, limit: 1000 });
    out.push(...page);
    const last = page.at(-1);
    if (page.length < 1000 || !last) return out;
    after = last.id;
  }
}

/**
 * One pass of personal-data retention (DESIGN §7): deletes sessions past their idle or absolute timeout
 * (they hold client IPs and user agents) and anonymises disabled accounts older than the retention, as a
 * self-deletion would (audit records stay, keyed by the now pseudonymous id). Each anonymisation is audited.
 */
export async function runPersonalDataRetention(
  deps: PersonalDataRetentionDeps,
): Promise<PersonalDataRetentionReport> {
  const { rt } = deps;
  const report: PersonalDataRetentionReport = {
    sessionsDeleted: await rt.sessions.purgeExpired(),
    loginStatesDeleted:
      (await rt.stores.loginThrottle.purgeExpired(rt.clock.now())) +
      (await rt.stores.ssoLoginStates.purgeExpired(rt.clock.now())),
    accountsAnonymised: 0,
    failed: 0,
  };
  for (const user of accountsDueForAnonymisation(await allUsers(rt), rt.clock.now(), deps.retentionDays)) {
    try {
      const erased = await eraseAccount(rt, user, deps.casesPrivacy);
      await rt.audit.record({
        event_type: 'privacy.account_anonymised',
        user_id: null,
        resource: `user:${user.id}`,
        workspace: null,
        client_ip: null,
        client_id: 'retention-job',
        result: 'success',
        request_id: null,
        details: { retentionDays: deps.retentionDays, ...erased },
      });
      report.accountsAnonymised++;
    } catch (error) {
      report.failed++;
      deps.logger.warn(
        { userId: user.id, error: String(error) },
        'personal-data retention failed for an account',
      );
    }
  }
  if (report.sessionsDeleted > 0 || report.accountsAnonymised > 0 || report.failed > 0)
    deps.logger.info({ ...report }, 'personal-data retention pass');
  return report;
}

/** Runs a pass now and then every `intervalMs`, one at a time; `stop()` waits for a running pass. */
export function startPersonalDataRetentionJob(
  deps: PersonalDataRetentionDeps,
  intervalMs = 3_600_000,
): PeriodicJob {
  return startPeriodicJob(() => runPersonalDataRetention(deps), {
    intervalMs,
    logger: deps.logger,
    failureMessage: 'personal-data retention pass failed',
  });
}
