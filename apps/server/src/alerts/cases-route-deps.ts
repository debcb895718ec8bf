import type { MentionableMember } from '@vigil/cases';
import type { AuditTrail, SecretBox } from '@vigil/identity';

/** What the alert/incident routes take from the rest of the server besides the cases runtime. */
export interface CasesRouteDeps {
  /** Management actions (suppression edits, attachments) write their own audit records. */
  audit?: AuditTrail;
  /** Seals attachment content at rest (AES-256-GCM envelope under the master key); absent = uploads refused. */
  box?: SecretBox;
  /** Largest attachment accepted, bytes (config `cases.attachmentMaxBytes`). */
  attachmentMaxBytes?: number;
  /** Throws the rules' 404 for an unknown rule (rule alerting settings); absent = any rule id. */
  requireRule?: (workspace: string, ruleId: string) => Promise<void>;
  /** Workspace members, to resolve `@name` mentions in incident comments; absent = mentions stay text. */
  members?: (workspace: string) => Promise<MentionableMember[]>;
}
