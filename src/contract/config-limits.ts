/** atlas.config.json `limits`: the per-row ceilings of money and counts, their defaults and hard caps, and their parser. */
import { JsonChecker, join } from './check';

/**
 * Per-row ceilings of the money and count columns. A figure above one is a warning naming it (a
 * budget in 元 rather than 万元, an extra digit, a town's total in a village's row); above the
 * hard caps MAX_MONEY_WAN and MAX_COUNT it is an error whatever the config says.
 */
export interface Limits {
  /** projects.csv budget_wan, per project. */
  budgetWan: number;
  /** progress.csv spent_wan, per report (cumulative for its project). */
  spentWan: number;
  /** villages.csv households, per village. */
  villageHouseholds: number;
  /** villages.csv population, per village. */
  villagePopulation: number;
  /** villages.csv laborers and employed, per village. */
  villageLaborers: number;
  /** projects.csv beneficiary_households and beneficiary_poor_households, per project. */
  beneficiaryHouseholds: number;
  /** projects.csv jobs, per project. */
  jobs: number;
  /** households.csv laborers and employed, per household. */
  householdLaborers: number;
}

/**
 * No per-row money figure is above this (1e12 万元 is 10¹⁶ 元, dozens of times China's GDP): a
 * million such rows still sum to a finite number, so no total becomes Infinity (null in JSON).
 */
export const MAX_MONEY_WAN = 1e12;
/**
 * No per-row count is above this (more than China's households, near its people): nine million
 * such rows still sum below Number.MAX_SAFE_INTEGER, so every total stays an exact whole number.
 */
export const MAX_COUNT = 1e9;

/**
 * Defaults a county never reaches in one row. A county's whole yearly poverty-alleviation fund is
 * some tens of thousands of 万元, so no one project's budget (or spending) reaches 10亿元; the
 * biggest 社区 of a county seat has some ten thousand households and a few tens of thousands of
 * people; a county-wide project (health insurance for every household) benefits at most the
 * county's households, under 500,000 even in the most populous counties; a project employs
 * thousands at most; a household has a handful of laborers.
 */
export const DEFAULT_LIMITS: Readonly<Limits> = {
  budgetWan: 100_000,
  spentWan: 100_000,
  villageHouseholds: 40_000,
  villagePopulation: 100_000,
  villageLaborers: 100_000,
  beneficiaryHouseholds: 500_000,
  jobs: 50_000,
  householdLaborers: 20,
};

const LIMIT_KEYS = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];
const MONEY_LIMITS: readonly (keyof Limits)[] = ['budgetWan', 'spentWan'];

/** The `limits` object: each key optional (its default), a number from 0 to the hard cap of its kind. */
export function parseLimits(c: JsonChecker, v: unknown): Limits | null {
  const o = c.object(v, 'limits');
  if (!o) return null;
  c.onlyKeys(o, 'limits', LIMIT_KEYS);
  const limits: Limits = { ...DEFAULT_LIMITS };
  let isOk = true;
  for (const k of LIMIT_KEYS) {
    if (o[k] === undefined) continue;
    const n = c.number(o[k], join('limits', k), 0, MONEY_LIMITS.includes(k) ? MAX_MONEY_WAN : MAX_COUNT);
    if (n === null) isOk = false;
    else limits[k] = n;
  }
  return isOk ? limits : null;
}

/** Whether the limits are the defaults (then the config written into site.json leaves them out). */
export function isDefaultLimits(limits: Limits): boolean {
  return LIMIT_KEYS.every((k) => limits[k] === DEFAULT_LIMITS[k]);
}
