import { useId, useState } from 'react';
import { fieldValue, formatCell } from './event-field.ts';
import type { Row } from './search-api.ts';

/** One event: its time and key fields, and a button that expands the whole document as JSON. */
export function EventRow({ event, columns }: { readonly event: Row; readonly columns: readonly string[] }) {
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const time = formatCell(fieldValue(event, '@timestamp'));
  return (
    <>
      <tr>
        <td>
          <button
            type="button"
            className="expand-button"
            aria-expanded={open}
            aria-controls={detailId}
            onClick={() => setOpen(!open)}
          >
            <span className="visually-hidden">{open ? 'Hide' : 'Show'} the event of </span>
            <time dateTime={time}>{time}</time>
          </button>
        </td>
        {columns.map((c) => (
          <td key={c} className="cell">
            {formatCell(fieldValue(event, c))}
          </td>
        ))}
      </tr>
      <tr id={detailId} hidden={!open} className="event-detail">
        <td colSpan={columns.length + 1}>
          {open && <pre className="event-json">{JSON.stringify(event, null, 2)}</pre>}
        </td>
      </tr>
    </>
  );
}
