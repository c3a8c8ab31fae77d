/**
 * 数据实: consistency checks over the ledgers and the monthly reports (issue 9). A finding is a
 * fact about the data, not an error: the build keeps them in the site data so leaders can see which
 * colours to believe and which towns to visit. Pure: the pipeline hands in plain rows
 * (integrity-model.ts), the page gets findings. The rules over one project or village are here, those
 * over many projects' reports in integrity-patterns.ts; the score from the findings in quality-score.ts.
 */
import { FINDING_RULES, type FindingRule } from '../contract/integrity';
import { identicalReports, frozenTowns, preInspectionJumps } from './integrity-patterns';
import { DONE_STATUSES as DONE, RULES, eachOf, monthsBetween, round, type Finding, type IntegrityInput, type IntegrityProject, type IntegrityReport } from './integrity-model';

/** Every finding over the dataset, in rule order, then by project or village. */
export function integrityFindings(d: IntegrityInput): Finding[] {
  const out: Finding[] = [];
  const townHouseholds = d.towns.map(() => 0);
  for (const v of d.villages) if (v.town >= 0 && v.town < townHouseholds.length) townHouseholds[v.town]! += v.households;
  // One pass over the projects for the rules that read one project at a time (each project is made
  // from the dataset's columns when asked: a province's million, once here rather than three times).
  const villageBudget = new Map<number, number>();
  eachOf(d.projects, (p, i) => {
    projectFindings(p, i, out);
    if (p.village >= 0) villageBudget.set(p.village, (villageBudget.get(p.village) ?? 0) + p.budgetWan);
    const households = p.village >= 0 ? d.villages[p.village]?.households : townHouseholds[p.town];
    if (p.beneficiaryHouseholds !== null && households !== undefined && p.beneficiaryHouseholds > households) {
      out.push({ rule: 'beneficiariesAboveHouseholds', month: null, town: p.town, village: p.village, projects: [i], amountWan: p.budgetWan, figures: { beneficiaries: p.beneficiaryHouseholds, households } });
    }
  });
  d.villages.forEach((v, i) => {
    const at = (rule: FindingRule, figures: Record<string, number>): Finding => ({ rule, month: null, town: v.town, village: i, projects: [], amountWan: villageBudget.get(i) ?? 0, figures });
    if (v.exitYear !== null && v.population > 0) {
      const remaining = Math.max(0, v.poorPopulation - (v.exitedPopulation ?? 0));
      const incidence = (100 * remaining) / v.population;
      if (incidence >= d.exitLinePct) out.push(at('exitedAboveLine', { incidencePct: round(incidence, 2), linePct: d.exitLinePct, exitYear: v.exitYear }));
    }
    if (v.exitedHouseholds !== null && v.exitedHouseholds > v.poorHouseholds) out.push(at('exitedAboveRegistered', { exited: v.exitedHouseholds, registered: v.poorHouseholds }));
  });
  // One by one: spreading a long list into push() overflows the stack.
  for (const f of identicalReports(d)) out.push(f);
  for (const f of frozenTowns(d)) out.push(f);
  for (const f of preInspectionJumps(d)) out.push(f);
  const order = new Map(FINDING_RULES.map((r, k) => [r, k]));
  return out.sort((a, b) => order.get(a.rule)! - order.get(b.rule)! || a.town - b.town || (a.projects[0] ?? -1) - (b.projects[0] ?? -1) || a.village - b.village || (a.month ?? '').localeCompare(b.month ?? ''));
}

/** The rules that read one project's own reports; each names the first month it happens. */
function projectFindings(p: IntegrityProject, i: number, out: Finding[]): void {
  // Each rule once a project, its first month: the rules flagged so far as bits of FINDING_RULES,
  // and the findings put straight into the caller's list, not a Set and a list a project (the Set
  // alone was 0.15 GB of the 2.24 GB this stage allocated for a province: a sampling heap profile).
  let seen = 0;
  const flag = (rule: FindingRule, month: string, figures: Record<string, number>): void => {
    const bit = 1 << FINDING_RULES.indexOf(rule);
    if (seen & bit) return;
    seen |= bit;
    out.push({ rule, month, town: p.town, village: p.village, projects: [i], amountWan: p.budgetWan, figures });
  };
  const startMonth = p.start.slice(0, 7);
  let progress: number | null = null;
  let progressMonth: string | null = null;
  let spent = 0;
  let accepted: IntegrityReport | null = null;
  const reports = p.reports;
  for (let k = 0; k < reports.length; k++) {
    const month = reports.month(k);
    const status = reports.status(k);
    const pct = reports.progressPct(k);
    const spentWan = reports.spentWan(k);
    if (accepted && month > accepted.month) {
      const changed = status !== 'accepted' || (pct !== null && pct !== accepted.progressPct) || (spentWan !== null && spentWan !== accepted.spentWan);
      if (changed) flag('reportedAfterAccepted', month, { acceptedMonth: Number(accepted.month.replace('-', '')) });
    }
    if (pct !== null) {
      if (progress !== null && pct < progress) flag('progressBackward', month, { from: progress, to: pct });
      if (progress !== null && progressMonth !== null && progress < RULES.jumpFromBelowPct && pct >= 100 && monthsBetween(progressMonth, month) <= 1) flag('progressJump', month, { from: progress, to: pct });
      progress = pct;
      progressMonth = month;
    }
    if (spentWan !== null) spent = spentWan;
    if (spent > p.budgetWan + 1e-9) flag('overspent', month, { spentWan: spent, budgetWan: p.budgetWan });
    if (DONE.has(status) && spent <= 0) flag('doneUnspent', month, {});
    if (status === 'planned' && spent > 0) flag('spentPlanned', month, { spentWan: spent });
    if (DONE.has(status) && month < startMonth) flag('doneBeforeStart', month, { startMonth: Number(startMonth.replace('-', '')) });
    if (status === 'accepted' && !accepted) accepted = { month, status, progressPct: pct ?? progress, spentWan: spentWan ?? spent };
  }
}
