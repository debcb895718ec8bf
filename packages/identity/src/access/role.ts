import {
  expandPermissionPattern,
  permissionsOfScope,
  type Permission,
  type PermissionScope,
} from './permission-catalogue.ts';

export interface Role {
  /** Built-in ids are fixed; custom ids are `[a-z][a-z0-9-]{1,39}` and unique within their workspace. */
  id: string;
  name: string;
  scope: PermissionScope;
  /** Expanded, sorted, concrete permissions. */
  permissions: readonly Permission[];
  builtIn: boolean;
  /** Owning workspace of a custom role. */
  workspace?: string;
}

function builtIn(id: string, name: string, scope: PermissionScope, patterns: readonly string[]): Role {
  const perms = new Set(patterns.flatMap((p) => expandPermissionPattern(p, scope)));
  return Object.freeze({ id, name, scope, permissions: Object.freeze([...perms].sort()), builtIn: true });
}

const allWorkspace = permissionsOfScope('workspace');
const readOnly = allWorkspace.filter((p) => p.endsWith('.read'));

/** Workspace roles every installation has (DESIGN §7 / issue 6). */
export const BUILT_IN_ROLES: readonly Role[] = Object.freeze([
  builtIn('owner', 'Owner', 'workspace', ['*']),
  builtIn(
    'admin',
    'Administrator',
    'workspace',
    allWorkspace.filter((p) => p !== 'workspace.delete'),
  ),
  builtIn('analyst', 'Analyst', 'workspace', [
    'workspace.read',
    'settings.read',
    'sources.read',
    'events.search',
    'events.export',
    'queries.*',
    'rules.*',
    'assets.read',
    'intel.*',
    'ueba.read',
    'alerts.*',
    'incidents.read',
    'incidents.write',
    'playbooks.read',
    'connectors.read',
    'reports.*',
    'users.read',
  ]),
  builtIn('responder', 'Responder', 'workspace', [
    'workspace.read',
    'events.search',
    'queries.read',
    'rules.read',
    'assets.read',
    'intel.read',
    'alerts.*',
    'incidents.read',
    'incidents.write',
    'playbooks.read',
    'playbooks.run',
    'playbooks.approve',
    'connectors.read',
    'reports.read',
    'users.read',
  ]),
  builtIn('auditor', 'Auditor', 'workspace', [...readOnly, 'events.search', 'audit.read']),
  builtIn('viewer', 'Viewer', 'workspace', [
    'workspace.read',
    'sources.read',
    'rules.read',
    'alerts.read',
    'incidents.read',
    'reports.read',
    'queries.read',
    'assets.read',
  ]),
]);

/** Installation-level roles. None of them grants any workspace permission. */
export const PLATFORM_ROLES: readonly Role[] = Object.freeze([
  builtIn('platform-admin', 'Platform administrator', 'platform', [
    'system.metrics',
    'system.settings',
    'workspaces.create',
    'platform.audit.read',
    'platform.roles.manage',
  ]),
  builtIn('operator', 'Platform operator', 'platform', ['system.metrics', 'operator_access.request']),
  builtIn('security-manager', 'Security manager', 'platform', [
    'operator_access.approve',
    'platform.audit.read',
  ]),
]);

export function builtInRole(id: string): Role | undefined {
  return BUILT_IN_ROLES.find((r) => r.id === id) ?? PLATFORM_ROLES.find((r) => r.id === id);
}
