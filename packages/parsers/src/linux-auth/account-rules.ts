import { setField } from '../ecs/set-field.ts';
import { cls, type Rule } from './auth-rule.ts';

const kvList = (text: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const part of text.split(/,\s*/)) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
};

/** useradd/userdel/groupadd/groupdel/usermod/passwd/chpasswd. */
export const accountRules: Rule[] = [
  {
    re: /^new user: (.*)$/,
    apply: (d, m) => {
      const f = kvList(m[1] ?? '');
      cls(d, 'iam', 'user,creation', 'user_created', 'success');
      setField(d, 'user.name', f['name']);
      setField(d, 'user.id', f['UID']);
      setField(d, 'group.id', f['GID']);
      setField(d, 'system.auth.useradd.home', f['home']);
      setField(d, 'system.auth.useradd.shell', f['shell']);
    },
  },
  {
    re: /^new group: (.*)$|^group added to \S+: (.*)$/,
    apply: (d, m) => {
      const f = kvList(m[1] ?? m[2] ?? '');
      cls(d, 'iam', 'group,creation', 'group_created', 'success');
      setField(d, 'group.name', f['name']);
      setField(d, 'group.id', f['GID']);
    },
  },
  {
    re: /^delete user '([^']+)'/,
    apply: (d, m) => {
      cls(d, 'iam', 'user,deletion', 'user_deleted', 'success');
      setField(d, 'user.name', m[1]);
    },
  },
  {
    re: /^(?:removed group|group) '([^']+)'(?: owned by '([^']+)')?(?: removed)?/,
    apply: (d, m) => {
      cls(d, 'iam', 'group,deletion', 'group_deleted', 'success');
      setField(d, 'group.name', m[1]);
      setField(d, 'user.name', m[2]);
    },
  },
  {
    re: /^add '([^']+)' to (?:shadow )?group '([^']+)'/,
    apply: (d, m) => {
      cls(d, 'iam', 'group,change', 'user_added_to_group', 'success');
      setField(d, 'user.name', m[1]);
      setField(d, 'group.name', m[2]);
    },
  },
  {
    re: /^password (?:changed|for) (?:for )?'?([^' ]+)'?/,
    apply: (d, m) => {
      cls(d, 'iam', 'user,change', 'password_changed', 'success');
      setField(d, 'user.name', m[1]);
    },
  },
];
