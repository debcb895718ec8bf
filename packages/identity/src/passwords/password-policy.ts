import { isCommonPassword } from './is-common-password.ts';

export type PasswordRule =
  'min_length' | 'max_length' | 'char_classes' | 'matches_account' | 'reverse_account' | 'common_password';

export interface PasswordPolicyFailure {
  rule: PasswordRule;
  /** Says what is missing, for the API and the console's live feedback. Never echoes the password. */
  message: string;
}

export interface PasswordPolicyResult {
  ok: boolean;
  failures: PasswordPolicyFailure[];
}

export const PASSWORD_MIN_LENGTH = 8;
/** Generous upper bound so a multi-megabyte "password" cannot be used to burn CPU in hashing. */
export const PASSWORD_MAX_LENGTH = 1024;
export const PASSWORD_MIN_CHAR_CLASSES = 2;

export type CharClass = 'lowercase' | 'uppercase' | 'digit' | 'special';

/** Which of the four character classes a password uses; letters without case count as special. */
export function charClasses(password: string): Set<CharClass> {
  const found = new Set<CharClass>();
  for (const ch of password) {
    if (/\p{Ll}/u.test(ch)) found.add('lowercase');
    else if (/\p{Lu}/u.test(ch)) found.add('uppercase');
    else if (/\p{Nd}/u.test(ch)) found.add('digit');
    else found.add('special');
  }
  return found;
}

function reverse(text: string): string {
  return [...text].reverse().join('');
}

/**
 * Checks a candidate password against the policy of DESIGN §7 and returns every failed rule.
 * Example: `checkPasswordPolicy('alice', 'alice').failures.map(f => f.rule)` →
 * `['min_length', 'char_classes', 'matches_account']`.
 */
export function checkPasswordPolicy(password: string, accountName: string): PasswordPolicyResult {
  const failures: PasswordPolicyFailure[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    failures.push({
      rule: 'min_length',
      message: `Use at least ${PASSWORD_MIN_LENGTH} characters (this one has ${length}).`,
    });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    failures.push({ rule: 'max_length', message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` });
  }
  const classes = charClasses(password);
  if (classes.size < PASSWORD_MIN_CHAR_CLASSES) {
    failures.push({
      rule: 'char_classes',
      message:
        'Mix at least two kinds of characters: lowercase letters, uppercase letters, digits, spaces or special characters.',
    });
  }
  const pw = password.toLowerCase();
  const account = accountName.trim().toLowerCase();
  if (account.length > 0 && pw === account) {
    failures.push({ rule: 'matches_account', message: 'The password must not be the account name.' });
  } else if (account.length > 0 && pw === reverse(account)) {
    failures.push({
      rule: 'reverse_account',
      message: 'The password must not be the account name reversed.',
    });
  }
  if (isCommonPassword(password)) {
    failures.push({
      rule: 'common_password',
      message: 'This password is too common or too predictable; choose something less guessable.',
    });
  }
  return { ok: failures.length === 0, failures };
}
