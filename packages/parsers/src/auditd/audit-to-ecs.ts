import type { ParsedEvent } from '../parsed-event.ts';
import { newEvent } from '../ecs/new-event.ts';
import { addRelated } from '../ecs/related.ts';
import { setField } from '../ecs/set-field.ts';
import { baseName, isIp, toInt } from '../ecs/values.ts';
import type { AuditRecord } from './parse-audit-record.ts';

const unset = (v: string | undefined) =>
  v === undefined || v === '?' || v === '(null)' || v === '(none)' || v === 'unset' || v === '4294967295'
    ? undefined
    : v;

/** ECS category/type of the primary record type. */
function classify(type: string): [string[], string[]] | undefined {
  if (/^USER_(AUTH|LOGIN|ERR)$|^LOGIN$|^USER_ACCT$|^CRED_/.test(type)) return [['authentication'], ['info']];
  if (/^USER_(START|END|LOGOUT)$/.test(type)) return [['session'], [type === 'USER_START' ? 'start' : 'end']];
  if (/^(ADD|DEL)_(USER|GROUP)$|^USER_(MGMT|CHAUTHTOK)$|^GRP_MGMT$/.test(type))
    return [['iam'], [type.startsWith('DEL') ? 'deletion' : type.startsWith('ADD') ? 'creation' : 'change']];
  if (type === 'EXECVE' || type === 'USER_CMD') return [['process'], ['start']];
  if (/^(CONFIG_CHANGE|NETFILTER_CFG|TIME_|MAC_|USYS_CONFIG)/.test(type))
    return [['configuration'], ['change']];
  if (/^SERVICE_(START|STOP)$/.test(type)) return [['process'], [type.endsWith('START') ? 'start' : 'end']];
  if (/^(AVC|ANOM_)/.test(type)) return [['intrusion_detection'], ['info']];
  return undefined;
}

/**
 * The records of one audit event (same serial) → one ECS event. `raw` holds every record under
 * `records` and the fields of all records merged (first occurrence wins), with `type` = the primary type.
 */
export function auditToEcs(records: AuditRecord[], receivedAt: number): ParsedEvent {
  const first = records[0];
  const primary = records.find((r) => r.type === 'SYSCALL') ?? first;
  // The most specific record decides the classification (EXECVE over SYSCALL, USER_LOGIN…).
  const classified = records.find((r) => classify(r.type) !== undefined);
  const event = newEvent(first === undefined ? undefined : first.time * 1000, receivedAt);
  const merged: Record<string, unknown> = {};
  for (const r of records) for (const [k, v] of Object.entries(r.fields)) if (!(k in merged)) merged[k] = v;
  const type = primary?.type ?? 'UNKNOWN';
  const byType = (t: string) => records.find((r) => r.type === t)?.fields;
  const f = merged as Record<string, string>;
  setField(event, 'event.kind', 'event');
  setField(event, 'event.module', 'auditd');
  setField(event, 'event.dataset', 'auditd');
  setField(event, 'event.action', (classified?.type ?? type).toLowerCase());
  setField(event, 'event.sequence', toInt(first?.serial));
  const cls = classified === undefined ? undefined : classify(classified.type);
  if (cls) {
    setField(event, 'event.category', cls[0]);
    setField(event, 'event.type', cls[1]);
  }
  const result = f['success'] ?? f['res'];
  if (result !== undefined)
    setField(event, 'event.outcome', /^(yes|success|1)$/.test(result) ? 'success' : 'failure');
  setField(event, 'host.name', first?.node);
  setField(event, 'process.pid', toInt(f['pid']));
  setField(event, 'process.parent.pid', toInt(f['ppid']));
  setField(event, 'process.executable', unset(f['exe']));
  setField(event, 'process.name', unset(f['comm']) ?? baseName(unset(f['exe'])));
  setField(event, 'process.working_directory', unset(byType('CWD')?.['cwd']));
  setField(event, 'process.title', unset(byType('PROCTITLE')?.['proctitle']));
  const execve = byType('EXECVE');
  if (execve) {
    const argc = toInt(execve['argc']) ?? 0;
    const args: string[] = [];
    for (let i = 0; i < argc; i++) args.push(execve[`a${i}`] ?? '');
    setField(event, 'process.args', args);
    setField(event, 'process.command_line', args.join(' '));
  }
  setField(event, 'user.id', unset(f['uid']));
  const acct = unset(f['acct']);
  setField(event, 'user.name', acct !== undefined && !acct.startsWith('(') ? acct : unset(f['UID']));
  setField(event, 'user.audit.id', unset(f['auid']));
  setField(event, 'user.audit.name', unset(f['AUID']));
  setField(event, 'user.effective.id', unset(f['euid']));
  setField(event, 'group.id', unset(f['gid']));
  setField(event, 'auditd.session', unset(f['ses']));
  // Several rule keys are joined by 0x01.
  const keys = unset(f['key'])?.split('\x01');
  setField(event, 'auditd.key', keys?.[0]);
  setField(event, 'tags', keys);
  setField(event, 'auditd.syscall', unset(f['SYSCALL']) ?? unset(f['syscall']));
  const path = records.find(
    (r) => r.type === 'PATH' && r.fields['nametype'] !== 'PARENT' && unset(r.fields['name']) !== undefined,
  );
  setField(event, 'file.path', unset(path?.fields['name']));
  const addr = unset(f['addr']);
  if (addr !== undefined && isIp(addr)) setField(event, 'source.ip', addr);
  const hostname = unset(f['hostname']);
  if (hostname !== undefined && hostname !== addr) setField(event, 'source.domain', hostname);
  merged['type'] = type;
  merged['record_types'] = [...new Set(records.map((r) => r.type))];
  merged['records'] = records.map((r) => ({ type: r.type, ...r.fields }));
  event.raw = merged;
  addRelated(event);
  return event;
}
