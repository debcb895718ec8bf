import type { ParsedEvent } from '../parsed-event.ts';
import { failedEvent, newEvent } from '../ecs/new-event.ts';
import { addRelated } from '../ecs/related.ts';
import { setField } from '../ecs/set-field.ts';
import { isIp, isRecord, str } from '../ecs/values.ts';

/** True for one CloudTrail record (not the `{"Records":[…]}` file wrapper). */
export function isCloudTrailRecord(obj: Record<string, unknown>): boolean {
  return 'eventSource' in obj && 'eventName' in obj && ('eventVersion' in obj || 'awsRegion' in obj);
}

/**
 * AWS CloudTrail record → ECS (`cloud.provider: aws`, `event.action` = eventName,
 * `event.provider` = eventSource, outcome from errorCode, identity → `user.*`).
 */
export function parseCloudTrail(obj: Record<string, unknown>, receivedAt: number): ParsedEvent {
  const records = obj['Records'];
  if (Array.isArray(records)) {
    return failedEvent(
      obj,
      receivedAt,
      `cloudtrail: a {"Records":[…]} file of ${records.length} records; split it with splitRecords`,
    );
  }
  const eventName = str(obj['eventName']);
  if (eventName === undefined) return failedEvent(obj, receivedAt, 'cloudtrail: eventName is missing');
  const event = newEvent(obj['eventTime'], receivedAt);
  const identity = isRecord(obj['userIdentity']) ? obj['userIdentity'] : {};
  const session = isRecord(identity['sessionContext']) ? identity['sessionContext'] : {};
  const issuer = isRecord(session['sessionIssuer']) ? session['sessionIssuer'] : {};
  const source = str(obj['eventSource']);
  setField(event, 'event.kind', 'event');
  setField(event, 'event.module', 'aws');
  setField(event, 'event.dataset', 'aws.cloudtrail');
  setField(event, 'event.action', eventName);
  setField(event, 'event.provider', source);
  setField(event, 'event.id', str(obj['eventID']));
  setField(event, 'event.category', categoryOf(eventName, source));
  setField(event, 'event.type', typeOf(eventName, obj['readOnly']));
  setField(event, 'event.outcome', outcomeOf(obj));
  setField(event, 'cloud.provider', 'aws');
  setField(event, 'cloud.region', str(obj['awsRegion']));
  setField(event, 'cloud.account.id', str(identity['accountId']) ?? str(obj['recipientAccountId']));
  setField(event, 'cloud.service.name', source?.replace(/\.amazonaws\.com$/, ''));
  const arn = str(identity['arn']);
  const userName =
    str(identity['userName']) ??
    str(issuer['userName']) ??
    (arn !== undefined ? arn.slice(arn.lastIndexOf('/') + 1) || undefined : undefined) ??
    str(identity['invokedBy']);
  setField(event, 'user.name', userName);
  setField(event, 'user.id', str(identity['principalId']));
  setField(event, 'aws.cloudtrail.user_identity.type', str(identity['type']));
  setField(event, 'aws.cloudtrail.user_identity.arn', arn);
  setField(event, 'aws.cloudtrail.user_identity.access_key_id', str(identity['accessKeyId']));
  const ip = str(obj['sourceIPAddress']);
  if (ip !== undefined) {
    if (isIp(ip)) setField(event, 'source.ip', ip);
    else {
      setField(event, 'source.address', ip);
      setField(event, 'source.domain', ip);
    }
  }
  setField(event, 'user_agent.original', str(obj['userAgent']));
  setField(event, 'error.code', str(obj['errorCode']));
  setField(event, 'error.message', str(obj['errorMessage']));
  const params = isRecord(obj['requestParameters']) ? obj['requestParameters'] : {};
  const target = str(params['userName']);
  if (target !== undefined && target !== userName) setField(event, 'user.target.name', target);
  event.raw = obj;
  addRelated(event);
  return event;
}

function outcomeOf(obj: Record<string, unknown>): string {
  if (str(obj['errorCode']) !== undefined) return 'failure';
  const response = obj['responseElements'];
  if (isRecord(response) && typeof response['ConsoleLogin'] === 'string') {
    return response['ConsoleLogin'] === 'Success' ? 'success' : 'failure';
  }
  return 'success';
}

function categoryOf(name: string, source: string | undefined): string[] {
  if (
    name === 'ConsoleLogin' ||
    name === 'GetSessionToken' ||
    name.startsWith('AssumeRole') ||
    name === 'GetFederationToken'
  ) {
    return ['authentication'];
  }
  if (source === 'iam.amazonaws.com' || source === 'sso.amazonaws.com') return ['iam'];
  return ['configuration'];
}

function typeOf(name: string, readOnly: unknown): string[] {
  if (/^(Create|Run|Put.*Policy$|Register|Import|Allocate|Add)/.test(name)) return ['creation'];
  if (/^(Delete|Terminate|Remove|Deregister|Release)/.test(name)) return ['deletion'];
  if (readOnly === true || /^(Get|List|Describe|Head|Lookup|Search)/.test(name)) return ['access'];
  if (name === 'ConsoleLogin' || name.startsWith('AssumeRole')) return ['start'];
  return ['change'];
}
