import type { AreaSeries, SiteFinding, SiteIntegrity } from '../../contract/site';
import { integrityFindings } from '../../domain/integrity';
import { FINDING_RULES, eachOf, type Finding, type IntegrityVillage } from '../../domain/integrity-model';
import { emptyTally, qualityPartsOf, qualityScore, tallyProject, type ProjectTally } from '../../domain/quality-score';
import { sixPrecisions } from '../../domain/precisions';
import { integrityInput, type IntegritySource as RulesSource } from './rules-input';
import type { Dataset } from '../model';

type IntegritySource = RulesSource & Pick<Dataset, 'households'>;

/**
 * site.json's `integrity`: the 数据实 rules run over the joined dataset, every finding counted per
 * town and rule, listed (with its projects' ids and names) when `isListed`, and the quality score
 * of the county, each town and each village. Grouped in one pass, so linear in the rows. `revisions`
 * (past reports rewritten since the previous release) count like any other finding.
 */
export function siteIntegrity(d: IntegritySource & { months: readonly string[] }, isListed: boolean, revisions: readonly Finding[] = []): { integrity: SiteIntegrity; quality: AreaSeries } {
  const input = integrityInput(d);
  // Revisions of past reports come from comparing two releases (pipeline/release/), after the rules' own findings.
  const findings = [...integrityFindings(input), ...revisions];
  const towns = d.towns.length;
  const villages = d.villages.length;
  // What the score counts of each area's projects, in one pass (the months differ only in their findings).
  const county = emptyTally();
  const byTown = Array.from({ length: towns }, emptyTally);
  const byVillage = Array.from({ length: villages }, emptyTally);
  eachOf(input.projects, (p) => {
    tallyProject(county, p);
    if (byTown[p.town]) tallyProject(byTown[p.town]!, p);
    if (p.village >= 0 && byVillage[p.village]) tallyProject(byVillage[p.village]!, p);
  });
  const villagesOfTown = group<IntegrityVillage>(towns);
  input.villages.forEach((v) => villagesOfTown[v.town]?.push(v));
  const findingsOfTown = group<Finding>(towns);
  const findingsOfVillage = group<Finding>(villages);
  const ruleCounts = FINDING_RULES.map(() => 0);
  const order = new Map(FINDING_RULES.map((r, i) => [r, i]));
  for (const f of findings) {
    findingsOfTown[f.town]?.push(f);
    if (f.village >= 0) findingsOfVillage[f.village]?.push(f);
    ruleCounts[order.get(f.rule)!]!++;
  }
  const listed = (f: Finding): SiteFinding => ({
    rule: f.rule,
    month: f.month,
    town: f.town,
    village: f.village,
    projects: f.projects.map((i) => ({ id: d.projects.id[i]!, name: d.projects.name[i]! })),
    amountWan: Math.round(f.amountWan * 100) / 100,
    figures: f.figures,
  });
  // The score as of a month counts the findings up to it (a ledger fact counts from the start), so
  // the slider shows when a town's data began to look wrong.
  const asOf = (month: string | null) => {
    const upTo = (fs: Finding[]): Finding[] => (month === null ? fs : fs.filter((f) => f.month === null || f.month <= month));
    return {
      county: qualityScore(qualityPartsOf(county, input.villages, upTo(findings))),
      towns: d.towns.map((_, t) => qualityScore(qualityPartsOf(byTown[t]!, villagesOfTown[t]!, upTo(findingsOfTown[t]!)))),
      villages: d.villages.map((_, v) => qualityScore(qualityPartsOf(byVillage[v]!, [input.villages[v]!], upTo(findingsOfVillage[v]!)))),
    };
  };
  const latest = asOf(null);
  // 六个精准, for the county and each town; which villages fail one is itself a finding, so a
  // public build that counts findings names none (the sentences keep their counts).
  const withoutProject = poorWithoutProject(d);
  const precisionsOf = (villageIds: readonly number[], projects: ProjectTally, fs: readonly Finding[]) => {
    const parts = qualityPartsOf(projects, villageIds.map((v) => input.villages[v]!), fs);
    // sixPrecisions reads village indexes into its own list, findings' included.
    const local = new Map(villageIds.map((v, k) => [v, k]));
    return sixPrecisions({
      villages: villageIds.map((v) => ({ ...d.villages[v]!.record, poorHouseholdsWithoutProject: withoutProject?.[v] ?? null })),
      findings: fs.map((f) => ({ ...f, village: local.get(f.village) ?? -1 })),
      projectCount: projects.count,
      exitLinePct: input.exitLinePct,
      completeness: parts.completeness,
    }).map((p) => ({ ...p, flagged: isListed ? p.flagged.map((k) => villageIds[k]!) : [] }));
  };
  const villageIdsOfTown = group<number>(towns);
  d.villages.forEach((v, i) => villageIdsOfTown[v.town]!.push(i));
  const precisions = {
    county: precisionsOf(d.villages.map((_, i) => i), county, findings),
    towns: d.towns.map((_, t) => precisionsOf(villageIdsOfTown[t]!, byTown[t]!, findingsOfTown[t]!)),
  };
  const monthly = d.months.map(asOf);
  return {
    integrity: {
      isListed,
      findings: isListed ? findings.map(listed) : [],
      townCounts: findingsOfTown.map((f) => f.length),
      ruleCounts,
      ...latest,
      precisions,
    },
    quality: { county: monthly.map((q) => q.county), towns: monthly.map((q) => q.towns), villages: monthly.map((q) => q.villages) },
  };
}

/** Per village, its poor households that no project names (households.csv); null without that file. */
function poorWithoutProject(d: IntegritySource): number[] | null {
  if (!d.households) return null;
  const out = d.villages.map(() => 0);
  for (const h of d.households) if (h.record.isPoor && h.projects.length === 0) out[h.village]!++;
  return out;
}

function group<T>(n: number): T[][] {
  return Array.from({ length: n }, () => []);
}
