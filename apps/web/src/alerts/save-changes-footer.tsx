import type { ApiError } from '../api/api-error.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';

/** The error of the last save and the submit button, disabled while saving or when nothing changed. */
export function SaveChangesFooter({
  error,
  busy,
  unchanged,
}: {
  readonly error: ApiError | null;
  readonly busy: boolean;
  readonly unchanged: boolean;
}) {
  return (
    <>
      <ErrorBanner error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || unchanged}>
          Save changes
        </button>
      </div>
    </>
  );
}
