import { setField } from '../ecs/set-field.ts';
import { cls, src, type Rule } from './auth-rule.ts';

/** `pam_unix(sshd:auth): authentication failure; … rhost=1.2.3.4  user=root` and session messages. */
export const pamRules: Rule[] = [
  {
    re: /^pam_\w+\(([^:)]+):(\w+)\): session (opened|closed) for user ([^\s(]+)(?:\(uid=\d+\))?(?: by ([^\s(]*)(?:\(uid=\d+\))?)?/,
    apply: (d, m) => {
      cls(d, 'session', m[3] === 'opened' ? 'start' : 'end', `pam_session_${m[3] ?? ''}`, 'success');
      setField(d, 'user.name', m[4]);
      setField(d, 'system.auth.pam.service', m[1]);
      setField(d, 'system.auth.pam.by', m[5]);
    },
  },
  {
    re: /^pam_\w+\(([^:)]+):(\w+)\): authentication failure; (.*)$/,
    apply: (d, m) => {
      const f: Record<string, string> = {};
      for (const kv of (m[3] ?? '').matchAll(/(\w+)=(\S*)/g)) f[kv[1] ?? ''] = kv[2] ?? '';
      cls(d, 'authentication', 'start', 'pam_authentication_failure', 'failure');
      setField(d, 'user.name', f['user'] ?? f['ruser']);
      src(d, f['rhost'] === '' ? undefined : f['rhost']);
      setField(d, 'system.auth.pam.service', m[1]);
      setField(d, 'system.auth.pam.tty', f['tty']);
    },
  },
  {
    re: /^pam_\w+\(([^:)]+):(\w+)\): (?:check pass; )?user unknown/,
    apply: (d, m) => {
      cls(d, 'authentication', 'start', 'pam_user_unknown', 'failure');
      setField(d, 'system.auth.pam.service', m[1]);
    },
  },
  {
    re: /^pam_\w+\(([^:)]+):(\w+)\): password changed for (\S+)/,
    apply: (d, m) => {
      cls(d, 'iam', 'user,change', 'password_changed', 'success');
      setField(d, 'user.name', m[3]);
      setField(d, 'system.auth.pam.service', m[1]);
    },
  },
  {
    re: /^New session (\S+) of user (\S+?)\.?$/,
    apply: (d, m) => {
      cls(d, 'session', 'start', 'logind_session_new', 'success');
      setField(d, 'user.name', m[2]);
      setField(d, 'system.auth.session_id', m[1]);
    },
  },
];
