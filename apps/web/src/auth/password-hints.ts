// Live feedback while typing a new password. It mirrors the server's policy (DESIGN §7) rule by rule, with
// the server's rule names; the server's 400 answer stays authoritative and is shown verbatim.
import { isCommonPassword } from './is-common-password.ts';

export interface PasswordHint {
  readonly rule: 'min_length' | 'char_classes' | 'account_name' | 'common_password';
  readonly met: boolean;
  readonly text: string;
}

function classCount(password: string): number {
  const found = new Set<string>();
  for (const ch of password) {
    if (/\p{Ll}/u.test(ch)) found.add('lower');
    else if (/\p{Lu}/u.test(ch)) found.add('upper');
    else if (/\p{Nd}/u.test(ch)) found.add('digit');
    else found.add('special');
  }
  return found.size;
}

/** @example passwordHints('abc', 'alice').filter(h => !h.met).map(h => h.rule) → ['min_length', 'char_classes'] */
export function passwordHints(password: string, username: string): PasswordHint[] {
  const pw = password.toLowerCase();
  const name = username.trim().toLowerCase();
  const reversed = [...name].reverse().join('');
  return [
    { rule: 'min_length', met: [...password].length >= 8, text: 'At least 8 characters' },
    {
      rule: 'char_classes',
      met: classCount(password) >= 2,
      text: 'At least 2 kinds of character: lowercase, uppercase, digits, spaces or special characters',
    },
    {
      rule: 'account_name',
      met: name === '' || (pw !== name && pw !== reversed),
      text: 'Not the username, nor the username reversed',
    },
    {
      rule: 'common_password',
      met: password === '' || !isCommonPassword(password),
      text: 'Not a common or predictable password',
    },
  ];
}

/** True when every locally checkable rule passes. */
export function passwordLooksAcceptable(password: string, username: string): boolean {
  return password !== '' && passwordHints(password, username).every((h) => h.met);
}
