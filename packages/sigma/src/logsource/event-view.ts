/**
 * The flat field view of an event that rules are evaluated against. Windows events arrive in three
 * shapes (evtx-rs JSON, Winlogbeat/ECS, flat); Vigil events carry vendor fields in `raw`. `fields`
 * holds vendor-named fields (EventData flattened, System fields exposed); `doc` is the original
 * document for dotted paths (`userIdentity.arn`) and the ECS fallback mapping.
 */
export interface EventView {
  fields: Record<string, unknown>;
  doc: Record<string, unknown>;
  /** True when `doc` may hold ECS fields worth consulting for fields missing from `fields`. */
  ecs: boolean;
  /** Keyword search text, computed once per event when a rule needs it. */
  keywords?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** `{"#text": x}` → x (evtx-rs renders elements with attributes that way). */
function unwrap(v: unknown): unknown {
  if (isRecord(v) && '#text' in v) return v['#text'];
  return v;
}

function attr(v: unknown, name: string): unknown {
  if (!isRecord(v)) return undefined;
  const a = v['#attributes'];
  return isRecord(a) ? a[name] : undefined;
}

function flattenData(data: unknown, out: Record<string, unknown>): void {
  if (!isRecord(data)) {
    if (data !== undefined && data !== null && !('Data' in out)) out['Data'] = data;
    return;
  }
  for (const [k, v] of Object.entries(data)) {
    if (k === '#attributes') continue;
    if (k === 'Data' && Array.isArray(v)) {
      const unnamed: unknown[] = [];
      for (const d of v) {
        const name = attr(d, 'Name');
        if (typeof name === 'string') out[name] = unwrap(isRecord(d) ? (d['#text'] ?? null) : d);
        else unnamed.push(unwrap(d));
      }
      if (unnamed.length > 0) out['Data'] = unnamed;
    } else out[k] = unwrap(v);
  }
}

/** Defender and others name EventData fields with spaces (`Threat Name`); Sigma uses `ThreatName`. */
function addCompactNames(out: Record<string, unknown>): void {
  for (const k of Object.keys(out)) {
    if (k.includes(' ')) {
      const compact = k.replace(/ /g, '');
      if (!(compact in out)) out[compact] = out[k];
    }
  }
}

/** evtx-rs `{Event: {System, EventData|UserData}}` → flat fields. */
function fromEvtx(ev: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  flattenData(ev['EventData'], out);
  const userData = ev['UserData'];
  if (isRecord(userData)) for (const inner of Object.values(userData)) flattenData(inner, out);
  addCompactNames(out);
  const sys = ev['System'];
  if (isRecord(sys)) {
    const set = (k: string, v: unknown): void => {
      if (v !== undefined && !(k in out)) out[k] = v;
    };
    out['EventID'] = unwrap(sys['EventID']);
    out['Channel'] = sys['Channel'];
    set('Computer', sys['Computer']);
    set('Provider_Name', attr(sys['Provider'], 'Name'));
    set('Provider_Guid', attr(sys['Provider'], 'Guid'));
    set('TimeCreated', attr(sys['TimeCreated'], 'SystemTime'));
    for (const k of ['Version', 'Level', 'Task', 'Opcode', 'Keywords', 'EventRecordID'])
      set(k, unwrap(sys[k]));
    set('Security_UserID', attr(sys['Security'], 'UserID'));
    set('Execution_ProcessID', attr(sys['Execution'], 'ProcessID'));
  }
  return out;
}

/** Winlogbeat/ECS `winlog.*` → flat fields. */
function fromWinlog(winlog: Record<string, unknown>, base: Record<string, unknown>): Record<string, unknown> {
  const out = base;
  flattenData(winlog['event_data'], out);
  const userData = winlog['user_data'];
  if (isRecord(userData)) flattenData(userData, out);
  addCompactNames(out);
  const set = (k: string, v: unknown): void => {
    if (v !== undefined && v !== null && out[k] === undefined) out[k] = v;
  };
  set('EventID', winlog['event_id']);
  set('Channel', winlog['channel']);
  set('Computer', winlog['computer_name']);
  set('Provider_Name', winlog['provider_name']);
  set('EventRecordID', winlog['record_id']);
  return out;
}

/** Normalises any supported event shape into a flat view; `undefined` for a non-object. */
export function eventView(event: unknown): EventView | undefined {
  if (!isRecord(event)) return undefined;
  const ev = event['Event'];
  if (isRecord(ev) && isRecord(ev['System'])) return { fields: fromEvtx(ev), doc: event, ecs: false };
  const raw = event['raw'];
  const winlog = event['winlog'];
  if (isRecord(raw)) {
    let fields = eventView(raw)?.fields ?? {};
    if (isRecord(winlog)) {
      if (fields === raw) fields = { ...raw };
      fromWinlog({ ...winlog, event_data: undefined, user_data: undefined }, fields);
    }
    return { fields, doc: event, ecs: true };
  }
  if (isRecord(winlog)) return { fields: fromWinlog(winlog, {}), doc: event, ecs: true };
  return { fields: event, doc: event, ecs: isRecord(event['event']) };
}
