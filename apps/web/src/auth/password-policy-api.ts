// The password policy comes from the server (GET /api/v1/password-policy) and every candidate is checked
// there (POST /api/v1/password-policy/check): the console keeps no copy of the rules or the word list.
import { apiJson } from '../api/api-client.ts';
import { obj, objects, str, strs } from '../admin/parse.ts';

export interface PasswordPolicyRule {
  readonly id: string;
  readonly text: string;
  /** Server failure names that leave this line unmet (`matches_account`, `reverse_account`…). */
  readonly failsOn: readonly string[];
}

export interface PasswordCheck {
  readonly ok: boolean;
  readonly failures: readonly { readonly rule: string; readonly message: string }[];
}

export function parsePasswordPolicy(v: unknown): PasswordPolicyRule[] {
  return objects(obj(v)['rules']).flatMap((r) => {
    const id = str(r['id']);
    const text = str(r['text']);
    return id === undefined || text === undefined ? [] : [{ id, text, failsOn: strs(r['failsOn']) }];
  });
}

export function parsePasswordCheck(v: unknown): PasswordCheck {
  const body = obj(v);
  const failures = objects(body['failures']).flatMap((f) => {
    const rule = str(f['rule']);
    return rule === undefined ? [] : [{ rule, message: str(f['message']) ?? rule }];
  });
  return { ok: body['ok'] === true && failures.length === 0, failures };
}

let policy: Promise<PasswordPolicyRule[]> | undefined;

/** The policy's checklist lines, fetched once per page load. */
export function fetchPasswordPolicy(): Promise<PasswordPolicyRule[]> {
  policy ??= apiJson('GET', '/api/v1/password-policy').then(parsePasswordPolicy, (e: unknown) => {
    policy = undefined;
    throw e;
  });
  return policy;
}

export async function checkPassword(
  password: string,
  username: string,
  signal: AbortSignal,
): Promise<PasswordCheck> {
  return parsePasswordCheck(
    await apiJson('POST', '/api/v1/password-policy/check', { password, username }, { signal }),
  );
}
