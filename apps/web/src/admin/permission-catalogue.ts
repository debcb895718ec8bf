// The workspace permissions of packages/identity/src/access/permission-catalogue.ts, copied for the custom
// role editor (the console bundle does not import server packages; no API lists the catalogue yet). The
// server stays the authority: it refuses a permission it does not know.

export interface PermissionInfo {
  readonly id: string;
  readonly description: string;
}

export const WORKSPACE_PERMISSIONS: readonly PermissionInfo[] = [
  { id: 'workspace.read', description: 'See the workspace, its data spaces and settings summary' },
  {
    id: 'workspace.manage',
    description: 'Rename or archive the workspace, manage data spaces and retention',
  },
  { id: 'workspace.delete', description: 'Delete the workspace (after the retention grace period)' },
  { id: 'settings.read', description: 'Read workspace settings (MFA enforcement, privacy, integrations)' },
  { id: 'settings.write', description: 'Change workspace settings' },
  { id: 'sources.read', description: 'List sources and their counters' },
  { id: 'sources.write', description: 'Create, change and remove sources and listeners' },
  { id: 'ingest.write', description: 'Send events (ingest tokens carry only this)' },
  { id: 'events.search', description: 'Search stored events' },
  { id: 'events.export', description: 'Export events in bulk' },
  { id: 'queries.read', description: 'Read saved queries' },
  { id: 'queries.write', description: 'Save and share queries' },
  { id: 'rules.read', description: 'Read detection rules, filters and correlations' },
  { id: 'rules.write', description: 'Create, change, enable and disable rules' },
  { id: 'rules.test', description: 'Backtest rules against stored events' },
  { id: 'assets.read', description: 'Read the asset inventory' },
  { id: 'assets.write', description: 'Change the asset inventory' },
  { id: 'intel.read', description: 'Read indicators and threat-intelligence feeds' },
  { id: 'intel.write', description: 'Manage indicators and feeds' },
  { id: 'ueba.read', description: 'See behaviour-analytics results (profiling of people)' },
  { id: 'alerts.read', description: 'Read alerts' },
  { id: 'alerts.write', description: 'Triage alerts: acknowledge, close, suppress, add exceptions' },
  { id: 'incidents.read', description: 'Read incidents, timelines and graphs' },
  { id: 'incidents.write', description: 'Create, update, assign and close incidents' },
  { id: 'incidents.delete', description: 'Delete incidents' },
  { id: 'playbooks.read', description: 'Read playbooks and run history' },
  { id: 'playbooks.write', description: 'Create and change playbooks' },
  { id: 'playbooks.run', description: 'Start playbook runs' },
  { id: 'playbooks.approve', description: 'Approve playbook steps that need a human' },
  { id: 'connectors.read', description: 'Read connector configuration (never secrets)' },
  { id: 'connectors.write', description: 'Configure connectors and their credentials' },
  { id: 'reports.read', description: 'Read dashboards and reports' },
  { id: 'reports.write', description: 'Create and change dashboards and reports' },
  { id: 'users.read', description: 'List members of the workspace' },
  { id: 'users.manage', description: 'Invite, disable and force password resets for members' },
  { id: 'roles.manage', description: 'Define custom roles and grant or revoke roles' },
  { id: 'tokens.manage', description: 'Create and revoke API keys and ingest tokens' },
  { id: 'audit.read', description: 'Read and export the audit log' },
  { id: 'privacy.manage', description: 'Acknowledge profiling features, manage personal-data retention' },
  { id: 'operator_access.read', description: 'See operator-access grants to this workspace and their log' },
];
