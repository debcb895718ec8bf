/** Why Vigil may process an item of personal data (GDPR art. 6(1) bases that apply to a SIEM). */
export type LegalBasis = 'contract' | 'legal_obligation' | 'legitimate_interest' | 'consent';

/** Broad kind of personal data, as listed in the privacy statement. */
export type PersonalDataCategory =
  'identity' | 'contact' | 'credentials' | 'network' | 'activity' | 'monitored_subjects' | 'profiling';

/** One place where Vigil keeps personal data, declared so it can be shown, exported and deleted. */
export interface PersonalDataLocation {
  /** Stable id, e.g. `sessions`. */
  id: string;
  /** Store or table holding it. */
  store: string;
  /** The personal fields (names as stored). */
  fields: readonly string[];
  category: PersonalDataCategory;
  /** Whose data: the account holder, or the people appearing in monitored logs. */
  subject: 'account_holder' | 'monitored_person';
  purpose: string;
  legalBasis: LegalBasis;
  /** How long it is kept; `{retentionDays}` is replaced by the configured personal-data retention. */
  retention: string;
  /** How the data subject's rights apply: exported by the self-service export, anonymised on deletion… */
  rights: string;
}

/**
 * The declared inventory of personal data in Vigil (DESIGN §7 privacy). A test checks that every
 * account-holder location is covered by the self-service export.
 * Example: `PERSONAL_DATA_INVENTORY.find((l) => l.id === 'sessions')?.fields` → `['userId', 'clientIp', …]`.
 */
export const PERSONAL_DATA_INVENTORY: readonly PersonalDataLocation[] = Object.freeze([
  {
    id: 'accounts',
    store: 'users',
    fields: ['id', 'username', 'displayName', 'email', 'createdAt', 'updatedAt'],
    category: 'identity',
    subject: 'account_holder',
    purpose: 'Sign-in, attributing actions to a person, showing who did what in the console',
    legalBasis: 'contract',
    retention:
      'While the account exists; deleted accounts are anonymised at once, disabled accounts after {retentionDays} days',
    rights:
      'Viewed and exported by the account holder; display name and email correctable; deletion anonymises',
  },
  {
    id: 'credentials',
    store: 'users.passwordHash, mfa (sealed TOTP seed, hashed recovery codes)',
    fields: ['passwordHash', 'sealedSecret', 'recoveryCodes'],
    category: 'credentials',
    subject: 'account_holder',
    purpose: 'Authentication',
    legalBasis: 'contract',
    retention: 'While the account exists; removed when the account is deleted or anonymised',
    rights: 'Never exported (secrets); the export shows only whether MFA is on',
  },
  {
    id: 'role_grants',
    store: 'role_grants',
    fields: ['principalId', 'roleId', 'workspaceId', 'grantedBy', 'grantedAt'],
    category: 'identity',
    subject: 'account_holder',
    purpose: 'Authorisation (least privilege per workspace)',
    legalBasis: 'contract',
    retention: 'Until revoked; all grants are removed when the account is deleted',
    rights: 'Viewed and exported; removed on deletion',
  },
  {
    id: 'group_memberships',
    store: 'user_group_members',
    fields: ['userId', 'workspaceId', 'groupId', 'addedBy', 'addedAt'],
    category: 'identity',
    subject: 'account_holder',
    purpose: 'Authorisation through groups (their roles apply to members)',
    legalBasis: 'contract',
    retention: 'Until removed from the group; all memberships are removed when the account is deleted',
    rights: 'Exported by the account holder; removed on deletion',
  },
  {
    id: 'login_throttle',
    store: 'login_throttle',
    fields: ['accountName', 'clientAddressBucket', 'failures', 'lockedUntil'],
    category: 'network',
    subject: 'account_holder',
    purpose: 'Stopping password guessing (lockout and rate limit on failed sign-ins)',
    legalBasis: 'legitimate_interest',
    retention: 'At most one day after the last failure; expired counters are purged hourly',
    rights: 'Not exported (security counters keyed by name and address, not by account); expire on their own',
  },
  {
    id: 'sessions',
    store: 'sessions',
    fields: ['userId', 'clientIp', 'userAgent', 'authenticatedAt', 'lastSeenAt', 'expiresAt'],
    category: 'network',
    subject: 'account_holder',
    purpose: 'Keeping a signed-in session; showing the user where they are signed in',
    legalBasis: 'contract',
    retention:
      'Until sign-out or the idle/absolute timeout; expired sessions are purged by the retention job',
    rights: 'Metadata viewed and exported (never the session id); all ended on deletion',
  },
  {
    id: 'api_keys',
    store: 'machine_tokens',
    fields: ['createdBy', 'name', 'createdAt', 'lastUsedAt'],
    category: 'activity',
    subject: 'account_holder',
    purpose: 'Attributing machine access to the person who created the key',
    legalBasis: 'legitimate_interest',
    retention: 'Kept (revoked) for the audit trail; keys created by a deleted account are revoked',
    rights: 'Metadata exported (never the secret); revoked on deletion',
  },
  {
    id: 'case_records',
    store: 'alerts, incidents (activity timeline)',
    fields: ['owner', 'activity[].actor', 'timeline[].actor', 'comment text (note)', 'mentions (after)'],
    category: 'activity',
    subject: 'account_holder',
    purpose:
      'Case handling: who owns an alert or incident, who changed or commented on it, who was mentioned',
    legalBasis: 'legitimate_interest',
    retention: 'While the alert or incident exists (cases are evidence of the response)',
    rights:
      'Owned cases and the user’s own entries (comments included) exported; on deletion the user id and @name mentions are replaced by the pseudonym',
  },
  {
    id: 'case_attachments',
    store: 'case_attachments',
    fields: ['createdBy', 'name', 'createdAt', 'content'],
    category: 'activity',
    subject: 'account_holder',
    purpose: 'Evidence attached to alerts and incidents, attributed to the person who uploaded it',
    legalBasis: 'legitimate_interest',
    retention: 'While the alert or incident exists, or until the attachment is removed',
    rights:
      'Metadata of the user’s uploads exported (not the content, which is case evidence that may concern others); on deletion createdBy becomes the pseudonym',
  },
  {
    id: 'audit_records',
    store: 'audit_log (append-only, hash-chained)',
    fields: ['user_id', 'client_ip', 'client_id', 'time', 'event_type', 'resource'],
    category: 'activity',
    subject: 'account_holder',
    purpose: 'Security accountability of management actions and sign-ins (DESIGN §7)',
    legalBasis: 'legal_obligation',
    retention:
      'For the life of the installation: not deleted on account deletion, because the hash chain proves integrity and the records are evidence',
    rights:
      'Records about the user are exported; they keep the user id, which after deletion points to a pseudonymous account',
  },
  {
    id: 'profiling_acknowledgements',
    store: 'metadata (privacy-profiling-ack)',
    fields: ['acknowledgedBy', 'acknowledgedAt', 'textVersion'],
    category: 'activity',
    subject: 'account_holder',
    purpose: 'Proof that a workspace acknowledged the profiling notice before enabling behaviour analytics',
    legalBasis: 'legal_obligation',
    retention: 'While the workspace exists',
    rights: 'Part of the workspace record; the acknowledging user id is kept (pseudonymous after deletion)',
  },
  {
    id: 'events',
    store: 'event store (per workspace and data space)',
    fields: ['user.name', 'user.id', 'user.email', 'source.ip', 'client.ip', 'host.name', 'message', 'raw.*'],
    category: 'monitored_subjects',
    subject: 'monitored_person',
    purpose: 'Security monitoring, detection and incident investigation for the tenant',
    legalBasis: 'legitimate_interest',
    retention: 'Per data space, set by the workspace (events older than the retention are dropped daily)',
    rights:
      'The tenant (workspace owner) is controller of this data and answers its data subjects; a privacy manager can pseudonymise one person’s identifiers in a time range (POST …/privacy/event-pseudonymisation)',
  },
  {
    id: 'behaviour_analytics',
    store: 'UEBA baselines (future)',
    fields: ['user.name', 'baseline features'],
    category: 'profiling',
    subject: 'monitored_person',
    purpose: 'Detecting anomalous behaviour of people (profiling)',
    legalBasis: 'consent',
    retention: 'Not collected until the workspace acknowledged the profiling notice',
    rights: 'Enabled only after a recorded acknowledgement (assertProfilingAcknowledged)',
  },
]);

/** The inventory with the configured retention filled in. */
export function personalDataInventory(retentionDays: number): PersonalDataLocation[] {
  return PERSONAL_DATA_INVENTORY.map((l) => ({
    ...l,
    retention: l.retention.replaceAll('{retentionDays}', String(retentionDays)),
  }));
}
