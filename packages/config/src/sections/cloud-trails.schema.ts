import { Type } from '@sinclair/typebox';

/**
 * The `cloudTrails.*` settings: a directory polled for AWS CloudTrail and Huawei Cloud CTS trace files
 * (annotations as described in config.schema.ts).
 */
export const CloudTrailsSection = Type.Object(
  {
    enabled: Type.Boolean({
      default: false,
      env: 'VIGIL_CLOUD_TRAILS_ENABLED',
      description: 'Poll cloudTrails.directory for CloudTrail/CTS trace files (.json, .json.gz).',
    }),
    directory: Type.Optional(
      Type.String({
        minLength: 1,
        env: 'VIGIL_CLOUD_TRAILS_DIR',
        description:
          'Directory (searched recursively) where trace files are delivered, e.g. an S3/OBS sync target. Write files atomically (rename into place).',
      }),
    ),
    pollIntervalMs: Type.Integer({
      minimum: 1000,
      maximum: 86_400_000,
      default: 60_000,
      env: 'VIGIL_CLOUD_TRAILS_POLL_MS',
      description: 'How often the directory is scanned for new files.',
    }),
    maxFileBytes: Type.Integer({
      minimum: 1024,
      maximum: 1_073_741_824,
      default: 104_857_600,
      env: 'VIGIL_CLOUD_TRAILS_MAX_FILE_BYTES',
      description: 'Larger files (after decompression) are skipped and counted as failed.',
    }),
    workspace: Type.String({
      minLength: 1,
      default: 'default',
      env: 'VIGIL_CLOUD_TRAILS_WORKSPACE',
      description: 'Workspace that receives the trace events.',
    }),
    dataSpace: Type.String({
      minLength: 1,
      default: 'default',
      env: 'VIGIL_CLOUD_TRAILS_DATA_SPACE',
      description: 'Data space that receives the trace events.',
    }),
  },
  { additionalProperties: false },
);
