import type { Problem } from '@vigil/core';
import { parseCorrelation } from '../correlation/index.ts';
import type { CorrelationRule } from '../correlation/index.ts';

/** The one hand-over point from the rule loader to the correlation parser (packages/sigma/src/correlation). */
export function parseCorrelationDocument(
  doc: Record<string, unknown>,
  where: string,
): { rule?: CorrelationRule; problems: Problem[] } {
  try {
    return parseCorrelation(doc, where);
  } catch (e) {
    return { problems: [{ where, message: `correlation parser failed: ${(e as Error).message}` }] };
  }
}
