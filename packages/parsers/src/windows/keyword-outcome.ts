/** Security-log keywords: 0x8020… audit success, 0x8010… audit failure. */
export function keywordOutcome(keywords: unknown): 'success' | 'failure' | undefined {
  // NXLog writes the 64-bit mask as a signed decimal (rounded by JSON numbers).
  if (typeof keywords === 'number') {
    if (Math.abs(keywords - -9214364837600034816) < 1e4) return 'success';
    if (Math.abs(keywords - -9218868437227405312) < 1e4) return 'failure';
    return undefined;
  }
  if (typeof keywords !== 'string') return undefined;
  const k = keywords.toLowerCase();
  if (k.startsWith('0x802')) return 'success';
  if (k.startsWith('0x801')) return 'failure';
  return undefined;
}
