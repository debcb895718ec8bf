import type { Detection } from './detection-event.ts';

/**
 * Splits detections into bus messages of at most `maxItems` items and about `maxBytes` of JSON (a
 * NATS message must stay under 1 MB; one detection larger than that travels alone).
 */
export function chunkDetections(
  detections: readonly Detection[],
  maxItems: number,
  maxBytes: number,
): Detection[][] {
  const out: Detection[][] = [];
  let cur: Detection[] = [];
  let bytes = 0;
  for (const d of detections) {
    const size = JSON.stringify(d).length;
    if (cur.length > 0 && (cur.length >= maxItems || bytes + size > maxBytes)) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(d);
    bytes += size;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
