import { setField, type Doc } from '../ecs/set-field.ts';
import { isIp, toInt } from '../ecs/values.ts';

/** One recognised auth message pattern and the ECS fields it sets. */
export type Rule = { re: RegExp; apply: (doc: Doc, m: RegExpExecArray) => void };

/** Sets `event.category/type/action/outcome` (comma-separated lists for the arrays). */
export const cls = (doc: Doc, category: string, type: string, action: string, outcome?: string): void => {
  setField(doc, 'event.category', category.split(','));
  setField(doc, 'event.type', type.split(','));
  setField(doc, 'event.action', action);
  setField(doc, 'event.outcome', outcome);
};
/** Sets `source.ip` (or `source.domain` for a host name) and `source.port`. */
export const src = (doc: Doc, host: string | undefined, port?: string): void => {
  if (host === undefined) return;
  setField(doc, isIp(host) ? 'source.ip' : 'source.domain', host);
  setField(doc, 'source.port', toInt(port));
};

/** Runs the rules in order; true when one matched. */
export function applyRules(doc: Doc, rules: Rule[], msg: string): boolean {
  for (const rule of rules) {
    const m = rule.re.exec(msg);
    if (m) {
      rule.apply(doc, m);
      return true;
    }
  }
  return false;
}
