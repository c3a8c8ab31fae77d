/** The English data-quality strings: every key of the Chinese ones (the type checks it), nothing else. */
import type { QualityCatalogue } from './quality-zh';

export const QUALITY_EN: QualityCatalogue = {
  // The indicator beside an area's name and the section of the area panel.
  qualityTitle: 'Data quality',
  qualityScore: 'Quality score',
  qualityScoreValue: '{score}',
  qualityScoreOf: 'Data quality {score} out of 100',
  qualityHint: 'The score combines filled-in disclosure fields, rows matched by code, project locations and the findings; trust the colours of a low-scoring area less.',
  qualityGood: 'Good',
  qualityFair: 'Fair',
  qualityPoor: 'Poor',
  qualityParts: 'What makes up the score',
  qualityCompleteness: 'Disclosure fields filled in',
  qualityByCode: 'Matched by code',
  qualityOwnPoint: 'Projects with a location',
  qualityNoFindings: 'No findings (by money at stake)',
  qualityPartValue: '{part}: {value}',
  qualityLowBadge: 'Doubtful data',
  qualityLowBadgeHint: 'This area’s data quality is below {n}; read its colours with care',

  // The findings (数据核查发现).
  findingsTitle: 'Data check findings',
  findingsIntro: 'A finding is a place where the data contradicts itself or defies common sense. It is not a violation; it needs checking on site.',
  findingsCount: 'Findings: {n}',
  findingsCountPublic: 'Findings: {n} (the public edition shows the count only)',
  findingsAmount: '{amount} (10k yuan) at stake',
  findingsFilter: 'Filter by kind of finding',
  findingsAllRules: 'All kinds',
  findingsRuleCount: '{rule} ({n})',
  findingsAdvice: 'What to check',
  findingsMore: '{n} more',
  findingsShowAll: 'Show all {n}',
  findingsMonth: 'Month',
  findingsLedger: 'Ledger figures',
  findingsProjects: '{n} projects concerned',
  noFindings: 'No problems found',

  // The six precisions (六个精准), as far as the data can measure them; basisX names Precision.basis X.
  sixPrecisionsTitle: 'Six precisions',
  precisionsShow: 'Show each',
  sixPrecisionsIntro: 'As far as this data can measure them: “measured” is counted from the data, “estimated” only checks plausibility, “not measurable” means the data has nothing on it.',
  basisMeasured: 'Measured',
  basisEstimated: 'Estimated',
  basisNotMeasurable: 'Not measurable',
  precisionFlagged: '{n} villages fall short',
  precisionNoValue: '—',

  // Links from a finding or a precision to the other views.
  showOnMap: 'Show on the map',
  showInTable: 'Show in the projects table',
  showFlaggedOnMap: 'Mark these {n} villages on the map',
};
