import type { Logsource } from '../parse/sigma-rule.ts';
import { windowsCategories, windowsServices } from './windows-logsources.ts';

/** Where a rule is evaluated: a route key (see routeKeys) and the field renames needed there. */
export interface RuleTarget {
  key: string;
  fieldMap?: Readonly<Record<string, string>>;
}

/** Route key of a non-Windows logsource: `ls:product|category|service`. */
export function logsourceKey(product = '', category = '', service = ''): string {
  return `ls:${product}|${category}|${service}`;
}

/**
 * Maps a rule's logsource to route keys. Windows categories become channel+EventID keys
 * (`w:<channel>:<id>`), services channel keys (`w:<channel>`), `product: windows` alone `w:*`.
 * `routed: false` means Vigil knows no event source for it (the rule loads but cannot fire).
 */
export function routeRule(ls: Logsource): { targets: RuleTarget[]; routed: boolean } {
  if (ls.product === 'windows') {
    if (ls.category !== undefined) {
      const cats = windowsCategories[ls.category];
      if (!cats) return { targets: [{ key: `w?category:${ls.category}` }], routed: false };
      const targets: RuleTarget[] = [];
      for (const t of cats) {
        for (const ch of t.channels) {
          for (const id of t.eventIds) {
            const target: RuleTarget = { key: `w:${ch}:${id}` };
            if (t.fieldMap) target.fieldMap = t.fieldMap;
            targets.push(target);
          }
        }
      }
      return { targets, routed: true };
    }
    if (ls.service !== undefined) {
      const channels = windowsServices[ls.service];
      if (!channels) return { targets: [{ key: `w?service:${ls.service}` }], routed: false };
      return { targets: channels.map((ch) => ({ key: `w:${ch}` })), routed: true };
    }
    return { targets: [{ key: 'w:*' }], routed: true };
  }
  return { targets: [{ key: logsourceKey(ls.product, ls.category, ls.service) }], routed: true };
}
