import { DateTime } from '../admin/date-time.tsx';

/** An epoch-ms instant from the API in the reader's local time. */
export function EpochTime({ ms }: { readonly ms: number | undefined }) {
  return <DateTime iso={ms === undefined || ms === 0 ? undefined : new Date(ms).toISOString()} />;
}
