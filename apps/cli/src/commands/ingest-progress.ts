/** A one-line progress display on a terminal (rewritten in place, at most 5 times a second). */
export class IngestProgress {
  readonly #out: { write(chunk: string): unknown; isTTY?: boolean };
  #last = 0;
  #shown = false;

  constructor(out: { write(chunk: string): unknown; isTTY?: boolean }) {
    this.#out = out;
  }

  update(file: string, done: number, total: number, events: number, force = false): void {
    if (this.#out.isTTY !== true) return;
    const now = Date.now();
    if (!force && now - this.#last < 200) return;
    this.#last = now;
    const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
    const width = 24;
    const filled = Math.round((pct / 100) * width);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    const mb = (n: number) => (n / 1_048_576).toFixed(1);
    this.#out.write(`\r\x1b[2K${file} [${bar}] ${pct}% ${mb(done)}/${mb(total)} MB, ${events} events`);
    this.#shown = true;
  }

  /** Ends the progress line so the summary starts on a fresh line. */
  done(): void {
    if (this.#shown) this.#out.write('\n');
    this.#shown = false;
  }
}
