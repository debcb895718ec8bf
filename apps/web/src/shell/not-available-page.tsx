import type { Area } from '../routing/areas.ts';

/** The honest placeholder of an area that has not been built yet. */
export function NotAvailablePage({ area }: { readonly area: Area }) {
  return (
    <>
      <div className="page-header">
        <h1>{area.label}</h1>
      </div>
      <div className="empty-state">
        <p className="empty-state-title">Not available yet</p>
        <p>{area.summary}</p>
        <p className="muted">
          This part of the console has not been built yet; it will appear here in a later release.
        </p>
      </div>
    </>
  );
}
