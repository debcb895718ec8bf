import { useId } from 'react';
import { passwordHints } from './password-hints.ts';
import { usePasswordCheck } from './use-password-check.ts';

/**
 * A new-password input with the server's policy checklist, marked from the server's check of what is
 * typed (debounced) and announced politely.
 */
export function NewPasswordField(props: {
  readonly label: string;
  readonly value: string;
  readonly username: string;
  readonly onChange: (value: string) => void;
}) {
  const id = useId();
  const { rules, check } = usePasswordCheck(props.value, props.username);
  const hints = passwordHints(rules, props.value === '' ? undefined : check);
  const missing = hints.filter((h) => h.met === false).length;
  const summary =
    props.value === '' || check === undefined
      ? 'The password must meet these rules:'
      : missing === 0
        ? 'The password meets every rule.'
        : `${missing} ${missing === 1 ? 'rule is' : 'rules are'} not met yet:`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        required
        value={props.value}
        aria-describedby={`${id}-hints`}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <div id={`${id}-hints`} className="password-hints" aria-live="polite">
        <p className="password-hints-summary">{summary}</p>
        <ul>
          {hints.map((h) => (
            <li
              key={h.rule}
              data-rule={h.rule}
              className={h.met === undefined ? 'hint-pending' : h.met ? 'hint-met' : 'hint-unmet'}
            >
              <span className="visually-hidden">
                {h.met === undefined ? 'Rule: ' : h.met ? 'Met: ' : 'Not met: '}
              </span>
              {h.text}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
