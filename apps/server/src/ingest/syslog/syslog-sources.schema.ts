import { Type } from '@sinclair/typebox';

export const WorkspaceParams = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
export const SourceParams = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  sourceId: Type.String({ minLength: 1, maxLength: 64 }),
});

export const CreateSyslogSourceBody = Type.Object(
  {
    /** Becomes the source label `syslog-tls:<name>`: kept short and label-safe. */
    name: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' }),
    dataSpace: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** SHA-256 of the sender's client certificate (hex, colons optional). */
    certificateSha256: Type.Optional(
      Type.String({ pattern: '^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$|^[0-9A-Fa-f]{64}$' }),
    ),
    /** A CA certificate (PEM): every client certificate it issued authenticates as this source. */
    caCertificate: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
  },
  { additionalProperties: false },
);

export const SyslogSourceView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  dataSpace: Type.String(),
  match: Type.Union([Type.Literal('certificate'), Type.Literal('issuer')]),
  fingerprint: Type.String(),
  subject: Type.Optional(Type.String()),
  source: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
});
