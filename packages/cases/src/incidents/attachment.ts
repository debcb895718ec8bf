/** What an attachment hangs off. */
export const attachmentParents = ['incident', 'alert'] as const;
export type AttachmentParent = (typeof attachmentParents)[number];

/**
 * A file attached to an incident or alert (evidence: screenshots, pcaps, exports). The content lives
 * beside this metadata, sealed (encrypted) by the server; `sha256` is of the plaintext, for chain of custody.
 */
export interface Attachment {
  id: string;
  workspace: string;
  parentKind: AttachmentParent;
  parentId: string;
  /** File name as uploaded (no path), shown in lists and sent in Content-Disposition. */
  name: string;
  /** The type Vigil determined from the content (see sniffAttachmentType), never text/html. */
  contentType: string;
  /** Type the uploader declared, when it differs in spelling but is compatible (e.g. a .docx zip). */
  declaredType?: string;
  /** Plaintext bytes. */
  size: number;
  /** Hex SHA-256 of the plaintext. */
  sha256: string;
  createdAt: number;
  createdBy: string;
}
