import { useId, useState } from 'react';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { OneTimeSecret } from './one-time-secret.tsx';
import { TokenForm } from './token-form.tsx';
import { TokensTable } from './tokens-table.tsx';
import { listTokens, type TokenKind } from './tokens-api.ts';
import { useLoad } from './use-load.ts';

const TEXT: Readonly<Record<TokenKind, { title: string; one: string; intro: string }>> = {
  api_key: {
    title: 'API keys',
    one: 'API key',
    intro:
      'An API key acts in this workspace with one role, never more than yours. Send it as a Bearer token.',
  },
  ingest: {
    title: 'Ingest tokens',
    one: 'ingest token',
    intro: 'An ingest token can only send events into one data space of this workspace.',
  },
};

/** One kind of machine credential: create (secret shown once), list, revoke. */
export function TokenSection({
  workspaceId,
  kind,
}: {
  readonly workspaceId: string;
  readonly kind: TokenKind;
}) {
  const headingId = useId();
  const text = TEXT[kind];
  const { state, reload } = useLoad(`${workspaceId} ${kind}`, (signal) =>
    listTokens(workspaceId, kind, signal),
  );
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{text.title}</h2>
      <p className="muted">{text.intro}</p>
      <TokenForm
        workspaceId={workspaceId}
        kind={kind}
        onCreated={(name, value) => {
          setSecret({ name, value });
          reload();
        }}
      />
      {secret && (
        <OneTimeSecret
          label={`New ${text.one} “${secret.name}”`}
          secret={secret.value}
          warning={`this is the only time the ${text.one} is shown. Vigil keeps only a hash of it; if it is lost, revoke it and create another.`}
          onDone={() => setSecret(null)}
        />
      )}
      {state.status === 'loading' && <p role="status">Loading…</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' && (
        <TokensTable
          workspaceId={workspaceId}
          kind={kind}
          caption={text.title}
          tokens={state.data}
          onRevoked={reload}
        />
      )}
    </section>
  );
}
