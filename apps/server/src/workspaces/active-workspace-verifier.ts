import type { IngestTokenVerifier } from '@vigil/ingest';
import { workspaceWriteRefusal, type WorkspaceStore } from '@vigil/identity';

/**
 * Ingest is a write: a valid token of an archived (or deletion-scheduled) workspace gets a clear 409
 * WORKSPACE_ARCHIVED instead of events silently landing in a read-only workspace.
 */
export function activeWorkspaceVerifier(
  verifier: IngestTokenVerifier,
  workspaces: WorkspaceStore,
): IngestTokenVerifier {
  return {
    async verify(presentedToken) {
      const binding = await verifier.verify(presentedToken);
      if (!binding) return undefined;
      const refusal = workspaceWriteRefusal(await workspaces.get(binding.workspace));
      if (refusal) throw refusal;
      return binding;
    },
  };
}
