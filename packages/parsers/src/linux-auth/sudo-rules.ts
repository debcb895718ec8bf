import { setField } from '../ecs/set-field.ts';
import { cls, type Rule } from './auth-rule.ts';

/** `alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id` and its failure forms. */
export const sudoRules: Rule[] = [
  {
    re: /^\s*(\S+) : (?:(.*?) ; )?TTY=(\S+) ; PWD=(.*?) ; USER=(\S+) ; (?:GROUP=\S+ ; )?(?:ENV=.*? ; )?COMMAND=(.*)$/,
    apply: (d, m) => {
      const problem = m[2];
      const failed = problem !== undefined && problem !== '';
      cls(
        d,
        'process,authentication',
        'start',
        failed ? 'sudo_denied' : 'sudo_command',
        failed ? 'failure' : 'success',
      );
      setField(d, 'user.name', m[1]);
      setField(d, 'user.effective.name', m[5]);
      setField(d, 'process.command_line', m[6]);
      setField(d, 'process.working_directory', m[4]);
      setField(d, 'system.auth.sudo.tty', m[3]);
      if (failed) setField(d, 'event.reason', problem);
    },
  },
];
