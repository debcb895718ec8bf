/** A machine-readable `<time>` showing the local wall-clock time. */
export function ClockTime({ at }: { readonly at: Date }) {
  return <time dateTime={at.toISOString()}>{at.toLocaleTimeString()}</time>;
}
