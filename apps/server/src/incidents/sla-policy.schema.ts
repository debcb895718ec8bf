import { Type, type Static } from '@sinclair/typebox';
import { MAX_SLA_MINUTES, severities } from '@vigil/cases';

const minutes = Type.Integer({ minimum: 1, maximum: MAX_SLA_MINUTES });
const SlaTarget = Type.Object(
  { acknowledgeMinutes: minutes, resolveMinutes: minutes },
  { additionalProperties: false },
);
const targets = Type.Object(Object.fromEntries(severities.map((s) => [s, Type.Optional(SlaTarget)])), {
  additionalProperties: false,
});

export const SlaPolicyParams = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });

export const SlaPolicyBody = Type.Object(
  {
    /** Severity → targets in minutes from incident creation; a severity left out has no SLA. */
    targets,
    /** The version read (0 = never saved); a stale one is refused with 409. */
    version: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type SlaPolicyBody = Static<typeof SlaPolicyBody>;

export const SlaPolicyReply = Type.Object({
  targets,
  isDefault: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.Optional(Type.Integer()),
  updatedBy: Type.Optional(Type.String()),
});
