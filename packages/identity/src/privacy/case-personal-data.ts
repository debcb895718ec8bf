/**
 * Personal data of an account holder inside alerts and incidents (issue 5 cases data): the owner field,
 * activity entries (actor, mentioned ids, owner changes) and comment texts. Structural types so this
 * package needs nothing from @vigil/cases.
 */
export interface CaseActivityEntryLike {
  at: number;
  actor: string;
  action: string;
  field?: string;
  before?: unknown;
  after?: unknown;
  note?: string;
}

/** An alert (`activity`) or incident (`timeline`) as far as personal data goes. */
export interface CaseDocumentLike {
  id: string;
  workspace: string;
  title: string;
  owner?: string;
  activity?: readonly CaseActivityEntryLike[];
  timeline?: readonly CaseActivityEntryLike[];
}

/** What the export shows of one alert or incident the user owns or acted on. */
export interface CasePersonalDataItem {
  kind: 'alert' | 'incident';
  workspaceId: string;
  id: string;
  title: string;
  owner: boolean;
  /** The user's own entries (comments included, action `commented`) and entries mentioning them. */
  entries: CaseActivityEntryLike[];
}

const entriesOf = (doc: CaseDocumentLike) => doc.activity ?? doc.timeline ?? [];

/** The account as cases data may name it: the owner field is free text, often the username. */
export interface CasePerson {
  userId: string;
  username: string;
}

const mentions = (e: CaseActivityEntryLike, userId: string) =>
  e.field === 'mentions' && Array.isArray(e.after) && e.after.includes(userId);

const names = (value: unknown, who: CasePerson) =>
  value === who.userId || (who.username !== '' && value === who.username);

/**
 * The part of a case document about `userId`, or undefined when there is none.
 * Example: an incident with a comment by `u1` → `{ kind: 'incident', owner: false, entries: [{ action: 'commented', … }] }`.
 */
export function casePersonalData(
  kind: 'alert' | 'incident',
  doc: CaseDocumentLike,
  who: CasePerson,
): CasePersonalDataItem | undefined {
  const entries = entriesOf(doc).filter(
    (e) =>
      e.actor === who.userId ||
      mentions(e, who.userId) ||
      (e.field === 'owner' && (names(e.before, who) || names(e.after, who))),
  );
  const owner = names(doc.owner, who);
  if (!owner && entries.length === 0) return undefined;
  return { kind, workspaceId: doc.workspace, id: doc.id, title: doc.title, owner, entries };
}

const swap = (value: unknown, who: CasePerson, pseudonym: string): unknown => {
  if (names(value, who)) return pseudonym;
  if (Array.isArray(value)) return value.map((v) => (names(v, who) ? pseudonym : v) as unknown);
  return value;
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A case document with the account's id replaced by its pseudonym everywhere it names a person (owner,
 * actors, owner changes, mention lists) and `@username` mentions in comment texts replaced by `@pseudonym`.
 * Returns undefined when nothing referred to the account, so callers write only what changed.
 */
export function pseudonymiseCaseDocument<T extends CaseDocumentLike>(
  doc: T,
  who: CasePerson & { pseudonym: string },
): T | undefined {
  const { userId, pseudonym } = who;
  // Whole-word mentions only: `@ana` but not `@anabel` or an e-mail address.
  const mention = new RegExp(`(^|\\s)@${escapeRegExp(who.username)}(?![\\p{L}\\p{N}_-])`, 'gu');
  let changed = false;
  const rewrite = (e: CaseActivityEntryLike): CaseActivityEntryLike => {
    const next: CaseActivityEntryLike = { ...e, actor: e.actor === userId ? pseudonym : e.actor };
    // Only person-valued fields: an `after` of a title change equal to a username is not a person.
    const personal = e.field === 'owner' || e.field === 'mentions';
    if (personal && 'before' in e) next.before = swap(e.before, who, pseudonym);
    if (personal && 'after' in e) next.after = swap(e.after, who, pseudonym);
    if (e.note !== undefined && who.username !== '') next.note = e.note.replace(mention, `$1@${pseudonym}`);
    if (JSON.stringify(next) !== JSON.stringify(e)) changed = true;
    return next;
  };
  const out: T = { ...doc };
  if (names(doc.owner, who)) {
    out.owner = pseudonym;
    changed = true;
  }
  if (doc.activity !== undefined) out.activity = doc.activity.map(rewrite);
  if (doc.timeline !== undefined) out.timeline = doc.timeline.map(rewrite);
  return changed ? out : undefined;
}
