import type { Migration } from '@vigil/core';

/**
 * Issue 5 follow-up: the detection ids the alert intake already processed (so a bus redelivery is not
 * counted twice; rows expire with the dedup window) and incident/alert attachments, whose content is a
 * sealed (AES-256-GCM envelope) string, never plaintext. Row-level security as on the other cases tables.
 */
export const pgCasesAttachmentsMigration: Migration = {
  version: 8,
  name: 'cases-attachments-processed-detections',
  sql: `
    CREATE TABLE processed_detections (
      workspace text COLLATE "C" NOT NULL,
      detection_id text COLLATE "C" NOT NULL,
      until bigint NOT NULL,
      PRIMARY KEY (workspace, detection_id)
    );
    CREATE INDEX processed_detections_until ON processed_detections (workspace, until);
    CREATE TABLE case_attachments (
      workspace text COLLATE "C" NOT NULL,
      id text COLLATE "C" NOT NULL,
      parent_kind text NOT NULL CHECK (parent_kind IN ('incident', 'alert')),
      parent_id text COLLATE "C" NOT NULL,
      created_at bigint NOT NULL,
      data text NOT NULL,
      content text NOT NULL,
      PRIMARY KEY (workspace, id)
    );
    CREATE INDEX case_attachments_parent ON case_attachments (workspace, parent_kind, parent_id, created_at);
    ALTER TABLE processed_detections ENABLE ROW LEVEL SECURITY;
    CREATE POLICY processed_detections_workspace_isolation ON processed_detections
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE processed_detections FORCE ROW LEVEL SECURITY;
    ALTER TABLE case_attachments ENABLE ROW LEVEL SECURITY;
    CREATE POLICY case_attachments_workspace_isolation ON case_attachments
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE case_attachments FORCE ROW LEVEL SECURITY;
  `,
};
