/** Shown instead of an admin page the account may not use; the server would refuse it too. */
export function AccessDenied({
  what,
  permissions,
}: {
  readonly what: string;
  readonly permissions: readonly string[];
}) {
  return (
    <div className="empty-state" role="alert">
      <p className="empty-state-title">Access denied</p>
      <p>
        {what} needs{' '}
        {permissions.map((p, i) => (
          <span key={p}>
            {i > 0 && ' or '}
            <code>{p}</code>
          </span>
        ))}{' '}
        in this workspace, and your roles do not include it. Ask the workspace owner if you need access.
      </p>
    </div>
  );
}
