/** Shown when the address names a workspace the account holds no role in (the server refused it too). */
export function WorkspaceAccessDenied({ workspaceId }: { readonly workspaceId: string }) {
  return (
    <div className="empty-state" role="alert">
      <p className="empty-state-title">Access denied</p>
      <p>
        You have no role in the workspace <code>{workspaceId}</code>, so nothing of it can be shown. Choose
        one of your workspaces with the switcher, or ask its owner for access.
      </p>
    </div>
  );
}
