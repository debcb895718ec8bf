import { str } from '../ecs/values.ts';
import { keywordOutcome } from './keyword-outcome.ts';
import type { WindowsRecord } from './windows-record.ts';

/** Flat OTRF/NXLog (`EventID`, `Channel`, `Hostname`, EventData fields at the top level). */
export function fromFlat(obj: Record<string, unknown>): WindowsRecord | string {
  const eventId = str(obj['EventID']);
  if (eventId === undefined) return 'windows: EventID is missing';
  // `Message` (the rendered text) becomes `message`; copying without it avoids a slow `delete`.
  const raw: Record<string, unknown> = {};
  for (const key in obj) if (key !== 'Message') raw[key] = obj[key];
  const message = typeof obj['Message'] === 'string' ? obj['Message'] : undefined;
  const provider = str(obj['Provider_Name']) ?? str(obj['SourceName']) ?? str(obj['ProviderName']);
  if (raw['Provider_Name'] === undefined && provider !== undefined) raw['Provider_Name'] = provider;
  const computer = str(obj['Hostname']) ?? str(obj['Computer']) ?? str(obj['ComputerName']);
  if (raw['Computer'] === undefined && computer !== undefined) raw['Computer'] = computer;
  const eventType = str(obj['EventType']);
  const channel = str(obj['Channel']);
  return {
    shape: 'flat',
    eventId,
    channel,
    provider,
    computer,
    recordId: str(obj['RecordNumber']) ?? str(obj['EventRecordID']),
    // Sysmon's UtcTime is the event time in UTC; NXLog's EventTime is local time, so it is last.
    times: [
      channel?.includes('Sysmon') ? obj['UtcTime'] : undefined,
      obj['TimeCreated'],
      obj['@timestamp'],
      obj['EventTime'],
    ],
    data: obj,
    raw,
    message,
    auditOutcome:
      eventType === 'AUDIT_SUCCESS'
        ? 'success'
        : eventType === 'AUDIT_FAILURE'
          ? 'failure'
          : keywordOutcome(obj['Keywords']),
  };
}
