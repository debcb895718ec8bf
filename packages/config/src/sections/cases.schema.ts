import { Type } from '@sinclair/typebox';

/** The `cases.*` settings: alerts and incidents (annotations as described in config.schema.ts). */
export const CasesSection = Type.Object(
  {
    attachmentMaxBytes: Type.Integer({
      minimum: 1024,
      maximum: 104_857_600,
      default: 10_485_760,
      env: 'VIGIL_CASES_ATTACHMENT_MAX_BYTES',
      description:
        'Largest incident/alert attachment accepted, in bytes; bigger uploads get 413. Stored encrypted in the database.',
    }),
  },
  { additionalProperties: false },
);
