// The pages under Settings, in the order of its local navigation.

export interface SettingsSection {
  readonly path: string;
  readonly label: string;
  readonly summary: string;
}

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  {
    path: '/settings/users',
    label: 'Users & roles',
    summary: 'Members of the workspace, their roles, groups, custom roles, password resets and disabling.',
  },
  {
    path: '/settings/tokens',
    label: 'API keys & ingest tokens',
    summary: 'Machine credentials: create (the secret is shown once), review their use, revoke.',
  },
  {
    path: '/settings/operator-access',
    label: 'Operator access',
    summary: 'Time-boxed platform-operator access to this workspace: requests, approvals and their log.',
  },
  {
    path: '/settings/platform-roles',
    label: 'Platform roles',
    summary: 'Installation roles (operator, security manager, platform administrator): grant and revoke.',
  },
  {
    path: '/settings/incident-sla',
    label: 'Incident SLA',
    summary: 'Acknowledge and resolve targets per severity that new incidents are measured against.',
  },
  {
    path: '/settings/cross-workspace',
    label: 'Cross-workspace view',
    summary: 'Share this workspace’s aggregated overview with a central workspace, or revoke it.',
  },
];
