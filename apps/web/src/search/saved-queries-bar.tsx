import { useId, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { redirectIfSignedOut } from '../auth/redirect-if-signed-out.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { createSavedQuery, deleteSavedQuery } from './saved-queries-api.ts';
import { useSavedQueries } from './use-saved-queries.ts';

/** Pick a saved query into the box, save the box's query under a name, or delete the one picked. */
export function SavedQueriesBar(props: {
  readonly workspaceId: string;
  readonly query: string;
  readonly onPick: (query: string) => void;
}) {
  const { items, error: loadError, reload } = useSavedQueries(props.workspaceId);
  const [picked, setPicked] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState('');
  const id = useId();

  if (loadError?.status === 403) return null;

  async function act(action: () => Promise<void>, done: string): Promise<boolean> {
    setError(null);
    setNote('');
    try {
      await action();
      setNote(done);
      reload();
      return true;
    } catch (e) {
      const err = asApiError(e);
      if (!redirectIfSignedOut(err)) setError(err);
      return false;
    }
  }

  const pick = (value: string) => {
    setPicked(value);
    const found = items?.find((q) => q.id === value);
    if (found) props.onPick(found.query);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    void act(() => createSavedQuery(props.workspaceId, trimmed, props.query), `Saved “${trimmed}”.`).then(
      (ok) => {
        if (ok) setName('');
      },
    );
  };
  const remove = () => {
    const found = items?.find((q) => q.id === picked);
    if (!found) return;
    setPicked('');
    void act(() => deleteSavedQuery(props.workspaceId, found.id), `Deleted “${found.name}”.`);
  };

  return (
    <section className="saved-queries" aria-label="Saved queries">
      <div className="field">
        <label htmlFor={`${id}-pick`}>Saved query</label>
        <select id={`${id}-pick`} value={picked} onChange={(e) => pick(e.target.value)}>
          <option value="">{items === undefined ? 'Loading…' : `Choose (${items.length} saved)`}</option>
          {items?.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button" disabled={picked === ''} onClick={remove}>
        Delete saved query
      </button>
      <form className="save-query-form" onSubmit={save}>
        <div className="field">
          <label htmlFor={`${id}-name`}>Save the query as</label>
          <input
            id={`${id}-name`}
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className="button">
          Save query
        </button>
      </form>
      <p className="saved-queries-note" role="status">
        {note}
      </p>
      <ErrorBanner error={error ?? (loadError?.status === 403 ? null : loadError)} />
    </section>
  );
}
