/** Entity keys (`host:ws01`) as a compact list; more than `max` are counted. */
export function EntityKeys({ keys, max = 3 }: { readonly keys: readonly string[]; readonly max?: number }) {
  if (keys.length === 0) return <span className="muted">—</span>;
  const shown = keys.slice(0, max);
  return (
    <ul className="inline-list">
      {shown.map((k) => (
        <li key={k}>
          <code>{k}</code>
        </li>
      ))}
      {keys.length > max && <li className="muted">+{keys.length - max} more</li>}
    </ul>
  );
}
