import { ClockTime } from './clock-time.tsx';

export function UnreachableBanner({ lastContactAt }: { readonly lastContactAt: Date | null }) {
  return (
    <div className="banner banner-error" role="alert">
      <p className="banner-title">Cannot reach the Vigil server.</p>
      <p>
        The console keeps retrying.{' '}
        {lastContactAt ? (
          <>
            Last contact at <ClockTime at={lastContactAt} />.
          </>
        ) : (
          'It has not answered since this page was opened.'
        )}
      </p>
    </div>
  );
}
