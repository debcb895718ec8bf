import { personalDataInventory, type PersonalDataCategory } from './personal-data-inventory.ts';

/** What an operator configures for the privacy statement (see `privacy.*` in the configuration). */
export interface PrivacySettings {
  controllerName: string;
  contact?: string | undefined;
  storageLocation: string;
  /** Days after which disabled accounts are anonymised. */
  retentionDays: number;
}

export interface PrivacyStatement {
  controller: { name: string; contact: string | null };
  storageLocation: string;
  dataTypes: { category: PersonalDataCategory; items: string[]; purposes: string[]; retention: string[] }[];
  retention: { personalDataDays: number; locations: { id: string; retention: string }[] };
  rights: string[];
  profiling: string;
}

const CATEGORY_ORDER: readonly PersonalDataCategory[] = [
  'identity',
  'contact',
  'credentials',
  'network',
  'activity',
  'monitored_subjects',
  'profiling',
];

/**
 * The public privacy statement, built from the declared inventory and the operator's settings.
 * Example: `buildPrivacyStatement({ controllerName: 'ACME', storageLocation: 'EU', retentionDays: 90 }).controller.name` → `'ACME'`.
 */
export function buildPrivacyStatement(settings: PrivacySettings): PrivacyStatement {
  const inventory = personalDataInventory(settings.retentionDays);
  const dataTypes = CATEGORY_ORDER.flatMap((category) => {
    const locations = inventory.filter((l) => l.category === category);
    if (locations.length === 0) return [];
    return [
      {
        category,
        items: locations.flatMap((l) => l.fields.map((f) => `${l.id}.${f}`)),
        purposes: [...new Set(locations.map((l) => l.purpose))],
        retention: [...new Set(locations.map((l) => l.retention))],
      },
    ];
  });
  return {
    controller: { name: settings.controllerName, contact: settings.contact ?? null },
    storageLocation: settings.storageLocation,
    dataTypes,
    retention: {
      personalDataDays: settings.retentionDays,
      locations: inventory.map((l) => ({ id: l.id, retention: l.retention })),
    },
    rights: [
      'View your personal data (GET /api/v1/me/personal-data, the account page)',
      'Export it as JSON (GET /api/v1/me/personal-data/export)',
      'Correct your display name and email (PATCH /api/v1/me)',
      'Delete your account (POST /api/v1/me/delete): credentials, sessions and grants are removed and the account is anonymised; audit records keep the user id (legal obligation, integrity of the hash chain)',
    ],
    profiling:
      'Behaviour analytics (profiling of people) stays off until a workspace administrator records an acknowledgement of the profiling notice.',
  };
}
