import { isRecord, str } from '../ecs/values.ts';
import type { WindowsRecord } from './windows-record.ts';

/** Winlogbeat/ECS (`winlog.event_id`, `winlog.event_data.*`, `@timestamp`, `message`). */
export function fromWinlogbeat(
  obj: Record<string, unknown>,
  winlog: Record<string, unknown>,
): WindowsRecord | string {
  const eventId = str(winlog['event_id']) ?? str(isRecord(obj['event']) ? obj['event']['code'] : undefined);
  if (eventId === undefined) return 'windows: winlog.event_id is missing';
  const data: Record<string, unknown> = {};
  for (const key of ['event_data', 'user_data']) {
    const part = winlog[key];
    if (isRecord(part)) Object.assign(data, part);
  }
  const provider = str(winlog['provider_name']);
  const computer =
    str(winlog['computer_name']) ?? str(isRecord(obj['host']) ? obj['host']['name'] : undefined);
  const raw: Record<string, unknown> = { ...data };
  const exposed: Record<string, unknown> = {
    EventID: winlog['event_id'],
    Channel: winlog['channel'],
    Computer: computer,
    Provider_Name: provider,
    Provider_Guid: winlog['provider_guid'],
    EventRecordID: winlog['record_id'],
    Task: winlog['task'],
    Opcode: winlog['opcode'],
    Keywords: winlog['keywords'],
  };
  for (const [k, v] of Object.entries(exposed)) if (v !== undefined && v !== null && !(k in raw)) raw[k] = v;
  const keywords = winlog['keywords'];
  const outcome = Array.isArray(keywords)
    ? keywords.includes('Audit Failure')
      ? 'failure'
      : keywords.includes('Audit Success')
        ? 'success'
        : undefined
    : undefined;
  return {
    shape: 'winlogbeat',
    eventId,
    channel: str(winlog['channel']),
    provider,
    computer,
    recordId: str(winlog['record_id']),
    times: [obj['@timestamp']],
    data,
    raw,
    message: typeof obj['message'] === 'string' ? obj['message'] : undefined,
    auditOutcome: outcome,
  };
}
