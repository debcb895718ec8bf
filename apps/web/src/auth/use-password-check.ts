// Asks the server about the password being typed, debounced so the rate limit is never in the way.
import { useEffect, useState } from 'react';
import {
  checkPassword,
  fetchPasswordPolicy,
  type PasswordCheck,
  type PasswordPolicyRule,
} from './password-policy-api.ts';

const DEBOUNCE_MS = 350;

export function usePasswordCheck(
  password: string,
  username: string,
): { readonly rules: readonly PasswordPolicyRule[]; readonly check: PasswordCheck | undefined } {
  const [rules, setRules] = useState<readonly PasswordPolicyRule[]>([]);
  const [check, setCheck] = useState<{ key: string; result: PasswordCheck } | undefined>();

  useEffect(() => {
    let live = true;
    fetchPasswordPolicy().then(
      (r) => {
        if (live) setRules(r);
      },
      () => undefined, // The form still submits; the server's 400 then says what is missing.
    );
    return () => {
      live = false;
    };
  }, []);

  const key = JSON.stringify([password, username]);
  useEffect(() => {
    if (password === '') return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      checkPassword(password, username, controller.signal).then(
        (result) => {
          if (!controller.signal.aborted) setCheck({ key, result });
        },
        () => undefined,
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  // A stale answer (for what was typed before) is never shown against the current text.
  return { rules, check: check?.key === key ? check.result : undefined };
}
