import { setField } from '../ecs/set-field.ts';
import { cls, src, type Rule } from './auth-rule.ts';

/** sshd messages (OpenSSH). */
export const sshdRules: Rule[] = [
  {
    re: /^Accepted (\S+) for (\S+) from (\S+) port (\d+)(?: ([^\s:]+))?(?:: (\S+) (\S+))?/,
    apply: (d, m) => {
      cls(d, 'authentication,session', 'start', 'ssh_login', 'success');
      setField(d, 'user.name', m[2]);
      src(d, m[3], m[4]);
      setField(d, 'system.auth.ssh.method', m[1]);
      setField(d, 'system.auth.ssh.signature', m[6] && m[7] ? `${m[6]} ${m[7]}` : undefined);
    },
  },
  {
    re: /^Failed (\S+) for (invalid user )?(\S*) from (\S+) port (\d+)/,
    apply: (d, m) => {
      cls(d, 'authentication', 'start', 'ssh_login', 'failure');
      setField(d, 'user.name', m[3]);
      src(d, m[4], m[5]);
      setField(d, 'system.auth.ssh.method', m[1]);
      if (m[2]) setField(d, 'system.auth.ssh.invalid_user', true);
    },
  },
  {
    re: /^Invalid user (\S*) from (\S+)(?: port (\d+))?/,
    apply: (d, m) => {
      cls(d, 'authentication', 'start', 'ssh_invalid_user', 'failure');
      setField(d, 'user.name', m[1]);
      src(d, m[2], m[3]);
      setField(d, 'system.auth.ssh.invalid_user', true);
    },
  },
  {
    re: /^User (\S+) from (\S+) not allowed because (.+)$/,
    apply: (d, m) => {
      cls(d, 'authentication', 'start', 'ssh_login', 'failure');
      setField(d, 'user.name', m[1]);
      src(d, m[2]);
      setField(d, 'event.reason', `not allowed because ${m[3]}`);
    },
  },
  {
    re: /^error: maximum authentication attempts exceeded for (invalid user )?(\S+) from (\S+) port (\d+)/,
    apply: (d, m) => {
      cls(d, 'authentication', 'start', 'ssh_max_auth_attempts', 'failure');
      setField(d, 'user.name', m[2]);
      src(d, m[3], m[4]);
    },
  },
  {
    re: /^(?:Connection closed|Disconnected) by (?:(authenticating|invalid) user (\S+) )?(\S+) port (\d+)(?: \[preauth\])?/,
    apply: (d, m) => {
      cls(d, 'authentication,network', 'end', 'ssh_disconnect', m[1] !== undefined ? 'failure' : undefined);
      setField(d, 'user.name', m[2]);
      src(d, m[3], m[4]);
    },
  },
  {
    re: /^Disconnected from user (\S+) (\S+) port (\d+)/,
    apply: (d, m) => {
      cls(d, 'session', 'end', 'ssh_logout', 'success');
      setField(d, 'user.name', m[1]);
      src(d, m[2], m[3]);
    },
  },
  {
    re: /^Received disconnect from (\S+) port (\d+)/,
    apply: (d, m) => {
      cls(d, 'network', 'end', 'ssh_disconnect');
      src(d, m[1], m[2]);
    },
  },
];
