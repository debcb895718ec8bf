/** An instant in the reader's local time, with the exact ISO value for assistive tech and tooltips. */
export function DateTime({
  iso,
  empty = '—',
}: {
  readonly iso: string | undefined;
  readonly empty?: string;
}) {
  if (iso === undefined) return <span className="muted">{empty}</span>;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return <span>{iso}</span>;
  return (
    <time dateTime={iso} title={iso}>
      {new Date(ms).toLocaleString()}
    </time>
  );
}
