import pkg from '../../package.json' with { type: 'json' };

/** The version of this Vigil build (from apps/server/package.json). */
export const VIGIL_VERSION: string = pkg.version;
