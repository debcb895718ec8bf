/** What a valid ingest token is bound to: events it carries go to this workspace and data space. */
export interface IngestBinding {
  workspace: string;
  dataSpace: string;
  tokenId: string;
  /** The token's display name; the source of its events is named after it. */
  name: string;
}

/**
 * Checks a presented ingest token (`vigil_it_…`). Undefined for anything not valid: unknown,
 * malformed, revoked, expired, or not an ingest token. Never logs or returns the token.
 */
export interface IngestTokenVerifier {
  verify(presentedToken: string): Promise<IngestBinding | undefined>;
}
