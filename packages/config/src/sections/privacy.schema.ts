import { Type } from '@sinclair/typebox';

/** The `privacy.*` settings (annotations as described in config.schema.ts). */
export const PrivacySection = Type.Object(
  {
    controllerName: Type.String({
      minLength: 1,
      maxLength: 200,
      default: 'The operator of this Vigil installation',
      env: 'VIGIL_PRIVACY_CONTROLLER',
      description: 'Who is responsible for the personal data Vigil keeps (privacy statement).',
    }),
    contact: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        env: 'VIGIL_PRIVACY_CONTACT',
        description:
          'Privacy contact shown in the privacy statement (e.g. the data protection officer’s email).',
      }),
    ),
    storageLocation: Type.String({
      minLength: 1,
      maxLength: 200,
      default: 'On the servers of this installation (its data directory or PostgreSQL database)',
      env: 'VIGIL_PRIVACY_STORAGE_LOCATION',
      description:
        'Where personal data is stored, as stated in the privacy statement (e.g. a country or region).',
    }),
    retentionDays: Type.Integer({
      minimum: 1,
      maximum: 36_500,
      default: 365,
      env: 'VIGIL_PRIVACY_RETENTION_DAYS',
      description:
        'Disabled accounts unchanged for this many days are anonymised by the personal-data retention job.',
    }),
  },
  { additionalProperties: false },
);
