import { useMemo, useState } from 'react';
import { PermissionGate } from '../admin/permission-gate.tsx';
import { useLoad } from '../admin/use-load.ts';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { redirectIfSignedOut } from '../auth/redirect-if-signed-out.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { BundleImport, BundleUploadForm } from './bundle-import.tsx';
import {
  coverageStates,
  downloadNavigatorLayer,
  getCoverage,
  NOT_IMPORTED,
  STATE_LABELS,
  type Coverage,
} from './coverage-api.ts';
import { matrixColumns, platformsOf, type CoverageFilter } from './coverage-filter.ts';
import { CoverageMatrix } from './coverage-matrix.tsx';
import { CoverageToolbar } from './coverage-toolbar.tsx';
import { TechniqueDetails } from './technique-details.tsx';
import './coverage.css';

const NO_FILTER: CoverageFilter = { platform: '', state: '', subtechniques: false };

/** `/detection/coverage`: the workspace's rules over the ATT&CK Enterprise matrix. */
export function CoveragePage({ workspaceId }: { readonly workspaceId: string }) {
  return (
    <>
      <div className="page-header">
        <h1>ATT&amp;CK coverage</h1>
      </div>
      <PermissionGate workspaceId={workspaceId} what="Reading ATT&CK coverage" permissions={['rules.read']}>
        {(access) => (
          <CoverageLoader workspaceId={workspaceId} mayImport={access.platform.has('system.settings')} />
        )}
      </PermissionGate>
    </>
  );
}

function CoverageLoader({
  workspaceId,
  mayImport,
}: {
  readonly workspaceId: string;
  readonly mayImport: boolean;
}) {
  const [days, setDays] = useState(7);
  const { state, reload } = useLoad(`${workspaceId} ${days}`, (signal) =>
    getCoverage(workspaceId, days, signal),
  );
  if (state.status === 'loading') return <p role="status">Loading coverage…</p>;
  if (state.status === 'failed') {
    if (state.error.code === NOT_IMPORTED)
      return <BundleImport message={state.error.message} mayImport={mayImport} onImported={reload} />;
    return <ErrorBanner error={state.error} />;
  }
  return (
    <>
      <CoverageView workspaceId={workspaceId} coverage={state.data} days={days} onDays={setDays} />
      {mayImport && (
        <details className="card coverage-reimport">
          <summary>Replace the ATT&amp;CK bundle (new ATT&amp;CK release)</summary>
          <BundleUploadForm onImported={reload} />
        </details>
      )}
    </>
  );
}

function CoverageView({
  workspaceId,
  coverage,
  days,
  onDays,
}: {
  readonly workspaceId: string;
  readonly coverage: Coverage;
  readonly days: number;
  readonly onDays: (days: number) => void;
}) {
  const [filter, setFilter] = useState<CoverageFilter>(NO_FILTER);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const columns = useMemo(() => matrixColumns(coverage, filter), [coverage, filter]);
  const platforms = useMemo(() => platformsOf(coverage), [coverage]);
  const technique = coverage.techniques.find((t) => t.id === selected);

  async function exportLayer() {
    setExporting(true);
    setExportError(null);
    try {
      await downloadNavigatorLayer(workspaceId, days);
    } catch (e) {
      const err = asApiError(e);
      if (!redirectIfSignedOut(err)) setExportError(err);
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <section className="card coverage-summary" aria-label="Coverage summary">
        <ul className="coverage-legend" aria-label="Techniques by state">
          {coverageStates.map((s) => (
            <li key={s} data-state={s}>
              <span className={`coverage-swatch state-${s}`} aria-hidden="true" /> {STATE_LABELS[s]}:{' '}
              <strong>{coverage.counts[s]}</strong>
            </li>
          ))}
        </ul>
        <p className="muted small">
          ATT&amp;CK{coverage.attackVersion === undefined ? '' : ` ${coverage.attackVersion}`} bundle of{' '}
          {coverage.matrixModified?.slice(0, 10) ?? 'unknown date'}; data counts as seen when detection had an
          event for the rule&apos;s logsource in the last {coverage.windowDays} days.
          {coverage.untaggedRules > 0 && ` ${coverage.untaggedRules} rule(s) carry no technique tag.`}
          {coverage.unknownTechniques.length > 0 &&
            ` Tags naming techniques not in the matrix: ${coverage.unknownTechniques.join(', ')}.`}
        </p>
        <div className="form-actions">
          <button type="button" className="button" disabled={exporting} onClick={() => void exportLayer()}>
            {exporting ? 'Exporting…' : 'Export Navigator layer'}
          </button>
          {exportError && (
            <span role="alert" className="inline-error">
              Export failed: {exportError.message}
            </span>
          )}
        </div>
      </section>
      <CoverageToolbar
        filter={filter}
        platforms={platforms}
        days={days}
        onFilter={setFilter}
        onDays={onDays}
      />
      {technique && (
        <TechniqueDetails
          workspaceId={workspaceId}
          technique={technique}
          windowDays={coverage.windowDays}
          onClose={() => setSelected(undefined)}
        />
      )}
      <CoverageMatrix columns={columns} selected={selected} onSelect={setSelected} />
    </>
  );
}
