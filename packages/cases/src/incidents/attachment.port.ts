import type { Attachment, AttachmentParent } from './attachment.ts';

/**
 * Attachments, scoped by workspace. `content` is opaque to the store (the server seals it before and
 * opens it after); lists never read it.
 */
export interface AttachmentRepository {
  /** ATTACHMENT_EXISTS (409) when the id is taken in the workspace. */
  add(attachment: Attachment, content: string): Promise<void>;
  /** The parent's attachments, oldest first (then by id). */
  list(workspace: string, parentKind: AttachmentParent, parentId: string): Promise<Attachment[]>;
  get(workspace: string, id: string): Promise<Attachment | undefined>;
  /** The stored (sealed) content, or undefined when there is no such attachment. */
  content(workspace: string, id: string): Promise<string | undefined>;
  /**
   * Master-key rotation: passes every stored content (all workspaces) through `rewrap` and stores the
   * result where it changed; returns how many changed.
   */
  rewrapContents(rewrap: (sealed: string) => string): Promise<number>;
  /**
   * Account erasure: sets `createdBy` to `to` on the workspace's attachments created by `from`;
   * returns how many changed. Content and the other metadata stay as they are.
   */
  reassignCreator(workspace: string, from: string, to: string): Promise<number>;
  /** False when it did not exist. */
  delete(workspace: string, id: string): Promise<boolean>;
}
