import { Type } from '@sinclair/typebox';
import { attachmentParents } from '@vigil/cases';

const id = Type.String({ minLength: 1, maxLength: 200 });
const workspaceId = Type.String({ minLength: 1, maxLength: 64 });

/** Path parameters of a parent's attachment list (`incidentId` or `alertId`). */
export const attachmentListParams = (param: 'incidentId' | 'alertId') =>
  Type.Object({ workspaceId, [param]: id });

/** Path parameters of one attachment. */
export const attachmentParams = (param: 'incidentId' | 'alertId') =>
  Type.Object({ workspaceId, [param]: id, attachmentId: id });

export const AttachmentUploadQuery = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255, description: 'File name (no path)' }),
    type: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Declared media type; defaults to the Content-Type header. Checked against the content.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const AttachmentView = Type.Object(
  {
    id: Type.String(),
    workspace: Type.String(),
    parentKind: Type.Union(attachmentParents.map((p) => Type.Literal(p))),
    parentId: Type.String(),
    name: Type.String(),
    contentType: Type.String(),
    declaredType: Type.Optional(Type.String()),
    size: Type.Integer(),
    sha256: Type.String(),
    createdAt: Type.Number(),
    createdBy: Type.String(),
  },
  { additionalProperties: false },
);

export const AttachmentListReply = Type.Object({ attachments: Type.Array(AttachmentView) });
