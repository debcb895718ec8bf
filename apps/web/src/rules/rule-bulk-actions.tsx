import { useId, useState } from 'react';
import { useAction } from '../admin/use-action.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import {
  bulkFilter,
  bulkSetEnabled,
  type BulkOutcome,
  type BulkTarget,
  type RuleFilters,
} from './rules-api.ts';

/**
 * Enables or disables the selected rules, or every rule the current filters select (after a
 * confirmation, since that may be thousands). The server applies each action all or nothing.
 */
export function RuleBulkActions({
  workspaceId,
  selected,
  filters,
  total,
  onDone,
}: {
  readonly workspaceId: string;
  readonly selected: readonly string[];
  readonly filters: RuleFilters;
  /** Rules matching the filters. */
  readonly total: number;
  readonly onDone: () => void;
}) {
  const headingId = useId();
  const { busy, error, run } = useAction();
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [confirming, setConfirming] = useState<boolean | null>(null);
  const filter = bulkFilter(filters);
  const byFilter = Object.keys(filter).length > 0;
  const apply = (enabled: boolean, target: BulkTarget) => {
    setConfirming(null);
    void run(async () => setOutcome(await bulkSetEnabled(workspaceId, enabled, target))).then((ok) => {
      if (ok) onDone();
    });
  };
  const verb = (enabled: boolean) => (enabled ? 'Enable' : 'Disable');
  return (
    <section className="card bulk-actions" aria-labelledby={headingId}>
      <h2 id={headingId}>Bulk actions</h2>
      <div className="form-actions">
        <span>{selected.length} selected:</span>
        {[true, false].map((enabled) => (
          <button
            key={`ids-${String(enabled)}`}
            type="button"
            className="button"
            disabled={busy || selected.length === 0}
            onClick={() => apply(enabled, { ids: selected })}
          >
            {verb(enabled)} selected
          </button>
        ))}
      </div>
      {byFilter && (
        <div className="form-actions">
          <span>All {total} matching the filters (status of &quot;Enabled&quot; aside):</span>
          {[true, false].map((enabled) => (
            <button
              key={`filter-${String(enabled)}`}
              type="button"
              className="button"
              disabled={busy || total === 0}
              onClick={() => setConfirming(enabled)}
            >
              {verb(enabled)} all matching
            </button>
          ))}
        </div>
      )}
      {confirming !== null && (
        <div role="alertdialog" aria-label="Confirm the bulk change" className="form-actions">
          <span>
            {verb(confirming)} every rule matching {JSON.stringify(filter)}?
          </span>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => apply(confirming, { filter })}
          >
            {verb(confirming)} them
          </button>
          <button type="button" className="button" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      )}
      <ErrorBanner error={error} />
      {outcome && (
        <p role="status" className="muted">
          {outcome.enabled ? 'Enabled' : 'Disabled'} {outcome.changed.length} of {outcome.selected} rules (
          {outcome.unchanged} already {outcome.enabled ? 'enabled' : 'disabled'}).
        </p>
      )}
    </section>
  );
}
