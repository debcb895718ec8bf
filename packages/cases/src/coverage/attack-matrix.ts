import type { AttackTacticInfo } from '../attack/attack-bundle.ts';

/** One live (not deprecated, not revoked) ATT&CK technique or sub-technique. */
export interface AttackTechnique {
  /** `T1059` or `T1059.001`, upper case. */
  id: string;
  name: string;
  /** Tactic shortnames in kill-chain order (`execution`). */
  tactics: string[];
  /** `Windows`, `Linux`, `IaaS`… as ATT&CK names them. */
  platforms: string[];
  /** Data components (ATT&CK v18 detection strategies) or legacy `Source: Component` data sources. */
  dataSources: string[];
  /** The parent technique of a sub-technique (`T1059` for `T1059.001`). */
  parent?: string;
}

/**
 * The compact Enterprise matrix Vigil keeps instead of the 30 MB STIX bundle: tactics in kill-chain
 * order and every live technique, sorted by id. Installation-wide; replaced by each import.
 */
export interface AttackMatrix {
  domain: 'enterprise-attack';
  /** Latest `modified` time of any object in the bundle (ISO-8601): tells two imports apart. */
  modified: string;
  /** ATT&CK release (`18.1`) when the bundle's collection says so. */
  attackVersion?: string;
  tactics: AttackTacticInfo[];
  techniques: AttackTechnique[];
}

/** A fault in an imported bundle, at `path` (`objects[12].name`). */
export interface AttackBundleProblem {
  path: string;
  message: string;
}
