import { attachmentTypeMismatch, attachmentTypeRefused, invalidAttachment } from './attachment.error.ts';

const OCTET = 'application/octet-stream';

interface Signature {
  type: string;
  /** Byte offset → bytes that must be there. */
  at: readonly (readonly [number, readonly number[]])[];
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Magic numbers of the evidence formats we store as themselves. */
const signatures: readonly Signature[] = [
  { type: 'application/pdf', at: [[0, ascii('%PDF-')]] },
  { type: 'image/png', at: [[0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]] },
  { type: 'image/jpeg', at: [[0, [0xff, 0xd8, 0xff]]] },
  { type: 'image/gif', at: [[0, ascii('GIF87a')]] },
  { type: 'image/gif', at: [[0, ascii('GIF89a')]] },
  {
    type: 'image/webp',
    at: [
      [0, ascii('RIFF')],
      [8, ascii('WEBP')],
    ],
  },
  { type: 'application/zip', at: [[0, [0x50, 0x4b, 0x03, 0x04]]] },
  { type: 'application/zip', at: [[0, [0x50, 0x4b, 0x05, 0x06]]] },
  { type: 'application/gzip', at: [[0, [0x1f, 0x8b]]] },
  { type: 'application/x-7z-compressed', at: [[0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]]] },
  { type: 'application/vnd.tcpdump.pcap', at: [[0, [0xd4, 0xc3, 0xb2, 0xa1]]] },
  { type: 'application/vnd.tcpdump.pcap', at: [[0, [0xa1, 0xb2, 0xc3, 0xd4]]] },
  { type: 'application/vnd.tcpdump.pcap', at: [[0, [0x4d, 0x3c, 0xb2, 0xa1]]] },
  { type: 'application/vnd.tcpdump.pcap', at: [[0, [0xa1, 0xb2, 0x3c, 0x4d]]] },
  { type: 'application/x-pcapng', at: [[0, [0x0a, 0x0d, 0x0d, 0x0a]]] },
  { type: 'application/x-ms-evtx', at: [[0, ascii('ElfFile\0')]] },
];

/** Executable formats: refused whatever they are called (wrap malware samples in an encrypted zip). */
const executables: readonly Signature[] = [
  { type: 'Windows executable (MZ)', at: [[0, ascii('MZ')]] },
  { type: 'ELF executable', at: [[0, [0x7f, 0x45, 0x4c, 0x46]]] },
  { type: 'Mach-O executable', at: [[0, [0xfe, 0xed, 0xfa, 0xce]]] },
  { type: 'Mach-O executable', at: [[0, [0xfe, 0xed, 0xfa, 0xcf]]] },
  { type: 'Mach-O executable', at: [[0, [0xce, 0xfa, 0xed, 0xfe]]] },
  { type: 'Mach-O executable', at: [[0, [0xcf, 0xfa, 0xed, 0xfe]]] },
  { type: 'Mach-O or Java class file', at: [[0, [0xca, 0xfe, 0xba, 0xbe]]] },
  { type: 'script (#!)', at: [[0, ascii('#!')]] },
];

/** Names a browser or desktop would run or render as active content. */
const refusedExtensions = new Set(
  'exe dll scr com bat cmd msi msp ps1 psm1 vbs vbe js jse wsf wsh hta jar apk app sh bash lnk reg cpl html htm xhtml shtml svg svgz mht mhtml xht'.split(
    ' ',
  ),
);

/** Text types an uploader may declare for UTF-8 text (stored as declared); anything else textual is text/plain. */
const textTypes = new Set([
  'text/plain',
  'text/csv',
  'text/markdown',
  'text/tab-separated-values',
  'application/json',
  'application/x-ndjson',
  'application/xml',
  'text/xml',
  'application/yaml',
  'text/yaml',
]);

/** Declared spellings that name the same content as a signature's type. */
const compatible: Record<string, readonly string[]> = {
  'image/jpeg': ['image/jpg', 'image/pjpeg'],
  'application/zip': [
    'application/x-zip-compressed',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
  ],
  'application/gzip': ['application/x-gzip', 'application/x-tar+gzip'],
  'application/vnd.tcpdump.pcap': ['application/x-pcap', 'application/pcap'],
  'application/x-ms-evtx': ['application/octet-stream+evtx'],
};

function matches(content: Uint8Array, s: Signature): boolean {
  return s.at.every(([offset, bytes]) => bytes.every((b, i) => content[offset + i] === b));
}

/** Strict UTF-8 with no NUL: what we call text. */
function decodeText(content: Uint8Array): string | undefined {
  if (content.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return undefined;
  }
}

/** Markup a browser renders actively, looked for at the start of the text (after a BOM, blanks, comments, an XML prolog). */
function activeMarkup(text: string): string | undefined {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .toLowerCase();
  if (/^\s*(<!--[\s\S]*?-->\s*)*<!doctype\s+html/.test(head)) return 'HTML';
  if (
    /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(html|head|body|script|iframe|object|embed)[\s>/]/.test(head)
  )
    return 'HTML';
  if (/<svg[\s>]/.test(head) && /^\s*(<\?xml|<!doctype svg|<svg|<!--)/.test(head)) return 'SVG';
  if (/^\s*<\?xml[^>]*>[\s\S]*<(html|xsl:stylesheet)[\s>]/.test(head)) return 'XHTML/XSLT';
  return undefined;
}

/** `report.PDF` → `pdf`; '' when there is none. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** A plain file name: 1–255 characters, no path separators or control characters. */
export function checkAttachmentName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 255) throw invalidAttachment('name', 'expected 1 to 255 characters');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[/\\\u0000-\u001f\u007f]/.test(trimmed) || trimmed === '.' || trimmed === '..') {
    throw invalidAttachment('name', 'a plain file name without path separators or control characters');
  }
  return trimmed;
}

/**
 * Decides the stored type of an upload from its bytes (magic numbers, then strict UTF-8 text), never
 * from the name or the declared type alone. Refuses (415) executables, scripts and active content
 * (HTML, SVG, XHTML — by content or by extension), and a declared type that contradicts the content.
 * Unknown binary content is stored as application/octet-stream whatever was declared.
 * Example: `sniffAttachmentType(pngBytes, 'image/png', 'shot.png')` → `{contentType: 'image/png'}`.
 */
export function sniffAttachmentType(
  content: Uint8Array,
  declared: string | undefined,
  name: string,
): { contentType: string; declaredType?: string } {
  if (content.length === 0) throw invalidAttachment('content', 'the file is empty');
  const extension = extensionOf(name);
  if (refusedExtensions.has(extension)) {
    throw attachmentTypeRefused(
      'name',
      `.${extension} files are executable or active content and are not stored`,
    );
  }
  const exe = executables.find((s) => matches(content, s));
  if (exe !== undefined) {
    throw attachmentTypeRefused(
      'content',
      `${exe.type} content is not stored; wrap samples in an encrypted archive`,
    );
  }
  const wanted = declared?.split(';')[0]?.trim().toLowerCase() ?? '';
  const loose = wanted === '' || wanted === OCTET;
  const known = signatures.find((s) => matches(content, s));
  if (known !== undefined) {
    if (loose || wanted === known.type) return { contentType: known.type };
    if (compatible[known.type]?.includes(wanted)) return { contentType: known.type, declaredType: wanted };
    throw attachmentTypeMismatch(wanted, known.type);
  }
  const text = decodeText(content);
  if (text !== undefined) {
    const markup = activeMarkup(text);
    if (markup !== undefined)
      throw attachmentTypeRefused('content', `${markup} is active content and is not stored`);
    if (loose) return { contentType: 'text/plain' };
    if (textTypes.has(wanted)) return { contentType: wanted };
    if (wanted.startsWith('text/') && !/html|javascript|ecmascript|xsl/.test(wanted)) {
      return { contentType: 'text/plain', declaredType: wanted };
    }
    throw attachmentTypeMismatch(wanted, 'text');
  }
  // Binary we have no signature for: stored opaque; a declared text or signature type is a lie.
  if (
    !loose &&
    (textTypes.has(wanted) || wanted.startsWith('text/') || signatures.some((s) => s.type === wanted))
  ) {
    throw attachmentTypeMismatch(wanted, OCTET);
  }
  return loose ? { contentType: OCTET } : { contentType: OCTET, declaredType: wanted };
}
