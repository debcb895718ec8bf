// Reads the privacy answers of the server (`GET /api/v1/privacy`, `GET /api/v1/me/personal-data`). Pure, so
// they are unit-tested without a browser; anything malformed becomes an empty value rather than a crash.

export interface PrivacyStatement {
  readonly controllerName: string;
  readonly contact: string | undefined;
  readonly storageLocation: string;
  readonly retentionDays: number | undefined;
  readonly dataTypes: readonly {
    readonly category: string;
    readonly items: readonly string[];
    readonly purposes: readonly string[];
    readonly retention: readonly string[];
  }[];
  readonly rights: readonly string[];
  readonly profiling: string | undefined;
}

export interface PersonalDataSummary {
  readonly username: string;
  readonly displayName: string | undefined;
  readonly email: string | undefined;
  readonly signInMethod: string;
  readonly grants: readonly string[];
  readonly sessions: readonly {
    readonly current: boolean;
    readonly clientIp: string;
    readonly userAgent: string;
    readonly lastSeenAt: string;
  }[];
  readonly mfaEnabled: boolean;
  readonly apiKeys: readonly string[];
  readonly auditRecords: number;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
const strings = (v: unknown): string[] => list(v).flatMap((s) => (typeof s === 'string' ? [s] : []));

export function parsePrivacyStatement(body: unknown): PrivacyStatement {
  const root = obj(body);
  const controller = obj(root['controller']);
  const days = obj(root['retention'])['personalDataDays'];
  return {
    controllerName: str(controller['name']) ?? 'Not configured',
    contact: str(controller['contact']),
    storageLocation: str(root['storageLocation']) ?? 'Not configured',
    retentionDays: typeof days === 'number' ? days : undefined,
    dataTypes: list(root['dataTypes']).map((d) => {
      const t = obj(d);
      return {
        category: str(t['category']) ?? 'other',
        items: strings(t['items']),
        purposes: strings(t['purposes']),
        retention: strings(t['retention']),
      };
    }),
    rights: strings(root['rights']),
    profiling: str(root['profiling']),
  };
}

export function parsePersonalData(body: unknown): PersonalDataSummary {
  const root = obj(body);
  const account = obj(root['account']);
  return {
    username: str(account['username']) ?? '',
    displayName: str(account['displayName']),
    email: str(account['email']),
    signInMethod: str(account['signInMethod']) ?? 'password',
    grants: list(root['grants']).map(
      (g) => `${str(obj(g)['roleId']) ?? '?'} in ${str(obj(g)['workspaceId']) ?? '?'}`,
    ),
    sessions: list(root['sessions']).map((s) => {
      const x = obj(s);
      return {
        current: x['current'] === true,
        clientIp: str(x['clientIp']) ?? 'unknown',
        userAgent: str(x['userAgent']) ?? 'unknown',
        lastSeenAt: str(x['lastSeenAt']) ?? '',
      };
    }),
    mfaEnabled: obj(root['mfa'])['enabled'] === true,
    apiKeys: list(root['apiKeys']).flatMap((k) => {
      const name = str(obj(k)['name']);
      return name === undefined ? [] : [name];
    }),
    auditRecords:
      typeof obj(root['audit'])['total'] === 'number' ? (obj(root['audit'])['total'] as number) : 0,
  };
}

/** Human label of an inventory category. */
export function categoryLabel(category: string): string {
  const labels: Record<string, string> = {
    identity: 'Account identity',
    contact: 'Contact details',
    credentials: 'Credentials',
    network: 'Network and device',
    activity: 'Activity records',
    monitored_subjects: 'People in monitored logs',
    profiling: 'Behaviour profiling',
  };
  return labels[category] ?? category;
}
