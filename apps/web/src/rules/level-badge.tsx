const CLASS: Readonly<Record<string, string>> = {
  critical: 'badge badge-error',
  high: 'badge badge-error',
  medium: 'badge badge-unknown',
};

/** A rule's Sigma level. */
export function LevelBadge({ level }: { readonly level: string | undefined }) {
  if (level === undefined) return <span className="muted">—</span>;
  return <span className={CLASS[level] ?? 'badge badge-ok'}>{level}</span>;
}
