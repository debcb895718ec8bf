import { setField, type Doc } from '../ecs/set-field.ts';
import { str, transportName } from '../ecs/values.ts';
import { logonTypeName, setEndpoint, setProcess, setUser } from './windows-fields.ts';

const logonIds = new Set(['4624', '4625', '4634', '4647', '4648', '4672']);
const accountMgmt = new Set([
  '4720',
  '4722',
  '4723',
  '4724',
  '4725',
  '4726',
  '4738',
  '4740',
  '4767',
  '4727',
  '4728',
  '4729',
  '4731',
  '4732',
  '4733',
  '4754',
  '4756',
  '4757',
]);

/** Maps Security-channel EventData to ECS by event id (subject = actor, target = account acted on). */
export function mapSecurity(doc: Doc, id: string, d: Record<string, unknown>): void {
  const subject = () =>
    setUser(doc, 'user', d['SubjectUserName'], d['SubjectDomainName'], d['SubjectUserSid']);
  if (logonIds.has(id) && id !== '4672') {
    // The account that logged on is the event's user; the subject is the requesting service.
    setUser(doc, 'user', d['TargetUserName'], d['TargetDomainName'], d['TargetUserSid']);
    setField(doc, 'winlog.logon.type', logonTypeName(d['LogonType']));
    setField(doc, 'winlog.logon.id', str(d['TargetLogonId']));
    setEndpoint(doc, 'source', d['IpAddress'], d['IpPort'], d['WorkstationName']);
    setProcess(doc, 'process', { image: d['ProcessName'], pid: d['ProcessId'] });
    if (id === '4648') setField(doc, 'destination.domain', str(d['TargetServerName']));
    if (id === '4625') {
      setField(doc, 'winlog.logon.failure.status', str(d['Status']));
      setField(doc, 'winlog.logon.failure.sub_status', str(d['SubStatus']));
      setField(doc, 'winlog.logon.failure.reason', str(d['FailureReason']));
    }
    return;
  }
  switch (id) {
    case '4672':
      subject();
      setField(doc, 'winlog.logon.id', str(d['SubjectLogonId']));
      return;
    case '4688':
      subject();
      setProcess(doc, 'process', {
        image: d['NewProcessName'],
        pid: d['NewProcessId'],
        commandLine: d['CommandLine'],
      });
      setProcess(doc, 'process.parent', { image: d['ParentProcessName'], pid: d['ProcessId'] });
      setUser(doc, 'user.target', d['TargetUserName'], d['TargetDomainName']);
      return;
    case '4689':
      subject();
      setProcess(doc, 'process', { image: d['ProcessName'], pid: d['ProcessId'] });
      return;
    case '4697':
      subject();
      setField(doc, 'service.name', str(d['ServiceName']));
      setField(doc, 'service.type', str(d['ServiceType']));
      setField(doc, 'file.path', str(d['ServiceFileName']));
      return;
    case '4698':
    case '4699':
    case '4700':
    case '4701':
    case '4702':
      subject();
      setField(doc, 'winlog.task_name', str(d['TaskName']));
      return;
    case '4768':
    case '4769':
    case '4771':
    case '4776':
      setUser(doc, 'user', d['TargetUserName'], d['TargetDomainName'], d['TargetSid']);
      setEndpoint(doc, 'source', stripMapped(d['IpAddress']), d['IpPort'], d['Workstation']);
      setField(doc, 'service.name', str(d['ServiceName']));
      if (str(d['Status']) !== undefined) {
        setField(doc, 'event.outcome', str(d['Status']) === '0x0' ? 'success' : 'failure');
      }
      return;
    case '5156':
    case '5157':
    case '5158':
      setEndpoint(doc, 'source', d['SourceAddress'], d['SourcePort']);
      setEndpoint(doc, 'destination', d['DestAddress'], d['DestPort']);
      setProcess(doc, 'process', { image: d['Application'], pid: d['ProcessID'] ?? d['ProcessId'] });
      setField(doc, 'network.iana_number', str(d['Protocol']));
      setField(doc, 'network.transport', transportName(str(d['Protocol'])));
      return;
    case '5140':
    case '5145':
      subject();
      setEndpoint(doc, 'source', stripMapped(d['IpAddress']), d['IpPort']);
      setField(doc, 'file.path', str(d['RelativeTargetName']));
      setField(doc, 'winlog.event_data.ShareName', str(d['ShareName']));
      return;
    default:
      subject();
      if (accountMgmt.has(id)) {
        setUser(doc, 'user.target', d['TargetUserName'], d['TargetDomainName'], d['TargetSid']);
        setUser(doc, 'user.changes', d['SamAccountName']);
        if (['4727', '4728', '4729', '4731', '4732', '4733', '4754', '4756', '4757'].includes(id)) {
          setField(doc, 'group.name', str(d['TargetUserName']));
          setField(doc, 'group.domain', str(d['TargetDomainName']));
          setField(doc, 'group.id', str(d['TargetSid']));
          if (str(d['MemberName']) !== undefined || str(d['MemberSid']) !== undefined) {
            delete (doc['user'] as Doc | undefined)?.['target'];
            setField(doc, 'user.target.id', str(d['MemberSid']));
            setField(doc, 'user.target.name', memberName(str(d['MemberName'])));
          }
        }
      }
      setProcess(doc, 'process', { image: d['ProcessName'], pid: d['ProcessId'] });
      if (str(d['ObjectType']) === 'File') setField(doc, 'file.path', str(d['ObjectName']));
  }
}

/** `::ffff:10.0.0.5` → `10.0.0.5` (Kerberos/share events log IPv4-mapped addresses). */
function stripMapped(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/^::ffff:/i, '') : value;
}

/** `CN=Bob,OU=Users,DC=corp` → `Bob`; other names unchanged. */
function memberName(dn: string | undefined): string | undefined {
  const m = dn === undefined ? null : /^CN=((?:[^,\\]|\\.)+)/i.exec(dn);
  return m ? m[1] : dn;
}
