/** site.json's 数据实 part: the findings (listed or counted), the quality scores and 六个精准; and its parser. */
import { JsonChecker, join } from './check';
import { FINDING_RULES, PRECISION_BASES, PRECISION_IDS, type FindingRule, type Precision } from './integrity';

/** One finding of the 数据实 rules (src/contract/integrity.ts, found by src/domain/integrity.ts), with its projects by id and name (their town may not be loaded). */
export interface SiteFinding {
  rule: FindingRule;
  /** YYYY-MM, or null for a fact of the ledger. */
  month: string | null;
  town: number;
  /** -1 when about a town or a town-wide project. */
  village: number;
  projects: { id: string; name: string }[];
  amountWan: number;
  figures: Record<string, number>;
}

export interface SiteIntegrity {
  /** Whether `findings` lists them (the county's build, or a public one whose config says so); else they are counted only. */
  isListed: boolean;
  /** In rule order; empty when not listed. */
  findings: SiteFinding[];
  /** Findings per town (as `towns`), listed or not. */
  townCounts: number[];
  /** Findings per rule (as FINDING_RULES), listed or not. */
  ruleCounts: number[];
  /** Data quality score (0–100) of the latest month: county, towns, villages (also a monthly series, `quality`). */
  county: number;
  towns: number[];
  villages: number[];
  /** 六个精准 as far as the data can measure them, for the county and each town (flagged: village ids; none when not listed). */
  precisions: { county: Precision[]; towns: Precision[][] };
}

/** Parses site.json's `integrity`. */
export function parseIntegrity(c: JsonChecker, v: unknown, towns: number, villages: number): SiteIntegrity {
  const path = 'integrity';
  const o = c.object(v, path) ?? {};
  const numbers = (x: unknown, p: string, length: number): number[] => {
    const a = c.array(x, p) ?? [];
    if (a.length !== length) c.error(p, 'lengthValues', { expected: length, got: a.length });
    return a.map((n, i) => c.number(n, join(p, i)) ?? 0);
  };
  const findings = (c.array(o.findings, join(path, 'findings')) ?? []).flatMap((x, i): SiteFinding[] => {
    const p = join(join(path, 'findings'), i);
    const f = c.object(x, p);
    if (!f) return [];
    const rule = c.oneOf(f.rule, join(p, 'rule'), FINDING_RULES);
    const month = f.month === null ? null : c.string(f.month, join(p, 'month'));
    const projects = (c.array(f.projects, join(p, 'projects')) ?? []).flatMap((y, k) => {
      const at = join(join(p, 'projects'), k);
      const q = c.object(y, at);
      const id = c.string(q?.id, join(at, 'id'));
      const name = c.string(q?.name, join(at, 'name'));
      return id === null || name === null ? [] : [{ id, name }];
    });
    const figures: Record<string, number> = {};
    for (const [k, n] of Object.entries(c.object(f.figures, join(p, 'figures')) ?? {})) figures[k] = c.number(n, join(join(p, 'figures'), k)) ?? 0;
    if (!rule) return [];
    return [{ rule, month, town: c.number(f.town, join(p, 'town')) ?? -1, village: c.number(f.village, join(p, 'village')) ?? -1, projects, amountWan: c.number(f.amountWan, join(p, 'amountWan')) ?? 0, figures }];
  });
  const precisionList = (x: unknown, p: string): Precision[] =>
    (c.array(x, p) ?? []).flatMap((y, i): Precision[] => {
      const q = join(p, i);
      const r = c.object(y, q);
      const id = c.oneOf(r?.id, join(q, 'id'), PRECISION_IDS);
      const basis = c.oneOf(r?.basis, join(q, 'basis'), PRECISION_BASES);
      const detail = c.object(r?.detail, join(q, 'detail'));
      if (!r || !id || !basis || !detail) return [];
      const str = (v: unknown, k: string): string => c.string(v, join(q, k)) ?? '';
      return [{ id, zh: str(r.zh, 'zh'), en: str(r.en, 'en'), basis, value: r.value === null ? null : c.number(r.value, join(q, 'value'), 0, 1), detail: { zh: str(detail.zh, 'detail.zh'), en: str(detail.en, 'detail.en') }, flagged: (c.array(r.flagged, join(q, 'flagged')) ?? []).map((n, k) => c.number(n, join(join(q, 'flagged'), k), 0, villages - 1) ?? 0) }];
    });
  const precisions = c.object(o.precisions, join(path, 'precisions')) ?? {};
  const townPrecisions = c.array(precisions.towns, join(path, 'precisions.towns')) ?? [];
  if (townPrecisions.length !== towns) c.error(join(path, 'precisions.towns'), 'lengthTowns', { expected: towns, got: townPrecisions.length });
  return {
    precisions: { county: precisionList(precisions.county, join(path, 'precisions.county')), towns: townPrecisions.map((x, t) => precisionList(x, join(join(path, 'precisions.towns'), t))) },
    isListed: c.boolean(o.isListed, join(path, 'isListed')) ?? false,
    findings,
    townCounts: numbers(o.townCounts, join(path, 'townCounts'), towns),
    ruleCounts: numbers(o.ruleCounts, join(path, 'ruleCounts'), FINDING_RULES.length),
    county: c.number(o.county, join(path, 'county'), 0, 100) ?? 0,
    towns: numbers(o.towns, join(path, 'towns'), towns),
    villages: numbers(o.villages, join(path, 'villages'), villages),
  };
}
