import type { IngestPipeline, SourceRef, SyslogFrame } from '@vigil/ingest';

/** Submits syslog frames to the pipeline; cut frames are kept with a parse error saying so. */
export function submitFrames(
  pipeline: IngestPipeline,
  source: SourceRef,
  frames: readonly SyslogFrame[],
  maxBytes: number,
  mode: { lossy?: boolean; patient?: boolean },
) {
  let bytes = 0;
  for (const f of frames) bytes += f.text.length;
  return pipeline.ingest({
    source,
    bytes,
    records: frames.map((f) => f.text),
    durable: false,
    ...mode,
    decorate: (event, i) => {
      if (frames[i]?.truncated !== true) return;
      const cut = `syslog: message longer than ${maxBytes} bytes, truncated`;
      event.parse_error = event.parse_error === undefined ? cut : `${cut}; ${event.parse_error}`;
    },
  });
}
