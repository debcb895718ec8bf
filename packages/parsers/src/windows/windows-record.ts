import { isRecord } from '../ecs/values.ts';
import { fromEvtx } from './evtx-record.ts';
import { fromFlat } from './flat-record.ts';
import { fromWinlogbeat } from './winlogbeat-record.ts';

/** The three Windows shapes of DESIGN.md §2 reduced to one view: System fields plus EventData. */
export interface WindowsRecord {
  shape: 'evtx' | 'winlogbeat' | 'flat';
  eventId: string;
  channel: string | undefined;
  provider: string | undefined;
  computer: string | undefined;
  recordId: string | undefined;
  /** Best event time candidates in preference order. */
  times: unknown[];
  /** Event fields by their Windows names (`Image`, `TargetUserName`…). */
  data: Record<string, unknown>;
  /** `raw` for the event: vendor names, EventData flattened, System fields exposed. */
  raw: Record<string, unknown>;
  /** Rendered message text when the shipper included it. */
  message: string | undefined;
  /** Audit success/failure from keywords or the NXLog EventType, when known. */
  auditOutcome: 'success' | 'failure' | undefined;
}

/** True when the object is a Windows event in any of the three shapes. */
export function isWindowsObject(obj: Record<string, unknown>): boolean {
  const ev = obj['Event'];
  if (isRecord(ev) && isRecord(ev['System'])) return true;
  const winlog = obj['winlog'];
  if (isRecord(winlog) && (winlog['event_id'] !== undefined || winlog['channel'] !== undefined)) return true;
  return (
    obj['EventID'] !== undefined &&
    (obj['Channel'] !== undefined || obj['SourceName'] !== undefined || obj['Provider_Name'] !== undefined)
  );
}

/** Reduces any of the three shapes to a WindowsRecord, or returns an error text. */
export function toWindowsRecord(obj: Record<string, unknown>): WindowsRecord | string {
  const ev = obj['Event'];
  if (isRecord(ev) && isRecord(ev['System'])) return fromEvtx(ev, ev['System']);
  const winlog = obj['winlog'];
  if (isRecord(winlog)) return fromWinlogbeat(obj, winlog);
  return fromFlat(obj);
}
