/**
 * Every permission Vigil checks. `workspace` permissions are granted per workspace through roles;
 * `platform` permissions concern the installation itself (operators, security managers) and never
 * confer access to any workspace's data. Each API route names one of these in `x-vigil-permission`.
 */
export const PERMISSION_CATALOGUE = {
  // Workspace and its configuration
  'workspace.read': {
    scope: 'workspace',
    description: 'See the workspace, its data spaces and settings summary',
  },
  'workspace.manage': {
    scope: 'workspace',
    description: 'Rename or archive the workspace, manage data spaces and retention',
  },
  'workspace.delete': {
    scope: 'workspace',
    description: 'Delete the workspace (after the retention grace period)',
  },
  'settings.read': {
    scope: 'workspace',
    description: 'Read workspace settings (MFA enforcement, privacy, integrations)',
  },
  'settings.write': { scope: 'workspace', description: 'Change workspace settings' },
  // Data path
  'sources.read': { scope: 'workspace', description: 'List sources and their counters' },
  'sources.write': { scope: 'workspace', description: 'Create, change and remove sources and listeners' },
  'ingest.write': { scope: 'workspace', description: 'Send events (ingest tokens carry only this)' },
  'events.search': { scope: 'workspace', description: 'Search stored events' },
  'events.export': { scope: 'workspace', description: 'Export events in bulk' },
  'queries.read': { scope: 'workspace', description: 'Read saved queries' },
  'queries.write': { scope: 'workspace', description: 'Save and share queries' },
  // Detection
  'rules.read': { scope: 'workspace', description: 'Read detection rules, filters and correlations' },
  'rules.write': { scope: 'workspace', description: 'Create, change, enable and disable rules' },
  'rules.test': { scope: 'workspace', description: 'Backtest rules against stored events' },
  'assets.read': { scope: 'workspace', description: 'Read the asset inventory' },
  'assets.write': { scope: 'workspace', description: 'Change the asset inventory' },
  'intel.read': { scope: 'workspace', description: 'Read indicators and threat-intelligence feeds' },
  'intel.write': { scope: 'workspace', description: 'Manage indicators and feeds' },
  'ueba.read': { scope: 'workspace', description: 'See behaviour-analytics results (profiling of people)' },
  // Response
  'alerts.read': { scope: 'workspace', description: 'Read alerts' },
  'alerts.write': {
    scope: 'workspace',
    description: 'Triage alerts: acknowledge, close, suppress, add exceptions',
  },
  'incidents.read': { scope: 'workspace', description: 'Read incidents, timelines and graphs' },
  'incidents.write': { scope: 'workspace', description: 'Create, update, assign and close incidents' },
  'incidents.delete': { scope: 'workspace', description: 'Delete incidents' },
  'playbooks.read': { scope: 'workspace', description: 'Read playbooks and run history' },
  'playbooks.write': { scope: 'workspace', description: 'Create and change playbooks' },
  'playbooks.run': { scope: 'workspace', description: 'Start playbook runs' },
  'playbooks.approve': { scope: 'workspace', description: 'Approve playbook steps that need a human' },
  'connectors.read': { scope: 'workspace', description: 'Read connector configuration (never secrets)' },
  'connectors.write': { scope: 'workspace', description: 'Configure connectors and their credentials' },
  'reports.read': { scope: 'workspace', description: 'Read dashboards and reports' },
  'reports.write': { scope: 'workspace', description: 'Create and change dashboards and reports' },
  // Identity and governance
  'users.read': { scope: 'workspace', description: 'List members of the workspace' },
  'users.manage': {
    scope: 'workspace',
    description: 'Invite, disable and force password resets for members',
  },
  'roles.manage': { scope: 'workspace', description: 'Define custom roles and grant or revoke roles' },
  'tokens.manage': { scope: 'workspace', description: 'Create and revoke API keys and ingest tokens' },
  'audit.read': { scope: 'workspace', description: 'Read and export the audit log' },
  'privacy.manage': {
    scope: 'workspace',
    description: 'Acknowledge profiling features, manage personal-data retention',
  },
  'operator_access.read': {
    scope: 'workspace',
    description: 'See operator-access grants to this workspace and their log',
  },
  // Platform (installation-wide)
  'system.metrics': { scope: 'platform', description: 'Read /metrics and health details' },
  'system.settings': {
    scope: 'platform',
    description: 'Change installation settings (TLS, listeners, master key rotation)',
  },
  'workspaces.create': { scope: 'platform', description: 'Create workspaces' },
  'platform.roles.manage': {
    scope: 'platform',
    description: 'Grant and revoke platform roles (operator, security manager, platform administrator)',
  },
  'platform.audit.read': {
    scope: 'platform',
    description: 'Read installation-level audit records (no workspace data)',
  },
  'operator_access.request': {
    scope: 'platform',
    description: 'Ask for time-boxed access to a workspace (operators)',
  },
  'operator_access.approve': {
    scope: 'platform',
    description: 'Approve or reject operator-access requests (security managers)',
  },
} as const satisfies Record<string, { scope: 'workspace' | 'platform'; description: string }>;

export type Permission = keyof typeof PERMISSION_CATALOGUE;
export type PermissionScope = 'workspace' | 'platform';

export const PERMISSIONS = Object.keys(PERMISSION_CATALOGUE) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSION_CATALOGUE, value);
}

export function permissionScope(permission: Permission): PermissionScope {
  return PERMISSION_CATALOGUE[permission].scope;
}

/** Permissions of one scope. */
export function permissionsOfScope(scope: PermissionScope): Permission[] {
  return PERMISSIONS.filter((p) => PERMISSION_CATALOGUE[p].scope === scope);
}

/**
 * Expands a permission pattern: an exact name, `area.*`, or `*` (all permissions of a scope).
 * Example: `expandPermissionPattern('incidents.*', 'workspace')` → `['incidents.read', 'incidents.write', 'incidents.delete']`.
 */
export function expandPermissionPattern(pattern: string, scope: PermissionScope): Permission[] {
  const ofScope = permissionsOfScope(scope);
  if (pattern === '*') return ofScope;
  if (pattern.endsWith('.*')) {
    const prefix = pattern.slice(0, -1);
    return ofScope.filter((p) => p.startsWith(prefix));
  }
  return isPermission(pattern) && permissionScope(pattern) === scope ? [pattern] : [];
}
