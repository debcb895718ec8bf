import type { ParsedEvent } from '../parsed-event.ts';
import { newEvent } from '../ecs/new-event.ts';
import { addRelated } from '../ecs/related.ts';
import { setField } from '../ecs/set-field.ts';
import { toIsoTime } from '../ecs/to-iso-time.ts';
import { isIp, toInt, transportName } from '../ecs/values.ts';
import { splitKv } from './split-kv.ts';

/** Common key names of firewalls and appliances → ECS paths. */
const kvMap: Record<string, [string, 'ip' | 'int' | 'str' | 'proto']> = {};
const alias = (keys: string, path: string, conv: 'ip' | 'int' | 'str' | 'proto') => {
  for (const k of keys.split(',')) kvMap[k] = [path, conv];
};
alias('src,srcip,src_ip,source_ip,sourceip,client_ip,clientip', 'source.ip', 'ip');
alias('dst,dstip,dst_ip,destination_ip,destip,dest_ip', 'destination.ip', 'ip');
alias('spt,sport,srcport,src_port,source_port', 'source.port', 'int');
alias('dpt,dport,dstport,dst_port,destination_port,dest_port', 'destination.port', 'int');
alias('user,username,usr,srcuser,suser,user_name,account', 'user.name', 'str');
alias('action,act', 'event.action', 'str');
alias('proto,protocol,transport', 'network.transport', 'proto');
alias('host,hostname,devname,device_name', 'host.name', 'str');
alias('msg,reason', 'event.reason', 'str');
alias('url,uri', 'url.original', 'str');
alias('method', 'http.request.method', 'str');
alias('status_code,http_status', 'http.response.status_code', 'int');
alias('sentbyte,bytes_out,sent_bytes', 'source.bytes', 'int');
alias('rcvdbyte,bytes_in,received_bytes', 'destination.bytes', 'int');
alias('agent,user_agent,useragent', 'user_agent.original', 'str');
alias('pid', 'process.pid', 'int');
alias('severity,level,pri', 'log.level', 'str');

/**
 * key=value line → event (`event.dataset: kv`); common keys mapped to ECS, all kept in `raw`.
 * Time from `timestamp`/`time`/`ts`, or FortiGate-style `date=` + `time=`.
 */
export function parseKv(line: string, receivedAt: number): ParsedEvent {
  const { pairs, error } = splitKv(line);
  const count = Object.keys(pairs).length;
  const combined =
    pairs['date'] !== undefined && pairs['time'] !== undefined
      ? `${pairs['date']} ${pairs['time']}`
      : undefined;
  const timeValue =
    pairs['timestamp'] ??
    pairs['@timestamp'] ??
    combined ??
    pairs['time'] ??
    pairs['ts'] ??
    pairs['eventtime'];
  const event = newEvent(timeValue === undefined ? undefined : toIsoTime(timeValue), receivedAt);
  event.message = line;
  if (error !== undefined || count === 0) {
    event.parse_error = error ?? 'kv: no key=value pairs found';
    if (count > 0) event.raw = pairs;
    return event;
  }
  setField(event, 'event.kind', 'event');
  setField(event, 'event.module', 'kv');
  setField(event, 'event.dataset', 'kv');
  for (const [key, value] of Object.entries(pairs)) {
    const target = kvMap[key.toLowerCase()];
    if (target === undefined) continue;
    const [path, conv] = target;
    const v =
      conv === 'int'
        ? toInt(value)
        : conv === 'ip'
          ? isIp(value)
            ? value
            : undefined
          : conv === 'proto'
            ? transportName(value)
            : value;
    setField(event, path, v);
  }
  const outcome = (pairs['outcome'] ?? pairs['result'] ?? pairs['status'])?.toLowerCase();
  if (outcome !== undefined && /^(success|succeeded|ok|allow(ed)?|accept(ed)?|pass)$/.test(outcome))
    setField(event, 'event.outcome', 'success');
  if (
    outcome !== undefined &&
    /^(fail(ed|ure)?|deny|denied|block(ed)?|reject(ed)?|drop(ped)?|error)$/.test(outcome)
  )
    setField(event, 'event.outcome', 'failure');
  event.raw = pairs;
  addRelated(event);
  return event;
}
