/**
 * Splits a stream of concatenated JSON documents (`{…}{…}`, pretty-printed or not, or JSON lines)
 * into one text per top-level document, chunk by chunk, without parsing them.
 * Example: `const s = new JsonDocumentSplitter(); s.push('{"a":1}\n{"b"'); s.push(':2}'); s.end()`.
 */
export class JsonDocumentSplitter {
  private buf = '';
  private pos = 0;
  private start = -1;
  private depth = 0;
  private inString = false;
  private escaped = false;

  /** Adds text; returns the documents completed by it. Stray text between documents is returned as `{error}`. */
  push(chunk: string): (string | { error: string })[] {
    this.buf += chunk;
    const out: (string | { error: string })[] = [];
    const buf = this.buf;
    let i = this.pos;
    for (; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) this.inString = false;
        continue;
      }
      if (c === 34) {
        this.inString = true;
        if (this.depth === 0) {
          out.push({ error: `unexpected string outside a document at offset ${i}` });
          this.depth = 0;
        }
      } else if (c === 123 || c === 91) {
        if (this.depth === 0) this.start = i;
        this.depth++;
      } else if (c === 125 || c === 93) {
        if (this.depth === 0) {
          out.push({ error: `unbalanced '${String.fromCharCode(c)}' at offset ${i}` });
          continue;
        }
        if (--this.depth === 0) {
          out.push(buf.slice(this.start, i + 1));
          this.start = -1;
        }
      } else if (
        this.depth === 0 &&
        c !== 32 &&
        c !== 10 &&
        c !== 13 &&
        c !== 9 &&
        c !== 0xfeff &&
        c !== 44
      ) {
        // Skip a stray scalar up to the next whitespace and report it.
        let j = i;
        while (j < buf.length && !/[\s{[]/.test(buf[j] as string)) j++;
        out.push({ error: `unexpected text '${buf.slice(i, Math.min(j, i + 20))}' outside a document` });
        i = j - 1;
      }
    }
    // Keep only the unfinished document.
    if (this.depth > 0 && this.start >= 0) {
      this.buf = buf.slice(this.start);
      this.pos = i - this.start;
      this.start = 0;
    } else {
      this.buf = '';
      this.pos = 0;
    }
    return out;
  }

  /** Ends the stream; an unfinished document is reported as an error. */
  end(): (string | { error: string })[] {
    if (this.depth > 0) {
      this.depth = 0;
      this.buf = '';
      return [{ error: 'input ends inside a JSON document' }];
    }
    return [];
  }
}

/** Splits a whole text into its JSON documents (see JsonDocumentSplitter). */
export function splitJsonDocuments(text: string): (string | { error: string })[] {
  const s = new JsonDocumentSplitter();
  return [...s.push(text), ...s.end()];
}
