import { setField, type Doc } from '../ecs/set-field.ts';
import { baseName, dirName, isIp, str } from '../ecs/values.ts';
import { setEndpoint, setHashes, setProcess, setUser } from './windows-fields.ts';

/** Maps Sysmon EventData fields to ECS by event id. */
export function mapSysmon(doc: Doc, id: string, d: Record<string, unknown>): void {
  setUser(doc, 'user', d['User']);
  switch (id) {
    case '8':
    case '10':
      setProcess(doc, 'process', {
        image: d['SourceImage'],
        pid: d['SourceProcessId'],
        guid: d['SourceProcessGUID'] ?? d['SourceProcessGuid'],
      });
      setUser(doc, 'user', d['SourceUser']);
      break;
    default:
      setProcess(doc, 'process', {
        image: d['Image'],
        pid: d['ProcessId'],
        guid: d['ProcessGuid'],
        commandLine: d['CommandLine'],
      });
  }
  switch (id) {
    case '1':
      setProcess(doc, 'process.parent', {
        image: d['ParentImage'],
        pid: d['ParentProcessId'],
        guid: d['ParentProcessGuid'],
        commandLine: d['ParentCommandLine'],
      });
      setField(doc, 'process.working_directory', str(d['CurrentDirectory']));
      setField(doc, 'process.pe.original_file_name', str(d['OriginalFileName']));
      setField(doc, 'process.pe.company', str(d['Company']));
      setField(doc, 'process.pe.description', str(d['Description']));
      setField(doc, 'process.pe.product', str(d['Product']));
      setField(doc, 'process.pe.file_version', str(d['FileVersion']));
      setField(doc, 'winlog.logon.id', str(d['LogonId']));
      setHashes(doc, 'process', d['Hashes']);
      break;
    case '3':
      setEndpoint(doc, 'source', d['SourceIp'], d['SourcePort'], d['SourceHostname']);
      setEndpoint(doc, 'destination', d['DestinationIp'], d['DestinationPort'], d['DestinationHostname']);
      setField(doc, 'network.transport', str(d['Protocol'])?.toLowerCase());
      setField(
        doc,
        'network.direction',
        str(d['Initiated']) === 'true' ? 'egress' : str(d['Initiated']) === 'false' ? 'ingress' : undefined,
      );
      break;
    case '6':
    case '7':
      setFile(doc, d['ImageLoaded']);
      setField(
        doc,
        'file.code_signature.signed',
        str(d['Signed']) === undefined ? undefined : str(d['Signed']) === 'true',
      );
      setField(doc, 'file.code_signature.subject_name', str(d['Signature']));
      setField(doc, 'file.pe.original_file_name', str(d['OriginalFileName']));
      setHashes(doc, 'file', d['Hashes']);
      break;
    case '2':
    case '11':
    case '15':
    case '23':
    case '26':
    case '27':
    case '28':
    case '29':
      setFile(doc, d['TargetFilename']);
      setHashes(doc, 'file', d['Hashes']);
      break;
    case '12':
    case '13':
    case '14':
      setRegistry(doc, d);
      break;
    case '17':
    case '18':
      setField(doc, 'file.name', str(d['PipeName']));
      break;
    case '22':
      setField(doc, 'dns.question.name', str(d['QueryName']));
      setField(doc, 'network.protocol', 'dns');
      setField(doc, 'dns.response_code', str(d['QueryStatus']) === '0' ? 'NOERROR' : str(d['QueryStatus']));
      setField(doc, 'dns.resolved_ip', resolvedIps(d['QueryResults']));
      break;
    default:
      break;
  }
}

function setFile(doc: Doc, path: unknown): void {
  const p = str(path);
  setField(doc, 'file.path', p);
  setField(doc, 'file.name', baseName(p));
  setField(doc, 'file.directory', dirName(p));
  const name = baseName(p);
  const dot = name?.lastIndexOf('.') ?? -1;
  if (name !== undefined && dot > 0) setField(doc, 'file.extension', name.slice(dot + 1).toLowerCase());
}

const hives: Record<string, string> = { HKLM: 'HKLM', HKU: 'HKU', HKCR: 'HKCR', HKCU: 'HKCU', HKCC: 'HKCC' };

function setRegistry(doc: Doc, d: Record<string, unknown>): void {
  const target = str(d['TargetObject']);
  setField(doc, 'registry.path', target);
  if (target !== undefined) {
    const first = target.indexOf('\\');
    const hive = first > 0 ? hives[target.slice(0, first).toUpperCase()] : undefined;
    if (hive !== undefined) {
      setField(doc, 'registry.hive', hive);
      setField(doc, 'registry.key', target.slice(first + 1));
    }
    if (str(d['EventType']) === 'SetValue') {
      setField(doc, 'registry.value', baseName(target));
      setField(doc, 'registry.key', hive === undefined ? undefined : dirName(target.slice(first + 1)));
    }
  }
  const kind = str(d['EventType']);
  if (kind === 'CreateKey') setField(doc, 'event.type', ['creation']);
  if (kind === 'DeleteKey' || kind === 'DeleteValue') setField(doc, 'event.type', ['deletion']);
  const details = str(d['Details']);
  if (details !== undefined) setField(doc, 'registry.data.strings', [details]);
}

/** `type:  5 a.example;::ffff:1.2.3.4;` → the IP literals in the Sysmon DNS answer list. */
function resolvedIps(results: unknown): string[] | undefined {
  const text = str(results);
  if (text === undefined) return undefined;
  const ips = text
    .split(';')
    .map((s) => s.trim().replace(/^::ffff:/, ''))
    .filter((s) => s !== '' && isIp(s));
  return ips.length > 0 ? ips : undefined;
}
