import { isRecord, str } from '../ecs/values.ts';
import { keywordOutcome } from './keyword-outcome.ts';
import type { WindowsRecord } from './windows-record.ts';

function attr(node: unknown, name: string): unknown {
  if (!isRecord(node)) return undefined;
  const attrs = node['#attributes'];
  return isRecord(attrs) ? attrs[name] : undefined;
}

/** `EventID` may be `4624` or `{"#text": 7045, "#attributes": {"Qualifiers": 16384}}`. */
function textOf(node: unknown): unknown {
  return isRecord(node) ? node['#text'] : node;
}

/** evtx-rs JSON (`Event.System`, `Event.EventData`/`UserData`, `#attributes`). */
export function fromEvtx(ev: Record<string, unknown>, sys: Record<string, unknown>): WindowsRecord | string {
  const eventId = str(textOf(sys['EventID']));
  if (eventId === undefined) return 'windows: Event.System.EventID is missing';
  const raw: Record<string, unknown> = {};
  flattenData(ev['EventData'], raw);
  const userData = ev['UserData'];
  if (isRecord(userData)) {
    // UserData holds one vendor element (e.g. `LogFileCleared`); its children are the fields.
    for (const inner of Object.values(userData)) if (isRecord(inner)) flattenData(inner, raw);
  }
  const data = { ...raw };
  const systemTime = attr(sys['TimeCreated'], 'SystemTime');
  const provider = str(attr(sys['Provider'], 'Name'));
  const exposed: Record<string, unknown> = {
    EventID: textOf(sys['EventID']),
    Version: sys['Version'],
    Level: sys['Level'],
    Task: sys['Task'],
    Opcode: sys['Opcode'],
    Keywords: sys['Keywords'],
    EventRecordID: sys['EventRecordID'],
    Channel: sys['Channel'],
    Computer: sys['Computer'],
    Provider_Name: provider,
    Provider_Guid: attr(sys['Provider'], 'Guid'),
    TimeCreated: systemTime,
    Execution_ProcessID: attr(sys['Execution'], 'ProcessID'),
    Execution_ThreadID: attr(sys['Execution'], 'ThreadID'),
    Security_UserID: attr(sys['Security'], 'UserID'),
  };
  for (const [k, v] of Object.entries(exposed)) if (v !== undefined && v !== null && !(k in raw)) raw[k] = v;
  return {
    shape: 'evtx',
    eventId,
    channel: str(sys['Channel']),
    provider,
    computer: str(sys['Computer']),
    recordId: str(sys['EventRecordID']),
    times: [systemTime],
    data,
    raw,
    message: undefined,
    auditOutcome: keywordOutcome(sys['Keywords']),
  };
}

/** EventData is usually `{Name: value}`; unnamed `<Data>` elements arrive as `Data` arrays. */
function flattenData(node: unknown, out: Record<string, unknown>): void {
  if (!isRecord(node)) return;
  for (const [k, v] of Object.entries(node)) {
    if (k === '#attributes') continue;
    if (k === 'Data' && (Array.isArray(v) || isRecord(v))) {
      const items: unknown[] = Array.isArray(v) ? v : [v];
      items.forEach((item, i) => {
        const name = str(attr(item, 'Name'));
        const value: unknown = isRecord(item) ? item['#text'] : item;
        out[name ?? `Data${i}`] = value;
      });
    } else {
      out[k] = textOf(v);
    }
  }
}
