// Reads attachments as the attachment routes send them (apps/server/src/incidents/attachments.routes.ts).
import { obj, objects, str } from '../admin/parse.ts';

export interface AttachmentView {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: number;
  readonly createdBy: string;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function parseAttachment(v: unknown): AttachmentView | undefined {
  const a = obj(v);
  const id = str(a['id']);
  if (id === undefined) return undefined;
  return {
    id,
    name: str(a['name']) ?? id,
    contentType: str(a['contentType']) ?? 'application/octet-stream',
    size: num(a['size']),
    sha256: str(a['sha256']) ?? '',
    createdAt: num(a['createdAt']),
    createdBy: str(a['createdBy']) ?? '',
  };
}

export function parseAttachments(body: unknown): AttachmentView[] {
  return objects(obj(body)['attachments']).flatMap((a) => {
    const parsed = parseAttachment(a);
    return parsed === undefined ? [] : [parsed];
  });
}

/** `1536` → `1.5 KiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit] ?? 'GiB'}`;
}
