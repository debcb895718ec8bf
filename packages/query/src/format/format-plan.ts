import type { Aggregation, QueryPlan, Stage } from '../ast/query-plan.ts';
import { aggregationName } from '../parse/parse-field-ref.ts';
import { formatExpr } from './format-expr.ts';

/** Prints a plan as canonical query text (see formatExpr); parsing it gives the same plan. */
export function formatPlan(plan: QueryPlan): string {
  return [formatExpr(plan.search), ...plan.stages.map(formatStage)].join(' | ');
}

export function formatStage(stage: Stage): string {
  switch (stage.kind) {
    case 'where':
      return `where ${formatExpr(stage.expr)}`;
    case 'fields':
      return `fields ${stage.mode === 'drop' ? '- ' : ''}${stage.fields.join(', ')}`;
    case 'sort':
      return `sort ${stage.keys.map((k) => (k.order === 'desc' ? `${k.field} desc` : k.field)).join(', ')}`;
    case 'head':
      return `head ${stage.count}`;
    case 'stats':
      return `stats ${aggregations(stage.aggregations)}${stage.by.length > 0 ? ` by ${stage.by.join(', ')}` : ''}`;
    case 'timechart':
      return `timechart span=${stage.span} ${aggregations(stage.aggregations)}${stage.by === undefined ? '' : ` by ${stage.by}`}`;
    default: {
      const never: never = stage;
      throw new TypeError(`unknown stage ${JSON.stringify(never)}`);
    }
  }
}

function aggregations(list: readonly Aggregation[]): string {
  return list
    .map((a) => {
      const call = aggregationName(a.fn, a.field);
      return a.name === call ? call : `${call} as ${a.name}`;
    })
    .join(', ');
}
