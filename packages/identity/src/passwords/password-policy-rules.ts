import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_CHAR_CLASSES,
  PASSWORD_MIN_LENGTH,
  type PasswordRule,
} from './password-policy.ts';

/** One line of the password checklist the console shows, and which policy failures leave it unmet. */
export interface PasswordPolicyRuleText {
  id: 'length' | 'char_classes' | 'account_name' | 'common_password';
  text: string;
  failsOn: readonly PasswordRule[];
}

/**
 * The policy as the console presents it, served by the API so the rules live in one place: the console
 * shows these lines and marks each met or not from the server's check of the typed password.
 */
export function passwordPolicyDescription(): {
  minLength: number;
  maxLength: number;
  minCharClasses: number;
  rules: PasswordPolicyRuleText[];
} {
  return {
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    minCharClasses: PASSWORD_MIN_CHAR_CLASSES,
    rules: [
      {
        id: 'length',
        text: `At least ${PASSWORD_MIN_LENGTH} characters`,
        failsOn: ['min_length', 'max_length'],
      },
      {
        id: 'char_classes',
        text: `At least ${PASSWORD_MIN_CHAR_CLASSES} kinds of character: lowercase, uppercase, digits, spaces or special characters`,
        failsOn: ['char_classes'],
      },
      {
        id: 'account_name',
        text: 'Not the username, nor the username reversed',
        failsOn: ['matches_account', 'reverse_account'],
      },
      {
        id: 'common_password',
        text: 'Not a common or predictable password',
        failsOn: ['common_password'],
      },
    ],
  };
}
