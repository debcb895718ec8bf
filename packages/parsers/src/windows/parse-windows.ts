import type { ParsedEvent } from '../parsed-event.ts';
import { failedEvent, newEvent } from '../ecs/new-event.ts';
import { addRelated } from '../ecs/related.ts';
import { readField, setField } from '../ecs/set-field.ts';
import { toIsoTime } from '../ecs/to-iso-time.ts';
import { isRecord } from '../ecs/values.ts';
import { mapPowershell } from './map-powershell.ts';
import { mapSecurity } from './map-security.ts';
import { mapSysmon } from './map-sysmon.ts';
import { mapSystem } from './map-system.ts';
import {
  powershellKinds,
  securityKinds,
  sysmonKinds,
  systemKinds,
  type EventKind,
} from './windows-event-kinds.ts';
import { toWindowsRecord, type WindowsRecord } from './windows-record.ts';

type Family = 'sysmon' | 'security' | 'powershell' | 'system' | 'other';

/**
 * Windows event (evtx-rs JSON, Winlogbeat, or flat OTRF/NXLog) → ECS.
 * @example parseWindows({EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational', Image: 'C:\\x.exe'}, now)
 */
export function parseWindows(obj: Record<string, unknown>, receivedAt: number): ParsedEvent {
  const rec = toWindowsRecord(obj);
  if (typeof rec === 'string') return failedEvent(obj, receivedAt, rec);
  let time: string | undefined;
  for (const t of rec.times) if ((time ??= toIsoTime(t)) !== undefined) break;
  const event = newEvent(time, receivedAt);
  if (rec.message !== undefined) event.message = rec.message;
  // Keep Winlogbeat's own ECS fields (host.*, agent.*…) and overlay ours.
  if (rec.shape === 'winlogbeat') copyWinlogbeat(event, obj);
  const family = familyOf(rec);
  const kind = kindOf(family, rec.eventId);
  setField(event, 'event.kind', 'event');
  setField(event, 'event.code', rec.eventId);
  setField(event, 'event.provider', rec.provider);
  setField(event, 'event.module', 'windows');
  setField(event, 'event.dataset', `windows.${family === 'other' ? 'eventlog' : family}`);
  setField(event, 'host.name', rec.computer);
  setField(event, 'winlog.channel', rec.channel);
  setField(event, 'winlog.event_id', rec.eventId);
  setField(event, 'winlog.provider_name', rec.provider);
  setField(event, 'winlog.computer_name', rec.computer);
  setField(event, 'winlog.record_id', rec.recordId);
  if (kind !== undefined) {
    setField(event, 'event.category', kind.category);
    setField(event, 'event.type', kind.type);
    setField(event, 'event.action', kind.action);
  }
  const outcome = kind?.outcome ?? rec.auditOutcome;
  setField(event, 'event.outcome', outcome);
  mapFamily(event, family, rec);
  event.raw = rec.raw;
  addRelated(event);
  return event;
}

function familyOf(rec: WindowsRecord): Family {
  const channel = (rec.channel ?? '').toLowerCase();
  const provider = (rec.provider ?? '').toLowerCase();
  if (channel.includes('sysmon') || provider.includes('sysmon')) return 'sysmon';
  if (channel === 'security' || provider === 'microsoft-windows-security-auditing') return 'security';
  if (channel.includes('powershell') || provider.includes('powershell')) return 'powershell';
  if (channel === 'system') return 'system';
  return 'other';
}

function kindOf(family: Family, id: string): EventKind | undefined {
  switch (family) {
    case 'sysmon':
      return sysmonKinds[id];
    case 'security':
      return securityKinds[id];
    case 'powershell':
      return powershellKinds[id];
    case 'system':
      return systemKinds[id];
    case 'other':
      return undefined;
  }
}

function mapFamily(event: ParsedEvent, family: Family, rec: WindowsRecord): void {
  switch (family) {
    case 'sysmon':
      mapSysmon(event, rec.eventId, rec.data);
      return;
    case 'security':
      mapSecurity(event, rec.eventId, rec.data);
      // The 4624 outcome is fixed by the id; the audit keyword decides for the rest.
      if (readField(event, 'event.outcome') === undefined) setField(event, 'event.outcome', rec.auditOutcome);
      return;
    case 'powershell':
      mapPowershell(event, rec.eventId, rec.data);
      return;
    case 'system':
      mapSystem(event, rec.eventId, rec.data);
      return;
    case 'other':
      return;
  }
}

function copyWinlogbeat(event: ParsedEvent, obj: Record<string, unknown>): void {
  for (const key of ['host', 'agent', 'winlog', 'log', 'ecs']) {
    const value = obj[key];
    if (isRecord(value)) event[key] = structuredClone(value);
  }
  const ev = obj['event'];
  if (isRecord(ev)) event['event'] = structuredClone(ev);
}
