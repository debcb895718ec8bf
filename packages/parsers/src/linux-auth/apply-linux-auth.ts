import type { ParsedEvent } from '../parsed-event.ts';
import { addRelated } from '../ecs/related.ts';
import { setField } from '../ecs/set-field.ts';
import { accountRules } from './account-rules.ts';
import { applyRules } from './auth-rule.ts';
import { pamRules } from './pam-rules.ts';
import { sshdRules } from './sshd-rules.ts';
import { sudoRules } from './sudo-rules.ts';
import { suRules } from './su-rules.ts';

/** Programs whose messages belong in `system.auth`. */
const authPrograms = new Set([
  'sshd',
  'sudo',
  'su',
  'useradd',
  'userdel',
  'usermod',
  'groupadd',
  'groupdel',
  'groupmod',
  'passwd',
  'chpasswd',
  'chage',
  'login',
  'systemd-logind',
  'gdm-password',
  'polkitd',
  'pkexec',
  'cron',
  'CRON',
  'sshd-session',
]);

/** True when a syslog APP-NAME is an authentication program. */
export function isAuthProgram(app: string | undefined): boolean {
  return app !== undefined && (authPrograms.has(app) || app.startsWith('pam'));
}

/**
 * Interprets an auth MSG (sshd/sudo/su/useradd/userdel/pam…) and sets `system.auth` ECS fields.
 * Returns true when the message matched a known pattern.
 */
export function applyLinuxAuth(event: ParsedEvent, app: string | undefined, msg: string): boolean {
  const program = app ?? '';
  const rules =
    program === 'sudo'
      ? [sudoRules, pamRules]
      : program === 'su'
        ? [suRules, pamRules]
        : program.startsWith('sshd')
          ? [sshdRules, pamRules]
          : [accountRules, pamRules, sshdRules, sudoRules, suRules];
  const matched = rules.some((r) => applyRules(event, r, msg));
  if (matched || isAuthProgram(app)) {
    setField(event, 'event.kind', 'event');
    setField(event, 'event.module', 'system');
    setField(event, 'event.dataset', 'system.auth');
  }
  if (matched) addRelated(event);
  return matched;
}
