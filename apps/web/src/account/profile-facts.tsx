import type { Me } from '../auth/parse-me.ts';

export function ProfileFacts({ me }: { readonly me: Me }) {
  return (
    <dl className="facts">
      <dt>Username</dt>
      <dd>{me.username}</dd>
      {me.displayName !== undefined && (
        <>
          <dt>Display name</dt>
          <dd>{me.displayName}</dd>
        </>
      )}
      {me.createdAt !== undefined && (
        <>
          <dt>Created</dt>
          <dd>
            <time dateTime={me.createdAt}>{new Date(me.createdAt).toLocaleString()}</time>
          </dd>
        </>
      )}
      <dt>Roles</dt>
      <dd>
        {me.grants.length === 0
          ? 'None yet: an administrator has to grant you a role.'
          : me.grants.map((g) => `${g.roleId} in ${g.workspaceId}`).join(', ')}
      </dd>
    </dl>
  );
}
