import { VigilError } from '@vigil/core';
import type { Alert, Attachment, Incident } from '@vigil/cases';
import {
  casePersonalData,
  pseudonymFor,
  pseudonymiseCaseDocument,
  type CasePersonalDataItem,
  type User,
} from '@vigil/identity';
import type { CasesStores } from '../alerts/cases-runtime.ts';

/** The account's part of alerts and incidents, for the personal-data view and export. */
export interface CasesPersonalData {
  items: CasePersonalDataItem[];
  /** Metadata of files the account attached (never the content). */
  attachments: Omit<Attachment, 'sha256'>[];
}

export interface CasesErasure {
  alertsPseudonymised: number;
  incidentsPseudonymised: number;
  attachmentsPseudonymised: number;
}

/** Personal data in cases data, across every workspace (the account may have lost its grants). */
export interface CasesPrivacy {
  collect(user: User): Promise<CasesPersonalData>;
  /**
   * Replaces the account's id (and `@username` mentions) with its pseudonym in alerts, incidents and
   * the `createdBy` of its attachments.
   */
  pseudonymise(user: User): Promise<CasesErasure>;
}

const PAGE = 1000;
const MAX_ATTEMPTS = 3;

async function* pages<T extends { id: string }>(
  list: (after: string | undefined) => Promise<T[]>,
): AsyncGenerator<T[]> {
  for (let after: string | undefined; ;) {
    const page = await list(after);
    if (page.length > 0) yield page;
    const last = page.at(-1);
    if (page.length < PAGE || last === undefined) return;
    after = last.id;
  }
}

const isVersionConflict = (e: unknown) => e instanceof VigilError && e.code === 'VERSION_CONFLICT';

/** Stores one rewritten document, re-reading it when a concurrent edit bumped its version. */
async function rewriteOne<T extends Alert | Incident>(
  doc: T,
  rewrite: (d: T) => T | undefined,
  repo: { get(ws: string, id: string): Promise<T | undefined>; updateMany(ws: string, d: T[]): Promise<T[]> },
): Promise<boolean> {
  let current: T | undefined = doc;
  for (let attempt = 1; current !== undefined; attempt++) {
    const next = rewrite(current);
    if (next === undefined) return false;
    try {
      await repo.updateMany(doc.workspace, [next]);
      return true;
    } catch (error) {
      if (!isVersionConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
      current = await repo.get(doc.workspace, doc.id);
    }
  }
  return false;
}

/** Cases privacy over the cases repositories, so it works on every store the repositories do. */
export function createCasesPrivacy(
  stores: () => CasesStores,
  workspaces: () => Promise<string[]>,
): CasesPrivacy {
  return {
    async collect(user) {
      const { alerts, incidents, attachments } = stores();
      const who = { userId: user.id, username: user.username };
      const userId = user.id;
      const out: CasesPersonalData = { items: [], attachments: [] };
      for (const ws of await workspaces()) {
        for await (const page of pages((after) =>
          alerts.list(ws, { limit: PAGE, ...(after === undefined ? {} : { after }) }),
        )) {
          for (const a of page) {
            const item = casePersonalData('alert', a, who);
            if (item) out.items.push(item);
          }
        }
        for await (const page of pages((after) =>
          incidents.list(ws, { limit: PAGE, ...(after === undefined ? {} : { after }) }),
        )) {
          for (const i of page) {
            const item = casePersonalData('incident', i, who);
            if (item) out.items.push(item);
          }
        }
      }
      // Uploads leave an `attachment_added` entry by the uploader: only those parents are listed.
      for (const item of out.items) {
        if (!item.entries.some((e) => e.action === 'attachment_added' && e.actor === userId)) continue;
        for (const att of await attachments.list(item.workspaceId, item.kind, item.id)) {
          if (att.createdBy !== userId) continue;
          const { sha256: _omitted, ...meta } = att;
          out.attachments.push(meta);
        }
      }
      return out;
    },

    async pseudonymise(user) {
      const { alerts, incidents, attachments } = stores();
      const who = { userId: user.id, username: user.username, pseudonym: pseudonymFor(user.id) };
      const result: CasesErasure = {
        alertsPseudonymised: 0,
        incidentsPseudonymised: 0,
        attachmentsPseudonymised: 0,
      };
      for (const ws of await workspaces()) {
        result.attachmentsPseudonymised += await attachments.reassignCreator(ws, user.id, who.pseudonym);
        for await (const page of pages((after) =>
          alerts.list(ws, { limit: PAGE, ...(after === undefined ? {} : { after }) }),
        )) {
          for (const a of page) {
            if (await rewriteOne(a, (d) => pseudonymiseCaseDocument(d, who), alerts))
              result.alertsPseudonymised++;
          }
        }
        for await (const page of pages((after) =>
          incidents.list(ws, { limit: PAGE, ...(after === undefined ? {} : { after }) }),
        )) {
          for (const i of page) {
            if (await rewriteOne(i, (d) => pseudonymiseCaseDocument(d, who), incidents))
              result.incidentsPseudonymised++;
          }
        }
      }
      return result;
    },
  };
}
