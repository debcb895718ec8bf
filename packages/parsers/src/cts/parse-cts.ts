import type { ParsedEvent } from '../parsed-event.ts';
import { failedEvent, newEvent } from '../ecs/new-event.ts';
import { addRelated } from '../ecs/related.ts';
import { setField } from '../ecs/set-field.ts';
import { isIp, isRecord, str, toInt } from '../ecs/values.ts';

/** True for a Huawei Cloud CTS trace. */
export function isCtsTrace(obj: Record<string, unknown>): boolean {
  return 'trace_name' in obj && ('trace_id' in obj || 'service_type' in obj || 'trace_rating' in obj);
}

const ratingSeverity: Record<string, number> = { normal: 1, warning: 2, incident: 3 };

/**
 * Huawei Cloud CTS trace → ECS (`cloud.provider: huaweicloud`, `event.action` = trace_name,
 * `event.provider` = service_type, outcome from the HTTP `code`, `user.*` from `user{}`).
 */
export function parseCts(obj: Record<string, unknown>, receivedAt: number): ParsedEvent {
  const traceName = str(obj['trace_name']);
  if (traceName === undefined) return failedEvent(obj, receivedAt, 'cts: trace_name is missing');
  const event = newEvent(obj['time'] ?? obj['record_time'], receivedAt);
  const user = isRecord(obj['user']) ? obj['user'] : {};
  const domain = isRecord(user['domain']) ? user['domain'] : {};
  const service = str(obj['service_type']);
  const rating = str(obj['trace_rating'])?.toLowerCase();
  setField(event, 'event.kind', 'event');
  setField(event, 'event.module', 'huaweicloud');
  setField(event, 'event.dataset', 'huaweicloud.cts');
  setField(event, 'event.action', traceName);
  setField(event, 'event.provider', service);
  setField(event, 'event.id', str(obj['trace_id']));
  setField(event, 'event.severity', rating === undefined ? undefined : ratingSeverity[rating]);
  setField(
    event,
    'event.category',
    /login|logout|auth/i.test(traceName)
      ? ['authentication']
      : service === 'IAM'
        ? ['iam']
        : ['configuration'],
  );
  setField(event, 'event.type', typeOf(traceName));
  const code = toInt(obj['code']);
  if (code !== undefined) setField(event, 'event.outcome', code < 400 ? 'success' : 'failure');
  setField(event, 'http.response.status_code', code);
  setField(event, 'cloud.provider', 'huaweicloud');
  setField(event, 'cloud.service.name', service);
  setField(event, 'cloud.region', str(obj['region_id']) ?? str(obj['region']));
  setField(event, 'cloud.account.id', str(domain['id']));
  setField(event, 'cloud.account.name', str(domain['name']));
  setField(event, 'cloud.project.id', str(obj['project_id']));
  setField(event, 'user.name', str(user['name']));
  setField(event, 'user.id', str(user['id']));
  setField(event, 'user.domain', str(domain['name']));
  const ip = str(obj['source_ip']);
  if (ip !== undefined) setField(event, isIp(ip) ? 'source.ip' : 'source.address', ip);
  setField(event, 'user_agent.original', str(obj['user_agent']));
  setField(event, 'huaweicloud.cts.trace_type', str(obj['trace_type']));
  setField(event, 'huaweicloud.cts.trace_rating', rating);
  setField(event, 'huaweicloud.cts.resource.type', str(obj['resource_type']));
  setField(event, 'huaweicloud.cts.resource.name', str(obj['resource_name']));
  setField(event, 'huaweicloud.cts.resource.id', str(obj['resource_id']));
  setField(event, 'huaweicloud.cts.api_version', str(obj['api_version']));
  setField(event, 'event.reason', str(obj['message']));
  event.raw = obj;
  addRelated(event);
  return event;
}

function typeOf(name: string): string[] {
  const n = name.toLowerCase();
  if (/^(create|add|register|attach|bind|import)/.test(n)) return ['creation'];
  if (/^(delete|remove|detach|unbind|terminate)/.test(n)) return ['deletion'];
  if (/^(login|logout)/.test(n)) return [n.startsWith('login') ? 'start' : 'end'];
  if (/^(get|list|show|query|describe)/.test(n)) return ['access'];
  return ['change'];
}
