/** One syslog message cut from a stream; `truncated` when it was longer than the frame limit. */
export interface SyslogFrame {
  text: string;
  truncated: boolean;
}

const LF = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const LT = 0x3c;
/** `v` of a `vigil_it_…` token prefix (see splitSyslogToken). */
const V = 0x76;

/**
 * Cuts a syslog TCP/TLS byte stream into messages (RFC 6587): octet counting (`LEN SP <PRI>…`,
 * as RFC 5425 and rsyslog's `TCP_Framing="octet-counted"` send) or non-transparent framing (one
 * message per LF line, as `logger` and most senders do). The framing is recognised at the start of
 * every frame, so a connection may use either. A message longer than `maxBytes` is cut to
 * `maxBytes` and flagged; the rest of it is skipped.
 * @example new SyslogFramer(65536).push(Buffer.from('12 <13>1 - - - -\n')) // octet-counted frame
 */
export class SyslogFramer {
  readonly #maxBytes: number;
  #buf: Buffer = Buffer.alloc(0);
  /** Bytes of an over-long octet-counted frame still to skip. */
  #skipBytes = 0;
  /** Skipping the rest of an over-long LF line. */
  #skipLine = false;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  /** Adds bytes; returns the messages completed by them. */
  push(chunk: Buffer): SyslogFrame[] {
    this.#buf = this.#buf.length === 0 ? chunk : Buffer.concat([this.#buf, chunk]);
    const frames: SyslogFrame[] = [];
    let pos = 0;
    const buf = this.#buf;
    for (;;) {
      if (this.#skipBytes > 0) {
        const n = Math.min(this.#skipBytes, buf.length - pos);
        this.#skipBytes -= n;
        pos += n;
        if (this.#skipBytes > 0) break;
      }
      if (this.#skipLine) {
        const nl = buf.indexOf(LF, pos);
        if (nl < 0) {
          pos = buf.length;
          break;
        }
        this.#skipLine = false;
        pos = nl + 1;
      }
      while (pos < buf.length && (buf[pos] === LF || buf[pos] === CR || buf[pos] === 0)) pos++;
      if (pos >= buf.length) break;
      const octet = this.#octetHeader(buf, pos);
      if (octet === 'wait') break;
      if (octet !== undefined) {
        const { length, start } = octet;
        if (length > this.#maxBytes) {
          if (buf.length - start < this.#maxBytes) break;
          frames.push({ text: buf.toString('utf8', start, start + this.#maxBytes), truncated: true });
          this.#skipBytes = length - this.#maxBytes;
          pos = start + this.#maxBytes;
          continue;
        }
        if (buf.length - start < length) break;
        frames.push({ text: buf.toString('utf8', start, start + length), truncated: false });
        pos = start + length;
        continue;
      }
      const nl = buf.indexOf(LF, pos);
      if (nl < 0 || nl - pos > this.#maxBytes) {
        if (buf.length - pos <= this.#maxBytes) break;
        frames.push({ text: buf.toString('utf8', pos, pos + this.#maxBytes), truncated: true });
        pos += this.#maxBytes;
        this.#skipLine = true;
        continue;
      }
      const end = nl > pos && buf[nl - 1] === CR ? nl - 1 : nl;
      frames.push({ text: buf.toString('utf8', pos, end), truncated: false });
      pos = nl + 1;
    }
    this.#buf = pos >= buf.length ? Buffer.alloc(0) : buf.subarray(pos);
    return frames;
  }

  /** End of stream: a last line without LF is still a message. */
  end(): SyslogFrame[] {
    const rest = this.#skipLine || this.#skipBytes > 0 ? '' : this.#buf.toString('utf8').trim();
    this.#buf = Buffer.alloc(0);
    return rest === '' ? [] : [{ text: rest, truncated: false }];
  }

  /** `LEN SP <` (or `LEN SP vigil_it_…`) at pos: octet counting. 'wait' when the bytes so far could still be a header. */
  #octetHeader(buf: Buffer, pos: number): { length: number; start: number } | 'wait' | undefined {
    let i = pos;
    while (i < buf.length && i - pos < 9 && buf[i]! >= 0x30 && buf[i]! <= 0x39) i++;
    const digits = i - pos;
    if (digits === 0 || buf[pos] === 0x30) return undefined;
    if (i >= buf.length) return digits < 9 ? 'wait' : undefined;
    if (buf[i] !== SP) return undefined;
    if (i + 1 >= buf.length) return 'wait';
    if (buf[i + 1] !== LT && buf[i + 1] !== V) return undefined;
    return { length: Number(buf.toString('latin1', pos, i)), start: i + 1 };
  }
}
