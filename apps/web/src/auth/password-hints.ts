// The checklist under a new-password field: the server's policy lines, each marked from the server's
// check of what was typed. Until the check answers, a line is "pending" rather than guessed.
import type { PasswordCheck, PasswordPolicyRule } from './password-policy-api.ts';

export interface PasswordHint {
  readonly rule: string;
  readonly met: boolean | undefined;
  readonly text: string;
}

/** @example passwordHints(rules, { ok: false, failures: [{ rule: 'reverse_account', … }] }) marks `account_name` unmet */
export function passwordHints(
  rules: readonly PasswordPolicyRule[],
  check: PasswordCheck | undefined,
): PasswordHint[] {
  const failed = new Set(check?.failures.map((f) => f.rule) ?? []);
  return rules.map((r) => ({
    rule: r.id,
    text: r.text,
    met: check === undefined ? undefined : !r.failsOn.some((f) => failed.has(f)),
  }));
}
