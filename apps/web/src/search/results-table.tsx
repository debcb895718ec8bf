import { fieldValue } from './event-field.ts';
import { EventRow } from './event-row.tsx';
import type { Row } from './search-api.ts';

/** Key ECS fields shown by default; those absent from every event of the page are left out. */
const KEY_FIELDS = [
  'host.name',
  'user.name',
  'event.category',
  'event.action',
  'event.outcome',
  'source.ip',
  'process.name',
  'message',
];

export function ResultsTable({
  events,
  projected,
}: {
  readonly events: readonly Row[];
  readonly projected: readonly string[] | undefined;
}) {
  const columns = (projected ?? KEY_FIELDS).filter(
    (c) =>
      c !== '@timestamp' && (projected !== undefined || events.some((e) => fieldValue(e, c) !== undefined)),
  );
  return (
    <div className="table-scroll">
      <table className="data-table results-table">
        <caption className="visually-hidden">Matching events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {events.map((e, i) => (
            <EventRow key={eventKey(e, i)} event={e} columns={columns} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function eventKey(event: Row, index: number): string {
  const id = fieldValue(event, 'vigil.id');
  return typeof id === 'string' ? id : `row-${index}`;
}
