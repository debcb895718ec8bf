import { userError } from '@vigil/core';

/** Version of the profiling notice below; bump it when the text changes, so workspaces acknowledge again. */
export const PROFILING_NOTICE_VERSION = '2026-11-1';

export const PROFILING_NOTICE_TEXT =
  'User and entity behaviour analytics builds a profile of how each person in your logs usually behaves ' +
  '(sign-in times, hosts, volumes) to flag deviations. This is profiling of people: make sure you have a ' +
  'legal basis, have informed the people concerned (and, where required, your works council or data ' +
  'protection officer), and limit access to its results to those who need them.';

/** The recorded acknowledgement of one workspace (who, when, which text). */
export interface ProfilingAcknowledgement {
  workspaceId: string;
  acknowledgedBy: string;
  acknowledgedAt: number;
  textVersion: string;
}

/** A workspace as the profiling guard sees it: its id and its recorded acknowledgement, if any. */
export interface ProfilingSubject {
  id: string;
  profilingAcknowledgement?: ProfilingAcknowledgement | undefined;
}

/** True when the workspace acknowledged the current version of the notice. */
export function isProfilingAcknowledged(workspace: ProfilingSubject): boolean {
  const ack = workspace.profilingAcknowledgement;
  return (
    ack !== undefined && ack.workspaceId === workspace.id && ack.textVersion === PROFILING_NOTICE_VERSION
  );
}

/**
 * The guard every profiling feature (UEBA) must call before enabling or computing anything for a
 * workspace. Throws PROFILING_NOT_ACKNOWLEDGED (409) unless the current notice was acknowledged.
 * Example: `assertProfilingAcknowledged({ id: 'default', profilingAcknowledgement: await acks.get('default') })`.
 */
export function assertProfilingAcknowledged(workspace: ProfilingSubject): ProfilingAcknowledgement {
  const ack = workspace.profilingAcknowledgement;
  if (ack === undefined || !isProfilingAcknowledged(workspace)) {
    throw userError(
      'PROFILING_NOT_ACKNOWLEDGED',
      'Behaviour analytics needs a recorded acknowledgement of the current profiling notice for this workspace',
      {
        status: 409,
        details: {
          workspaceId: workspace.id,
          requiredVersion: PROFILING_NOTICE_VERSION,
          acknowledgedVersion: ack?.textVersion ?? null,
        },
      },
    );
  }
  return ack;
}
