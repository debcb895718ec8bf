import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { useLoad } from '../admin/use-load.ts';
import { DetailSection } from '../alerts/detail-section.tsx';
import { EpochTime } from '../alerts/epoch-time.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { relationshipKinds, relationshipTypes } from './parse-relationships.ts';
import {
  addRelationship,
  listRelationships,
  removeRelationship,
  type RelationshipOwner,
} from './relationships-api.ts';

const label = (s: string) => s.replaceAll('_', ' ');

function AddForm({
  onAdd,
  busy,
}: {
  readonly onAdd: (l: { kind: string; type: string; value: string; note?: string }) => void;
  readonly busy: boolean;
}) {
  const id = useId();
  const [kind, setKind] = useState<string>('indicator');
  const [type, setType] = useState<string>('ip');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAdd({ kind, type, value: value.trim(), ...(note.trim() === '' ? {} : { note: note.trim() }) });
    setValue('');
    setNote('');
  };
  return (
    <form aria-label="Link an indicator or asset" onSubmit={submit} className="inline-form">
      <label htmlFor={`${id}-kind`}>Kind</label>{' '}
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
        {relationshipKinds.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>{' '}
      <label htmlFor={`${id}-type`}>Type</label>{' '}
      <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)}>
        {relationshipTypes.map((t) => (
          <option key={t} value={t}>
            {label(t)}
          </option>
        ))}
      </select>{' '}
      <label htmlFor={`${id}-value`}>Value</label>{' '}
      <input id={`${id}-value`} value={value} maxLength={2000} onChange={(e) => setValue(e.target.value)} />{' '}
      <label htmlFor={`${id}-note`}>Note</label>{' '}
      <input id={`${id}-note`} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />{' '}
      <button type="submit" className="button" disabled={busy || value.trim() === ''}>
        Link
      </button>
    </form>
  );
}

/**
 * Indicators (addresses, domains, digests…) and assets (hosts, accounts, cloud resources) this case is
 * about, with links suggested from its alerts' entities. Later these resolve to the asset inventory and
 * the intel stores.
 */
export function RelationshipsSection({
  workspaceId,
  owner,
  canWrite,
  onChanged,
}: {
  readonly workspaceId: string;
  readonly owner: RelationshipOwner;
  readonly canWrite: boolean;
  /** After a change: the owner's timeline has a new entry. */
  readonly onChanged: () => void;
}) {
  const { state, reload } = useLoad(`relationships:${owner.kind}:${owner.id}`, (signal) =>
    listRelationships(workspaceId, owner, signal),
  );
  const { busy, error, run } = useAction();
  const change = (action: () => Promise<unknown>) =>
    void run(action).then((ok) => {
      if (!ok) return;
      reload();
      onChanged();
    });
  return (
    <DetailSection title="Indicators and assets">
      {state.status === 'loading' && <p role="status">Loading the links…</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      <ErrorBanner error={error} />
      {state.status === 'ready' && (
        <>
          {state.data.relationships.length === 0 ? (
            <p className="muted">Nothing linked yet.</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">Linked indicators and assets</caption>
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col">Type</th>
                    <th scope="col">Value</th>
                    <th scope="col">Note</th>
                    <th scope="col">Added</th>
                    {canWrite && <th scope="col">Actions</th>}
                  </tr>
                </thead>
                <tbody>
                  {state.data.relationships.map((r) => (
                    <tr key={r.id} data-relationship={`${r.kind}:${r.type}:${r.value}`}>
                      <td>{r.kind}</td>
                      <td>{label(r.type)}</td>
                      <td className="break-all">
                        <code>{r.value}</code>
                      </td>
                      <td>{r.note ?? ''}</td>
                      <td>
                        <EpochTime ms={r.addedAt} /> by {r.addedBy}
                      </td>
                      {canWrite && (
                        <td>
                          <button
                            type="button"
                            className="button"
                            disabled={busy}
                            aria-label={`Remove ${r.type} ${r.value}`}
                            onClick={() => change(() => removeRelationship(workspaceId, owner, r.id))}
                          >
                            Remove
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {state.data.suggestions.length > 0 && (
            <>
              <h3>Suggested from the alerts</h3>
              <ul className="plain-list" aria-label="Suggested links">
                {state.data.suggestions.map((s) => (
                  <li
                    key={`${s.kind}:${s.type}:${s.value}`}
                    data-suggestion={`${s.kind}:${s.type}:${s.value}`}
                  >
                    {s.kind} {label(s.type)} <code>{s.value}</code>{' '}
                    <span className="muted">({s.reason})</span>{' '}
                    {canWrite && (
                      <button
                        type="button"
                        className="button"
                        disabled={busy}
                        aria-label={`Link ${s.kind} ${s.type} ${s.value}`}
                        onClick={() =>
                          change(() =>
                            addRelationship(workspaceId, owner, {
                              kind: s.kind,
                              type: s.type,
                              value: s.value,
                            }),
                          )
                        }
                      >
                        Link
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {canWrite && (
            <AddForm busy={busy} onAdd={(l) => change(() => addRelationship(workspaceId, owner, l))} />
          )}
        </>
      )}
    </DetailSection>
  );
}
