// The attachment routes of an incident or alert: list, upload (raw body, `?name=`), download link, delete.
import { apiJson } from '../api/api-client.ts';
import { ApiError, errorFromResponse } from '../api/api-error.ts';
import { csrfToken } from '../api/csrf-token.ts';
import { parseAttachment, parseAttachments, type AttachmentView } from './parse-attachment.ts';

/** What the attachments hang off: the API path segment and the id. */
export interface AttachmentOwner {
  readonly kind: 'incidents' | 'alerts';
  readonly id: string;
}

const base = (workspaceId: string, owner: AttachmentOwner) =>
  `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/${owner.kind}/${encodeURIComponent(owner.id)}/attachments`;

export async function listAttachments(
  workspaceId: string,
  owner: AttachmentOwner,
  signal: AbortSignal,
): Promise<AttachmentView[]> {
  return parseAttachments(await apiJson('GET', base(workspaceId, owner), undefined, { signal }));
}

/** Where the browser downloads an attachment (served as a file, never shown inline). */
export const attachmentContentUrl = (workspaceId: string, owner: AttachmentOwner, attachmentId: string) =>
  `${base(workspaceId, owner)}/${encodeURIComponent(attachmentId)}/content`;

/** Sends the file as the raw body; the server sniffs its type and may refuse it (415/413) with a reason. */
export async function uploadAttachment(
  workspaceId: string,
  owner: AttachmentOwner,
  file: File,
): Promise<AttachmentView | undefined> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': file.type === '' ? 'application/octet-stream' : file.type,
  };
  const token = csrfToken();
  if (token !== undefined) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(`${base(workspaceId, owner)}?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
      signal: AbortSignal.timeout(120_000),
    });
  } catch {
    throw new ApiError('UNREACHABLE', 'The server could not be reached. Try again in a moment.', 0);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw errorFromResponse(response.status, body);
  return parseAttachment(body);
}

export const deleteAttachment = (workspaceId: string, owner: AttachmentOwner, attachmentId: string) =>
  apiJson('DELETE', `${base(workspaceId, owner)}/${encodeURIComponent(attachmentId)}`);
