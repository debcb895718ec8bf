import { setField } from '../ecs/set-field.ts';
import { cls, type Rule } from './auth-rule.ts';

/** su (shadow-utils and util-linux forms). */
export const suRules: Rule[] = [
  {
    re: /^(?:\(to (\S+)\) (\S+) on (\S+)|Successful su for (\S+) by (\S+))/,
    apply: (d, m) => {
      cls(d, 'authentication,session', 'start', 'su', 'success');
      setField(d, 'user.name', m[2] ?? m[5]);
      setField(d, 'user.effective.name', m[1] ?? m[4]);
    },
  },
  {
    re: /^(?:FAILED SU \(to (\S+)\) (\S+) on (\S+)|FAILED su for (\S+) by (\S+))/,
    apply: (d, m) => {
      cls(d, 'authentication', 'start', 'su', 'failure');
      setField(d, 'user.name', m[2] ?? m[5]);
      setField(d, 'user.effective.name', m[1] ?? m[4]);
    },
  },
  {
    re: /^'su (\S+)' failed for (\S+) on (\S+)/,
    apply: (d, m) => {
      cls(d, 'authentication', 'start', 'su', 'failure');
      setField(d, 'user.name', m[2]);
      setField(d, 'user.effective.name', m[1]);
    },
  },
  {
    re: /^([+-]) (\S+) (\S+):(\S+)$/,
    apply: (d, m) => {
      cls(d, 'authentication,session', 'start', 'su', m[1] === '+' ? 'success' : 'failure');
      setField(d, 'user.name', m[3]);
      setField(d, 'user.effective.name', m[4]);
    },
  },
];
