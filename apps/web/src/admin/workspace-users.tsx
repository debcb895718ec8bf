import { ErrorBanner } from '../shell/error-banner.tsx';
import { mayIn, type Access } from './access.ts';
import { CreateUserForm } from './create-user-form.tsx';
import { MembersTable } from './members-table.tsx';
import { RolesSection } from './roles-section.tsx';
import { GroupsSection } from './groups-section.tsx';
import { listGroups } from './groups-api.ts';
import { useLoad } from './use-load.ts';
import { listMembers, listRoles } from './users-api.ts';

/** Members and roles of one workspace, with the controls the account's permissions allow. */
export function WorkspaceUsers({
  workspaceId,
  access,
}: {
  readonly workspaceId: string;
  readonly access: Access;
}) {
  const { state, reload } = useLoad(workspaceId, async (signal) => {
    const [members, roles, groups] = await Promise.all([
      listMembers(workspaceId, signal),
      listRoles(workspaceId, signal),
      listGroups(workspaceId, signal),
    ]);
    return { members, roles, groups };
  });
  if (state.status === 'loading') return <p role="status">Loading members, groups and roles…</p>;
  if (state.status === 'failed') return <ErrorBanner error={state.error} />;
  const { members, roles, groups } = state.data;
  const may = {
    manageUsers: mayIn(access, workspaceId, 'users.manage'),
    manageRoles: mayIn(access, workspaceId, 'roles.manage'),
  };
  return (
    <>
      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {may.manageUsers && (
          <CreateUserForm
            workspaceId={workspaceId}
            roles={roles}
            canGrant={may.manageRoles}
            onCreated={reload}
          />
        )}
        <MembersTable
          workspaceId={workspaceId}
          members={members}
          roles={roles}
          selfId={access.userId}
          may={may}
          onChanged={reload}
        />
      </section>
      <GroupsSection
        workspaceId={workspaceId}
        groups={groups}
        roles={roles}
        members={members}
        canManage={may.manageRoles}
        onChanged={reload}
      />
      <RolesSection
        workspaceId={workspaceId}
        roles={roles}
        members={members}
        canManage={may.manageRoles}
        onChanged={reload}
      />
    </>
  );
}
