import { useState } from 'react';
import { useAction } from '../admin/use-action.ts';
import { setRuleEnabled, type RuleSummary } from './rules-api.ts';

/** A switch that enables or disables a rule in the workspace; the server's refusal is shown beside it. */
export function EnableToggle({
  workspaceId,
  rule,
  disabled,
  onChanged,
}: {
  readonly workspaceId: string;
  readonly rule: Pick<RuleSummary, 'id' | 'title' | 'enabled'>;
  readonly disabled: boolean;
  readonly onChanged: () => void;
}) {
  const { busy, error, run } = useAction();
  const [enabled, setEnabled] = useState(rule.enabled);
  const toggle = () => {
    const wanted = !enabled;
    void run(() => setRuleEnabled(workspaceId, rule.id, wanted)).then((ok) => {
      if (!ok) return;
      setEnabled(wanted);
      onChanged();
    });
  };
  return (
    <span className="enable-toggle">
      <button
        type="button"
        role="switch"
        className={enabled ? 'button toggle toggle-on' : 'button toggle'}
        aria-checked={enabled}
        aria-label={`Enabled: ${rule.title}`}
        disabled={disabled || busy}
        onClick={toggle}
      >
        {enabled ? 'On' : 'Off'}
      </button>
      {error && (
        <span role="alert" className="inline-error">
          {error.message}
        </span>
      )}
    </span>
  );
}
