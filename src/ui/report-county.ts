/** The report's county section: the month in one paragraph, then every indicator and the project figures. */
import { formatIndicator, indicatorSpec } from '../domain/indicators';
import { formatSigned, formatWan, pointsUnit } from '../domain/format';
import { fillText, formatNumber, monthLabel, t } from '../i18n';
import { h } from './dom';
import { changeText, section, type ReportContext } from './report-layout';

/** The county in the month: a lead paragraph, then each indicator with its change and the project figures. */
export function countySection(c: ReportContext): HTMLElement {
  const { report, lang } = c;
  const { county } = report;
  const el = section('report-county', t(lang, 'reportCountySection'));
  const change = county.laggingChange === null ? '' : fillText(lang, county.laggingChange > 0 ? 'reportLaggingUp' : county.laggingChange < 0 ? 'reportLaggingDown' : 'reportLaggingSame', { n: Math.abs(county.laggingChange) });
  el.append(
    h('p', 'report-lead', fillText(lang, 'reportLead', {
      month: monthLabel(lang, report.month),
      total: formatNumber(lang, county.projects.total),
      done: formatNumber(lang, county.projects.done),
      building: formatNumber(lang, county.projects.building),
      planned: formatNumber(lang, county.projects.planned),
      budget: formatWan(county.budgetWan),
      spent: formatWan(county.spentWan),
      rate: formatIndicator(indicatorSpec('disbursement'), county.budgetWan > 0 ? county.spentWan / county.budgetWan : null, lang),
      threshold: c.site.config.thresholds.lagPoints,
      lagging: formatNumber(lang, county.laggingProjects),
      change,
    })),
  );
  const grid = h('dl', 'report-figures');
  for (const f of county.indicators) {
    const spec = indicatorSpec(f.id);
    const goal = c.site.config.goals.find((g) => g.id === f.id);
    const change = f.change === null ? null : fillText(lang, 'reportVsLastMonth', { change: `${changeText(spec, f.change)} ${pointsUnit(lang)}` });
    const item = figure(f.id, goal ? `${goal[lang]}${t(lang, 'colon')}${spec[lang]}` : spec[lang], formatIndicator(spec, f.value, lang), change);
    if (goal) item.classList.add('report-figure--goal');
    grid.append(item);
  }
  const p = county.projects;
  grid.append(
    figure('projects', t(lang, 'projectCount'), formatNumber(lang, p.total), fillText(lang, 'reportStatusBreakdown', { done: formatNumber(lang, p.done), building: formatNumber(lang, p.building), planned: formatNumber(lang, p.planned) })),
    figure('spent', t(lang, 'reportSpentWan'), formatWan(county.spentWan), fillText(lang, 'reportBudgetOf', { budget: formatWan(county.budgetWan) })),
    figure('lagging', t(lang, 'laggingProjects'), formatNumber(lang, county.laggingProjects), county.laggingChange === null ? null : fillText(lang, 'reportCountChange', { change: county.laggingChange > 0 ? `+${county.laggingChange}` : formatSigned(county.laggingChange, 0) })),
  );
  el.append(grid);
  return el;
}

/** One figure of the county grid: a label, a big value and a line below it. */
function figure(name: string, label: string, value: string, note: string | null): HTMLElement {
  const item = h('div', 'report-figure');
  item.dataset.figure = name;
  item.append(h('dt', '', label), h('dd', 'report-figure-value', value));
  if (note !== null) item.append(h('dd', 'report-figure-change', note));
  return item;
}
