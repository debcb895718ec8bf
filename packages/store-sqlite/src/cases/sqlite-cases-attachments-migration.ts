import type { Migration } from '@vigil/core';

/**
 * Issue 5 follow-up: the detection ids the alert intake already processed (so a bus redelivery is not
 * counted twice; rows expire with the dedup window) and incident/alert attachments. Attachment content is
 * a sealed (AES-256-GCM envelope) string, never plaintext; the metadata the lists show is a JSON
 * document beside it. A rowid table, not WITHOUT ROWID: its rows are large.
 */
export const sqliteCasesAttachmentsMigration: Migration = {
  version: 6,
  name: 'cases-attachments-processed-detections',
  sql: `
      CREATE TABLE processed_detections (
        workspace TEXT NOT NULL,
        detection_id TEXT NOT NULL,
        until INTEGER NOT NULL,
        PRIMARY KEY (workspace, detection_id)
      ) WITHOUT ROWID;
      CREATE INDEX processed_detections_until ON processed_detections (workspace, until);
      CREATE TABLE case_attachments (
        workspace TEXT NOT NULL,
        id TEXT NOT NULL,
        parent_kind TEXT NOT NULL CHECK (parent_kind IN ('incident', 'alert')),
        parent_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        data TEXT NOT NULL,
        content TEXT NOT NULL
      );
      CREATE UNIQUE INDEX case_attachments_id ON case_attachments (workspace, id);
      CREATE INDEX case_attachments_parent ON case_attachments (workspace, parent_kind, parent_id, created_at);
    `,
};
