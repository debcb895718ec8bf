import { setField, type Doc } from '../ecs/set-field.ts';
import { toIsoTime } from '../ecs/to-iso-time.ts';
import { isIp, toInt, transportName } from '../ecs/values.ts';

type Conv = 'ip' | 'int' | 'str' | 'lower' | 'proto';

/** CEF extension keys (full and short names) → ECS paths. */
const extensionMap: Record<string, [string, Conv]> = {
  src: ['source.ip', 'ip'],
  sourceAddress: ['source.ip', 'ip'],
  spt: ['source.port', 'int'],
  sourcePort: ['source.port', 'int'],
  smac: ['source.mac', 'str'],
  shost: ['source.domain', 'str'],
  suser: ['source.user.name', 'str'],
  suid: ['source.user.id', 'str'],
  sntdom: ['source.user.domain', 'str'],
  dst: ['destination.ip', 'ip'],
  destinationAddress: ['destination.ip', 'ip'],
  dpt: ['destination.port', 'int'],
  destinationPort: ['destination.port', 'int'],
  dmac: ['destination.mac', 'str'],
  dhost: ['destination.domain', 'str'],
  duser: ['destination.user.name', 'str'],
  duid: ['destination.user.id', 'str'],
  dntdom: ['destination.user.domain', 'str'],
  act: ['event.action', 'str'],
  request: ['url.original', 'str'],
  requestMethod: ['http.request.method', 'str'],
  requestClientApplication: ['user_agent.original', 'str'],
  app: ['network.protocol', 'lower'],
  proto: ['network.transport', 'proto'],
  in: ['source.bytes', 'int'],
  out: ['destination.bytes', 'int'],
  fname: ['file.name', 'str'],
  filePath: ['file.path', 'str'],
  fsize: ['file.size', 'int'],
  fileHash: ['file.hash.sha256', 'str'],
  sproc: ['process.name', 'str'],
  spid: ['process.pid', 'int'],
  dproc: ['process.name', 'str'],
  dpid: ['process.pid', 'int'],
  dvc: ['observer.ip', 'ip'],
  dvchost: ['observer.hostname', 'str'],
  deviceExternalId: ['observer.serial_number', 'str'],
  externalId: ['event.id', 'str'],
  msg: ['event.reason', 'str'],
  reason: ['event.reason', 'str'],
};

/** Maps CEF header fields and extensions onto an event (the caller keeps `raw`). */
export function cefToEcs(event: Doc, header: string[], ext: Record<string, string>): void {
  setField(event, 'observer.vendor', header[1]);
  setField(event, 'observer.product', header[2]);
  setField(event, 'observer.version', header[3]);
  setField(event, 'event.code', header[4]);
  setField(event, 'event.reason', header[5]);
  const severity = cefSeverity(header[6]);
  setField(event, 'event.severity', severity);
  for (const [key, value] of Object.entries(ext)) {
    const target = extensionMap[key];
    if (target === undefined) continue;
    const [path, conv] = target;
    if (conv === 'int') setField(event, path, toInt(value));
    else if (conv === 'ip') setField(event, path, isIp(value) ? value : undefined);
    else if (conv === 'lower') setField(event, path, value.toLowerCase());
    else if (conv === 'proto') setField(event, path, transportName(value));
    else setField(event, path, value);
  }
  const outcome = ext['outcome']?.toLowerCase();
  if (outcome !== undefined) {
    setField(
      event,
      'event.outcome',
      /^(success|succeeded|allow|allowed|ok|pass)/.test(outcome)
        ? 'success'
        : /^(fail|failure|failed|deny|denied|blocked|error)/.test(outcome)
          ? 'failure'
          : 'unknown',
    );
  }
  const time = ext['rt'] ?? ext['end'] ?? ext['start'];
  const iso = time === undefined ? undefined : cefTime(time);
  if (iso !== undefined) event['@timestamp'] = iso;
}

/** CEF severity: 0-10, or Unknown/Low/Medium/High/Very-High. */
function cefSeverity(value: string | undefined): number | undefined {
  const n = toInt(value);
  if (n !== undefined) return n;
  const named: Record<string, number> = { low: 3, medium: 6, high: 8, 'very-high': 10 };
  return value === undefined ? undefined : named[value.toLowerCase()];
}

/** `rt` is epoch ms or `MMM dd yyyy HH:mm:ss[.SSS][ zone]`. */
function cefTime(value: string): string | undefined {
  const direct = toIsoTime(value);
  if (direct !== undefined) return direct;
  const m = /^([A-Z][a-z]{2}) (\d{1,2}) (\d{4}) (\d\d:\d\d:\d\d(?:\.\d+)?)(?: (\S+))?$/.exec(value);
  if (!m) return undefined;
  const zone = m[5] === undefined || m[5] === 'UTC' || m[5] === 'GMT' ? 'Z' : m[5];
  return toIsoTime(`${m[2]} ${m[1]} ${m[3]} ${m[4]} ${zone === 'Z' ? 'UTC' : zone}`);
}
