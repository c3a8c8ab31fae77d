/**
 * The words of 数据实 that site.json carries: the ids of the consistency rules, the ids of the six
 * precisions and a precision as the file holds it. The domain computes findings and precisions
 * (src/domain/integrity.ts, precisions.ts) in these terms; the contract parses them.
 */

/** The consistency rules, in the order findings and `ruleCounts` list them. */
export const FINDING_RULES = [
  'progressBackward',
  'progressJump',
  'overspent',
  'doneUnspent',
  'spentPlanned',
  'doneBeforeStart',
  'reportedAfterAccepted',
  'exitedAboveLine',
  'exitedAboveRegistered',
  'beneficiariesAboveHouseholds',
  'identicalReports',
  'frozenTown',
  'preInspectionJump',
  // A past month's published figures rewritten in a later release (`data:build --previous`).
  'pastRevised',
  // Site photos (photos.csv, issue 22): taken far from the site, at an impossible time, reused for
  // another project, or missing at completion (src/domain/photo-rules.ts).
  'photoFar',
  'photoWrongTime',
  'photoReused',
  'photoMissingDone',
] as const;

/** The rules over site photos: a dataset without photos.csv never trips them. */
export const PHOTO_RULES = ['photoFar', 'photoWrongTime', 'photoReused', 'photoMissingDone'] as const satisfies readonly FindingRule[];
export type FindingRule = (typeof FINDING_RULES)[number];

/** 六个精准, in their customary order. */
export const PRECISION_IDS = ['identification', 'records', 'pairing', 'measures', 'data', 'exit'] as const;
export type PrecisionId = (typeof PRECISION_IDS)[number];

/** How a precision's value was obtained. */
export const PRECISION_BASES = ['measured', 'estimated', 'notMeasurable'] as const;
export type PrecisionBasis = (typeof PRECISION_BASES)[number];

/** One precision of an area: its name, how it was found, its share and sentence, the villages that fail it. */
export interface Precision {
  id: PrecisionId;
  zh: string;
  en: string;
  basis: PrecisionBasis;
  /** A 0–1 share, or null when there is nothing to measure. */
  value: number | null;
  /** One sentence with the figures. */
  detail: { zh: string; en: string };
  /** Indexes of the villages that fail it, ascending. */
  flagged: number[];
}
