/** A workspace member a mention can name. */
export interface MentionableMember {
  id: string;
  username: string;
  displayName?: string;
}

export interface ResolvedMentions {
  /** Members named, once each, in the order first mentioned. */
  members: { userId: string; username: string }[];
  /** Names that match no member: left as plain text. */
  unknown: string[];
}

/** Mentions per comment that notify anyone; more is shouting at the whole team. */
export const MAX_MENTIONS = 20;

/** Case- and width-insensitive, like account names (`Ana` = `ana` = `Ａｎａ`). */
const nameKey = (name: string) => name.normalize('NFKC').trim().toLowerCase();

/**
 * `@name` mentions of a comment: at the start or after whitespace, letters, digits and `._-`, a
 * trailing dot dropped (end of a sentence). Example: `commentMentions('ask @ana and @bob.')` → `['ana', 'bob']`.
 */
export function commentMentions(text: string): string[] {
  const names = [...text.matchAll(/(?:^|\s)@([\p{L}\p{N}._-]{1,64})/gu)].map((m) =>
    (m[1] ?? '').replace(/\.+$/, ''),
  );
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = nameKey(n);
    if (n === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Matches mentioned names to workspace members by username (not display name: those are not unique).
 * Example: `resolveMentions(['Ana', 'zed'], members)` → `{ members: [{ userId: 'u1', username: 'ana' }], unknown: ['zed'] }`.
 */
export function resolveMentions(
  names: readonly string[],
  members: readonly MentionableMember[],
): ResolvedMentions {
  const byName = new Map(members.map((m) => [nameKey(m.username), m]));
  const out: ResolvedMentions = { members: [], unknown: [] };
  for (const name of names) {
    const member = byName.get(nameKey(name));
    if (member === undefined) out.unknown.push(name);
    else if (!out.members.some((m) => m.userId === member.id) && out.members.length < MAX_MENTIONS) {
      out.members.push({ userId: member.id, username: member.username });
    }
  }
  return out;
}
