import type { AuditRecord } from './audit-api.ts';
import { DateTime } from '../admin/date-time.tsx';

const RESULT_BADGE: Readonly<Record<string, string>> = {
  success: 'badge badge-ok',
  failure: 'badge badge-error',
  denied: 'badge badge-error',
};

/** Audit records in seq order; user ids are shown with the member's name when it is known. */
export function AuditTable({
  records,
  caption,
  userNames,
}: {
  readonly records: readonly AuditRecord[];
  readonly caption: string;
  readonly userNames?: ReadonlyMap<string, string>;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table audit-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Seq
            </th>
            <th scope="col">Time</th>
            <th scope="col">Event</th>
            <th scope="col">User</th>
            <th scope="col">Resource</th>
            <th scope="col">Client</th>
            <th scope="col">Result</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.seq} data-event-type={r.eventType}>
              <td className="numeric">{r.seq}</td>
              <td>
                <DateTime iso={r.time} />
              </td>
              <td>
                <code>{r.eventType}</code>
              </td>
              <td>{r.userId === undefined ? '—' : (userNames?.get(r.userId) ?? r.userId)}</td>
              <td className="break-all">{r.resource ?? '—'}</td>
              <td>
                {r.clientIp ?? '—'}
                {r.clientId !== undefined && (
                  <div className="muted small client-id" title={r.clientId}>
                    {r.clientId}
                  </div>
                )}
              </td>
              <td>
                <span className={RESULT_BADGE[r.result] ?? 'badge badge-unknown'}>{r.result}</span>
              </td>
              <td className="break-all small">
                {r.details === undefined ? '' : <code>{JSON.stringify(r.details)}</code>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
