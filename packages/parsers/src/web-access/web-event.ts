import type { ParsedEvent } from '../parsed-event.ts';
import { addRelated } from '../ecs/related.ts';
import { setField } from '../ecs/set-field.ts';
import { isIp, toInt } from '../ecs/values.ts';

/** The normalised parts of one HTTP access record (text or JSON). */
export interface WebAccess {
  client?: string | undefined;
  user?: string | undefined;
  method?: string | undefined;
  target?: string | undefined;
  httpVersion?: string | undefined;
  status?: unknown;
  bytes?: unknown;
  referrer?: string | undefined;
  userAgent?: string | undefined;
  host?: string | undefined;
  durationSeconds?: unknown;
}

/** Sets the ECS web fields (`event.category: web`, `http.*`, `url.*`, `source.*`, `user_agent.*`). */
export function applyWebAccess(event: ParsedEvent, w: WebAccess, dataset: string): void {
  setField(event, 'event.kind', 'event');
  setField(event, 'event.category', ['web']);
  setField(event, 'event.type', ['access']);
  setField(event, 'event.dataset', dataset);
  setField(event, 'event.module', dataset.split('.')[0]);
  if (w.client !== undefined) {
    // X-Forwarded-For style lists: the first address is the client.
    const first = w.client.split(',')[0]?.trim() ?? '';
    setField(event, isIp(first) ? 'source.ip' : 'source.address', first);
    if (!isIp(first)) setField(event, 'source.domain', first);
  }
  setField(event, 'user.name', w.user);
  setField(event, 'http.request.method', w.method);
  setField(event, 'http.version', w.httpVersion?.replace(/^HTTP\//i, ''));
  if (w.target !== undefined && w.target !== '') {
    setField(event, 'url.original', w.target);
    const q = w.target.indexOf('?');
    const path = q >= 0 ? w.target.slice(0, q) : w.target;
    if (path.startsWith('/')) setField(event, 'url.path', path);
    if (q >= 0) setField(event, 'url.query', w.target.slice(q + 1));
    const dot = path.lastIndexOf('.');
    if (dot > path.lastIndexOf('/') && dot < path.length - 1)
      setField(event, 'url.extension', path.slice(dot + 1).toLowerCase());
  }
  const status = toInt(w.status);
  setField(event, 'http.response.status_code', status);
  setField(event, 'http.response.body.bytes', toInt(w.bytes));
  setField(event, 'http.request.referrer', w.referrer);
  setField(event, 'user_agent.original', w.userAgent);
  setField(event, 'url.domain', w.host);
  const seconds = typeof w.durationSeconds === 'string' ? Number(w.durationSeconds) : w.durationSeconds;
  if (typeof seconds === 'number' && Number.isFinite(seconds))
    setField(event, 'event.duration', Math.round(seconds * 1e9));
  if (status !== undefined) setField(event, 'event.outcome', status < 400 ? 'success' : 'failure');
  addRelated(event);
}
