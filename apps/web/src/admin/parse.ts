// Small readers for API answers: a field of the wrong type reads as absent instead of breaking a page.

export type Json = Readonly<Record<string, unknown>>;

export const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
export const objects = (v: unknown): Json[] =>
  Array.isArray(v) ? (v as unknown[]).filter((o) => typeof o === 'object' && o !== null).map(obj) : [];
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
export const strs = (v: unknown): string[] =>
  Array.isArray(v) ? (v as unknown[]).filter((s): s is string => typeof s === 'string') : [];
