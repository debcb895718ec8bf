import { useEffect } from 'react';
import { useSession } from '../auth/session-store.ts';
import { ChangePasswordForm } from './change-password-form.tsx';
import { MfaEnrolment } from './mfa-enrolment.tsx';
import { ProfileFacts } from './profile-facts.tsx';
import { PersonalDataSection } from '../privacy/personal-data-section.tsx';

/** The signed-in account: profile, password change, two-factor authentication, personal data. */
export function AccountPage() {
  const session = useSession();
  // `/account#password` from the user menu: bring that section into view.
  useEffect(() => {
    const target = window.location.hash.slice(1);
    if (target === 'password' || target === 'personal-data')
      document.getElementById(target)?.scrollIntoView();
  }, []);
  if (session.status !== 'signed-in') return null;
  const { me } = session;
  return (
    <>
      <div className="page-header">
        <h1>Account</h1>
      </div>
      {me.mustChangePassword && (
        <div className="banner banner-error" role="alert">
          <p>An administrator asked you to choose a new password before continuing.</p>
        </div>
      )}
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <ProfileFacts me={me} />
      </section>
      <section className="card" id="password" aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <ChangePasswordForm username={me.username} />
      </section>
      <section className="card" aria-labelledby="mfa-heading">
        <h2 id="mfa-heading">Two-factor authentication</h2>
        {me.mfaEnrolled ? (
          <p>Two-factor authentication is on: sign-in asks for a code from your authenticator app.</p>
        ) : (
          <MfaEnrolment />
        )}
      </section>
      <PersonalDataSection />
    </>
  );
}
