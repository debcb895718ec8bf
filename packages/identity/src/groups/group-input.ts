import type { Problem } from '@vigil/core';

export interface GroupInput {
  name: string;
  ssoGroup?: string | undefined;
}

export type GroupInputValidation =
  { ok: true; name: string; ssoGroup?: string } | { ok: false; problems: Problem[] };

const CONTROL = /\p{Cc}/u;

/**
 * Checks a group's name and optional SSO group name (trimmed, 1–80 and 1–256 characters, no control characters).
 * Example: `validateGroupInput({ name: ' SOC tier 1 ' })` → `{ ok: true, name: 'SOC tier 1' }`.
 */
export function validateGroupInput(input: GroupInput): GroupInputValidation {
  const problems: Problem[] = [];
  const name = input.name.trim();
  if (name.length === 0 || name.length > 80 || CONTROL.test(name)) {
    problems.push({ where: 'name', message: 'Name must be 1–80 characters without control characters' });
  }
  const sso = input.ssoGroup?.trim();
  if (sso !== undefined && (sso.length === 0 || sso.length > 256 || CONTROL.test(sso))) {
    problems.push({
      where: 'ssoGroup',
      message: 'SSO group must be 1–256 characters without control characters',
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, name, ...(sso === undefined ? {} : { ssoGroup: sso }) };
}
