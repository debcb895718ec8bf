import { useId, useState, type FormEvent } from 'react';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TextField } from '../shell/text-field.tsx';
import { createToken, listDataSpaces, type TokenKind } from './tokens-api.ts';
import { useAction } from './use-action.ts';
import { useLoad } from './use-load.ts';
import { listRoles } from './users-api.ts';

const EXPIRY_DAYS = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
  { days: 0, label: 'Never' },
] as const;

/** Names a new key or token and chooses what it may reach: a role (API key) or a data space (ingest). */
export function TokenForm({
  workspaceId,
  kind,
  onCreated,
}: {
  readonly workspaceId: string;
  readonly kind: TokenKind;
  readonly onCreated: (name: string, secret: string) => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [scope, setScope] = useState(kind === 'api_key' ? 'viewer' : 'default');
  const [expiry, setExpiry] = useState(90);
  const { busy, error, run } = useAction();
  const choices = useLoad(`${workspaceId} ${kind}`, async (signal) =>
    kind === 'api_key'
      ? (await listRoles(workspaceId, signal)).map((r) => ({ id: r.id, label: r.name }))
      : (await listDataSpaces(workspaceId, signal)).map((d) => ({ id: d, label: d })),
  );
  const options = choices.state.status === 'ready' ? choices.state.data : [{ id: scope, label: scope }];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    let secret = '';
    const ok = await run(async () => {
      secret = await createToken(workspaceId, kind, {
        name: trimmed,
        ...(kind === 'api_key' ? { role: scope } : { dataSpace: scope }),
        ...(expiry === 0 ? {} : { expiresInDays: expiry }),
      });
    });
    if (!ok) return;
    setName('');
    onCreated(trimmed, secret);
  };

  const what = kind === 'api_key' ? 'API key' : 'ingest token';
  return (
    <form className="inline-form" aria-label={`Create an ${what}`} onSubmit={(e) => void submit(e)}>
      <TextField label="Name" value={name} onChange={setName} required maxLength={100} autoComplete="off" />
      <div className="field">
        <label htmlFor={`${id}-scope`}>{kind === 'api_key' ? 'Role' : 'Data space'}</label>
        <select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.target.value)}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-expiry`}>Expires after</label>
        <select id={`${id}-expiry`} value={expiry} onChange={(e) => setExpiry(Number(e.target.value))}>
          {EXPIRY_DAYS.map((o) => (
            <option key={o.days} value={o.days}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Creating…' : `Create ${what}`}
      </button>
      <ErrorBanner error={error} />
    </form>
  );
}
