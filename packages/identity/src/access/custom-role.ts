import type { Problem } from '@vigil/core';
import {
  expandPermissionPattern,
  isPermission,
  permissionScope,
  type Permission,
} from './permission-catalogue.ts';
import { builtInRole, type Role } from './role.ts';

export interface CustomRoleInput {
  id: string;
  name: string;
  /** Exact permissions or `area.*` patterns from the workspace catalogue. */
  permissions: readonly string[];
}

export type CustomRoleValidation =
  { ok: true; role: Role; problems: [] } | { ok: false; problems: Problem[] };

const ROLE_ID = /^[a-z][a-z0-9-]{1,39}$/;

/**
 * Validates a custom role against the permission catalogue and returns every problem.
 * Example: `validateCustomRole('ws1', { id: 'triage', name: 'Triage', permissions: ['alerts.*'] })`.
 */
export function validateCustomRole(workspace: string, input: CustomRoleInput): CustomRoleValidation {
  const problems: Problem[] = [];
  if (!ROLE_ID.test(input.id)) {
    problems.push({
      where: 'id',
      message: 'Role ids are 2–40 characters: lowercase letters, digits and dashes',
    });
  } else if (builtInRole(input.id)) {
    problems.push({ where: 'id', message: `"${input.id}" is a built-in role` });
  }
  const name = input.name.trim();
  if (name.length === 0 || name.length > 80)
    problems.push({ where: 'name', message: 'Name must be 1–80 characters' });
  if (input.permissions.length === 0)
    problems.push({ where: 'permissions', message: 'A role needs at least one permission' });
  const perms = new Set<Permission>();
  input.permissions.forEach((pattern, i) => {
    const where = `permissions[${i}]`;
    if (pattern === '*') {
      problems.push({ where, message: 'Use the built-in owner role instead of "*"' });
      return;
    }
    if (isPermission(pattern) && permissionScope(pattern) === 'platform') {
      problems.push({
        where,
        message: `"${pattern}" is a platform permission and cannot be part of a workspace role`,
      });
      return;
    }
    const expanded = expandPermissionPattern(pattern, 'workspace');
    if (expanded.length === 0)
      problems.push({ where, message: `"${pattern}" is not in the permission catalogue` });
    for (const p of expanded) perms.add(p);
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    problems: [],
    role: {
      id: input.id,
      name,
      scope: 'workspace',
      permissions: [...perms].sort(),
      builtIn: false,
      workspace,
    },
  };
}
