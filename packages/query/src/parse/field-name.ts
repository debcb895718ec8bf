import { FIELD_PATH_PATTERN } from '@vigil/core';
import { QUERY_LIMITS } from './query-limits.ts';

/**
 * Why a field name is not acceptable, or undefined when it is. Names are dotted ECS paths
 * (`process.parent.name`), `raw.<VendorField>` (`raw.EventID`) or `@timestamp`: core's
 * FIELD_PATH_PATTERN, which store adapters rely on to embed paths in JSON path expressions safely.
 */
export function fieldNameProblem(name: string): string | undefined {
  if (name.length > QUERY_LIMITS.maxFieldLength) {
    return `field name is longer than ${QUERY_LIMITS.maxFieldLength} characters`;
  }
  if (!FIELD_PATH_PATTERN.test(name)) {
    return `invalid field name ${JSON.stringify(name)}: use dotted names such as process.name, raw.EventID or @timestamp`;
  }
  return undefined;
}
