import { Type } from '@sinclair/typebox';
import { relationshipKinds, relationshipTypes } from '@vigil/cases';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const workspaceId = Type.String({ minLength: 1, maxLength: 64 });
const id = Type.String({ minLength: 1, maxLength: 200 });

export const SubjectParams = Type.Object({ workspaceId, subjectId: id });
export const LinkParams = Type.Object({ workspaceId, subjectId: id, relationshipId: id });

export const RelationshipBody = Type.Object(
  {
    kind: Type.String({ maxLength: 32, description: relationshipKinds.join(' | ') }),
    type: Type.String({ maxLength: 32, description: relationshipTypes.join(' | ') }),
    value: Type.String({ minLength: 1, maxLength: 2000 }),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const RelationshipView = Type.Object({
  id: Type.String(),
  kind: literals(relationshipKinds),
  type: literals(relationshipTypes),
  value: Type.String(),
  note: Type.Optional(Type.String()),
  addedAt: Type.Number(),
  addedBy: Type.String(),
});

export const RelationshipsReply = Type.Object({
  relationships: Type.Array(RelationshipView),
  /** From the entities of the alert(s); not yet linked. */
  suggestions: Type.Array(
    Type.Object({
      kind: literals(relationshipKinds),
      type: literals(relationshipTypes),
      value: Type.String(),
      reason: Type.String(),
    }),
  ),
});
