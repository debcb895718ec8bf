// The areas of the console, in navigation order. Areas not built yet render an honest "not available yet"
// page until their feature lands.

export type AreaGroup = 'operations' | 'platform';

export interface Area {
  /** Stable identifier, also the first path segment. */
  readonly id: string;
  readonly path: string;
  readonly label: string;
  readonly group: AreaGroup;
  readonly available: boolean;
  /** What the area will offer, shown on its placeholder page. */
  readonly summary: string;
  /** Shows workspace or account data: a signed-out visitor is sent to sign in (and back afterwards). */
  readonly requiresSignIn?: boolean;
  /** False for areas reached from elsewhere (the account page, from the user menu). Default true. */
  readonly inNav?: boolean;
}

export const AREA_GROUP_LABELS: Readonly<Record<AreaGroup, string>> = {
  operations: 'Security operations',
  platform: 'Platform',
};

export const AREAS: readonly Area[] = [
  {
    id: 'overview',
    path: '/overview',
    label: 'Overview',
    group: 'operations',
    available: true,
    summary:
      'Security score with its inputs, 7-day alert trends, open incidents and SLA breaches, top rules and entities, ingest health.',
    requiresSignIn: true,
  },
  {
    id: 'search',
    path: '/search',
    label: 'Search',
    group: 'operations',
    available: true,
    summary: 'Query stored events across data spaces and time ranges.',
    requiresSignIn: true,
  },
  {
    id: 'detection',
    path: '/detection',
    label: 'Detection',
    group: 'operations',
    available: true,
    summary: 'Sigma rules, filters and correlations: write, test against stored events, and enable.',
    requiresSignIn: true,
  },
  {
    id: 'alerts',
    path: '/alerts',
    label: 'Alerts',
    group: 'operations',
    available: true,
    summary: 'Alerts raised by detection rules, with deduplication, suppression and exceptions.',
    requiresSignIn: true,
  },
  {
    id: 'incidents',
    path: '/incidents',
    label: 'Incidents',
    group: 'operations',
    available: true,
    summary: 'Incidents grouping related alerts, with their timeline, SLA and assignment.',
    requiresSignIn: true,
  },
  {
    id: 'assets',
    path: '/assets',
    label: 'Assets & exposure',
    group: 'operations',
    available: false,
    summary: 'Known hosts, users and services, and what each one exposes.',
  },
  {
    id: 'compliance',
    path: '/compliance',
    label: 'Compliance',
    group: 'operations',
    available: false,
    summary: 'Control mappings and reports built from detections, audit records and retention.',
  },
  {
    id: 'threat-intel',
    path: '/threat-intel',
    label: 'Threat intel',
    group: 'operations',
    available: false,
    summary: 'Indicator feeds and ATT&CK coverage used to enrich and prioritise events.',
  },
  {
    id: 'playbooks',
    path: '/playbooks',
    label: 'Playbooks',
    group: 'operations',
    available: false,
    summary: 'Automated responses with approvals, versions and a ledger of every run.',
  },
  {
    id: 'data-sources',
    path: '/data-sources',
    label: 'Data sources',
    group: 'platform',
    available: true,
    summary: 'Syslog, HTTP, HEC, OTLP and file sources with their ingest tokens and counters.',
    requiresSignIn: true,
  },
  {
    id: 'settings',
    path: '/settings',
    label: 'Settings',
    group: 'platform',
    available: true,
    summary: 'Users and roles, API keys and ingest tokens, and operator access of the workspace.',
    requiresSignIn: true,
  },
  {
    id: 'audit',
    path: '/audit',
    label: 'Audit log',
    group: 'platform',
    available: true,
    summary: 'The append-only, hash-chained record of every management action and login.',
    requiresSignIn: true,
  },
  {
    id: 'status',
    path: '/status',
    label: 'Status',
    group: 'platform',
    available: true,
    summary: 'Server health, readiness checks and version.',
  },
  {
    id: 'account',
    path: '/account',
    label: 'Account',
    group: 'platform',
    available: true,
    summary: 'Your profile, password and two-factor authentication.',
    requiresSignIn: true,
    inNav: false,
  },
  {
    id: 'privacy',
    path: '/privacy',
    label: 'Privacy',
    group: 'platform',
    available: true,
    summary: 'The privacy statement: what personal data Vigil keeps, why, for how long, and where.',
  },
  {
    id: 'entities',
    path: '/entities',
    label: 'Entity',
    group: 'operations',
    available: true,
    summary: 'A host, user or IP: related alerts and incidents, recent events, first and last seen.',
    requiresSignIn: true,
    inNav: false,
  },
];

/** The area shown at `/`. */
export const DEFAULT_AREA_ID = 'status';
