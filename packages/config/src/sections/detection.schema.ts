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
    matchThreads: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 64,
        env: 'VIGIL_DETECTION_MATCH_THREADS',
        description:
          'Worker threads that compile the Sigma rules and match ingested events (0 = both on the main thread). Unset: available cores - 1, at least 1.',
      }),
    ),
  },
  { additionalProperties: false },
);
