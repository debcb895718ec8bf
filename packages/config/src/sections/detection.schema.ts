import { Type } from '@sinclair/typebox';

/** The `detection.*` settings: streaming Sigma evaluation on the ingest path. */
export const DetectionSection = Type.Object(
  {
    latenessSeconds: Type.Integer({
      minimum: 0,
      maximum: 86_400,
      default: 60,
      env: 'VIGIL_DETECTION_LATENESS_SECONDS',
      description:
        'How far behind the newest event time an event may arrive and still count in correlation windows; later ones are dropped and counted.',
    }),
    maxGroupsPerRule: Type.Integer({
      minimum: 1,
      maximum: 10_000_000,
      default: 100_000,
      env: 'VIGIL_DETECTION_MAX_GROUPS_PER_RULE',
      description:
        'Correlation state bound: open group-by groups per correlation rule; the oldest are evicted and counted.',
    }),
  },
  { additionalProperties: false },
);
