import { useId, useRef, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { useLoad } from '../admin/use-load.ts';
import { DetailSection } from '../alerts/detail-section.tsx';
import { EpochTime } from '../alerts/epoch-time.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import {
  type AttachmentOwner,
  attachmentContentUrl,
  deleteAttachment,
  listAttachments,
  uploadAttachment,
} from './attachments-api.ts';
import { formatBytes } from './parse-attachment.ts';

/**
 * The attachments of an incident or alert: download links (always saved as files), and for writers an upload form
 * and remove buttons. Adding or removing one also lands on the timeline, so `onChanged` reloads it.
 */
export function AttachmentsSection({
  workspaceId,
  owner,
  canWrite,
  onChanged,
}: {
  readonly workspaceId: string;
  readonly owner: AttachmentOwner;
  readonly canWrite: boolean;
  readonly onChanged: () => void;
}) {
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const { state, reload } = useLoad(`attachments:${owner.kind}:${owner.id}`, (signal) =>
    listAttachments(workspaceId, owner, signal),
  );
  const { busy, error, run } = useAction();
  const changed = () => {
    reload();
    onChanged();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file === null) return;
    void run(() => uploadAttachment(workspaceId, owner, file)).then((ok) => {
      if (!ok) return;
      setFile(null);
      if (input.current) input.current.value = '';
      changed();
    });
  };
  return (
    <DetailSection title="Attachments">
      {state.status === 'loading' && <p role="status">Loading the attachments…</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' &&
        (state.data.length === 0 ? (
          <p>No attachments yet.</p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">Attachments</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Type</th>
                <th scope="col">Size</th>
                <th scope="col">Added</th>
                <th scope="col">SHA-256</th>
                {canWrite && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {state.data.map((a) => (
                <tr key={a.id} data-attachment={a.name}>
                  <td>
                    <a href={attachmentContentUrl(workspaceId, owner, a.id)} download={a.name}>
                      {a.name}
                    </a>
                  </td>
                  <td>{a.contentType}</td>
                  <td>{formatBytes(a.size)}</td>
                  <td>
                    <EpochTime ms={a.createdAt} /> by {a.createdBy}
                  </td>
                  <td>
                    <code title={a.sha256}>{a.sha256.slice(0, 16)}…</code>
                  </td>
                  {canWrite && (
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        disabled={busy}
                        onClick={() =>
                          void run(() => deleteAttachment(workspaceId, owner, a.id)).then(
                            (ok) => ok && changed(),
                          )
                        }
                      >
                        Remove<span className="visually-hidden"> {a.name}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {canWrite && (
        <form aria-label="Attach a file" onSubmit={submit}>
          <div className="field">
            <label htmlFor={fileId}>File to attach</label>
            <input
              id={fileId}
              ref={input}
              type="file"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <p className="muted">
              Screenshots, PDFs, pcaps, archives, text. Executables, scripts, HTML and SVG are refused; wrap
              samples in an encrypted archive. Files are stored encrypted.
            </p>
          </div>
          <ErrorBanner error={error} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy || file === null}>
              Attach file
            </button>
          </div>
        </form>
      )}
    </DetailSection>
  );
}
