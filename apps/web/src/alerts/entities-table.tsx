import type { EntityView } from './parse-alert.ts';

/** The entities extracted from an alert's events. */
export function EntitiesTable({ entities }: { readonly entities: readonly EntityView[] }) {
  if (entities.length === 0) return <p className="muted">No entities were extracted.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Entities</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Value</th>
            <th scope="col">Roles</th>
          </tr>
        </thead>
        <tbody>
          {entities.map((e) => (
            <tr key={e.key} data-entity={e.key}>
              <td>{e.type.replaceAll('_', ' ')}</td>
              <td className="break-all">
                <code>{e.value}</code>
              </td>
              <td>{e.roles.join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
