import { useMemo } from 'react';
import { formatCell } from './event-field.ts';
import type { Row } from './search-api.ts';
import { topValues } from './top-values.ts';

/**
 * The fields of the events on screen with their most frequent values; choosing a value narrows the
 * query to it (the page runs the narrowed search).
 */
export function FieldSidebar({
  events,
  onFilter,
}: {
  readonly events: readonly Row[];
  readonly onFilter: (field: string, value: string | number | boolean) => void;
}) {
  const fields = useMemo(() => topValues(events), [events]);
  if (fields.length === 0) return null;
  return (
    <aside className="field-sidebar" aria-labelledby="field-sidebar-title">
      <h2 id="field-sidebar-title" className="field-sidebar-title">
        Top values
      </h2>
      <p className="muted field-sidebar-note">
        Of the {events.length} events on this page. Choose a value to filter on it.
      </p>
      {fields.map((f) => (
        <section key={f.field} className="field-summary" aria-label={f.field}>
          <h3 className="field-name">
            {f.field} <span className="muted">({f.present})</span>
          </h3>
          <ul className="field-values">
            {f.values.map((v) => (
              <li key={`${typeof v.value}:${String(v.value)}`}>
                <button
                  type="button"
                  className="field-value"
                  aria-label={`Filter on ${f.field} = ${String(v.value)} (${v.count} events)`}
                  onClick={() => onFilter(f.field, v.value)}
                >
                  <span className="field-value-text">{formatCell(v.value)}</span>
                  <span className="field-value-count">{v.count}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
