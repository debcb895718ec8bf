/** HEC's answers (Splunk's documented status codes), with the HTTP status each goes with. */
export const HEC = {
  success: { status: 200, text: 'Success', code: 0 },
  tokenRequired: { status: 401, text: 'Token is required', code: 2 },
  invalidAuthorization: { status: 401, text: 'Invalid authorization', code: 3 },
  invalidToken: { status: 403, text: 'Invalid token', code: 4 },
  noData: { status: 400, text: 'No data', code: 5 },
  invalidDataFormat: { status: 400, text: 'Invalid data format', code: 6 },
  tooLarge: { status: 413, text: 'Content too large', code: 6 },
  internalError: { status: 500, text: 'Internal server error', code: 8 },
  busy: { status: 503, text: 'Server is busy', code: 9 },
  channelMissing: { status: 400, text: 'Data channel is missing', code: 10 },
  eventRequired: { status: 400, text: 'Event field is required', code: 12 },
  eventBlank: { status: 400, text: 'Event field cannot be blank', code: 13 },
  healthy: { status: 200, text: 'HEC is healthy', code: 17 },
  unhealthy: { status: 503, text: 'HEC is unhealthy, queues are full', code: 18 },
} as const;

export type HecAnswer = (typeof HEC)[keyof typeof HEC];

/** The JSON body of a HEC answer. */
export function hecBody(answer: HecAnswer, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { text: answer.text, code: answer.code, ...extra };
}
