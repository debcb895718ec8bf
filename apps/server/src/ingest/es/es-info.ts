/** The version Vigil reports: recent enough for Beats 8, Vector, Fluent Bit and Logstash outputs. */
export const ES_COMPAT_VERSION = '8.15.0';

/** `GET /es/`: the root info document shippers read to pick their API flavour. */
export function esRootInfo(): Record<string, unknown> {
  return {
    name: 'vigil',
    cluster_name: 'vigil',
    cluster_uuid: 'vigil-ingest-0000000000',
    version: {
      number: ES_COMPAT_VERSION,
      build_flavor: 'default',
      build_type: 'vigil',
      build_hash: '0000000',
      build_date: '2024-08-05T10:05:34.233336849Z',
      build_snapshot: false,
      lucene_version: '9.11.1',
      minimum_wire_compatibility_version: '7.17.0',
      minimum_index_compatibility_version: '7.0.0',
    },
    tagline: 'You Know, for Search',
  };
}

/** An Elasticsearch error body. */
export function esError(type: string, reason: string, status: number): Record<string, unknown> {
  return { error: { root_cause: [{ type, reason }], type, reason }, status };
}
