import type { ParsedEvent } from '../parsed-event.ts';
import { newEvent } from '../ecs/new-event.ts';
import { str } from '../ecs/values.ts';
import { applyWebAccess } from './web-event.ts';

const first = (obj: Record<string, unknown>, keys: string[]): string | undefined => {
  for (const k of keys) {
    const v = str(obj[k]);
    if (v !== undefined) return v;
  }
  return undefined;
};

/** True for nginx/Apache JSON access logs (`remote_addr` + `status`/`request`…). */
export function isAccessJson(obj: Record<string, unknown>): boolean {
  const client = ['remote_addr', 'client_ip', 'remote_ip', 'clientip'].some((k) => k in obj);
  const http = ['status', 'request', 'request_uri', 'request_method', 'status_code'].some((k) => k in obj);
  return client && http;
}

/** nginx `log_format json` style access record → ECS web event (`nginx.access`). */
export function parseAccessJson(obj: Record<string, unknown>, receivedAt: number): ParsedEvent {
  const time =
    obj['time_iso8601'] ??
    obj['@timestamp'] ??
    obj['timestamp'] ??
    obj['time'] ??
    obj['time_local'] ??
    obj['msec'];
  const event = newEvent(time, receivedAt);
  const request = first(obj, ['request']);
  const parts = request === undefined ? null : /^(\S+) (\S+)(?: (HTTP\/[\d.]+))?$/.exec(request);
  applyWebAccess(
    event,
    {
      client: first(obj, ['http_x_forwarded_for', 'remote_addr', 'client_ip', 'remote_ip', 'clientip']),
      user: first(obj, ['remote_user', 'user']),
      method: first(obj, ['request_method', 'method']) ?? parts?.[1],
      target: first(obj, ['request_uri', 'uri', 'path']) ?? parts?.[2],
      httpVersion: first(obj, ['server_protocol', 'protocol']) ?? parts?.[3],
      status: obj['status'] ?? obj['status_code'],
      bytes: obj['body_bytes_sent'] ?? obj['bytes_sent'] ?? obj['bytes'],
      referrer: first(obj, ['http_referer', 'http_referrer', 'referer', 'referrer']),
      userAgent: first(obj, ['http_user_agent', 'user_agent', 'agent']),
      host: first(obj, ['host', 'server_name', 'http_host']),
      durationSeconds: obj['request_time'],
    },
    'nginx.access',
  );
  event.raw = obj;
  return event;
}
