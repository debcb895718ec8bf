import type { MetadataStore, StoredRecord } from '@vigil/core';

/**
 * A data space: a named event partition of a workspace with its own retention. Stored as metadata of
 * kind `data-space` with id = name. Records written by first-run set-up before this module carried
 * `{ name: 'Default', createdAt }`; they read as description = that name and the default retention.
 */
export interface DataSpace {
  name: string;
  description: string;
  retentionDays: number;
}

export const DATA_SPACE_KIND = 'data-space';
export const DATA_SPACE_NAME = /^[a-z0-9-]{1,64}$/;
export const DEFAULT_RETENTION_DAYS = 30;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

/** The data space a stored record describes, tolerating older shapes. */
export function readDataSpace(record: StoredRecord<Partial<DataSpace> & Record<string, unknown>>): DataSpace {
  const d = record.data;
  const days = d.retentionDays;
  const retentionDays =
    typeof days === 'number' &&
    Number.isInteger(days) &&
    days >= MIN_RETENTION_DAYS &&
    days <= MAX_RETENTION_DAYS
      ? days
      : DEFAULT_RETENTION_DAYS;
  const description =
    typeof d.description === 'string'
      ? d.description
      : typeof d.name === 'string' && d.name !== record.id
        ? d.name
        : '';
  return { name: record.id, description, retentionDays };
}

/** A data-space record as stored (older records may lack fields). */
export type StoredDataSpace = StoredRecord<Partial<DataSpace> & Record<string, unknown>>;

/** Every data space record of a workspace (pages through the repository). */
export async function listAll(metadata: MetadataStore, workspace: string): Promise<StoredDataSpace[]> {
  const repo = metadata.repository<Partial<DataSpace> & Record<string, unknown>>(DATA_SPACE_KIND);
  const out: StoredDataSpace[] = [];
  for (let after: string | undefined; ;) {
    const page = await repo.list(workspace, { limit: 1000, ...(after === undefined ? {} : { after }) });
    out.push(...page);
    if (page.length < 1000) return out;
    after = page[page.length - 1]?.id;
  }
}
