import { MemberRow, type MemberPermissions } from './member-row.tsx';
import type { Member, RoleView } from './users-api.ts';

export function MembersTable(props: {
  readonly workspaceId: string;
  readonly members: readonly Member[];
  readonly roles: readonly RoleView[];
  readonly selfId: string | undefined;
  readonly may: MemberPermissions;
  readonly onChanged: () => void;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table members-table">
        <caption className="visually-hidden">Members of the workspace</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Status</th>
            <th scope="col">Roles</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {props.members.map((m) => (
            <MemberRow
              key={m.id}
              workspaceId={props.workspaceId}
              member={m}
              roles={props.roles}
              isSelf={m.id === props.selfId}
              may={props.may}
              onChanged={props.onChanged}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
