/** The report's lagging section: each town's projects behind plan beyond the threshold. */
import { fillText, formatNumber, t } from '../i18n';
import type { LaggingGroup } from '../state/report-model';
import { h } from './dom';
import { headRow, section, type ReportContext } from './report-layout';

/** The projects behind plan beyond the threshold, a table per town. */
export function laggingSection(c: ReportContext): HTMLElement {
  const { report, lang } = c;
  const el = section('report-lagging', t(lang, 'reportLaggingSection'));
  const n = report.lagging.reduce((sum, g) => sum + g.projects.length, 0);
  if (n === 0) {
    el.append(h('p', 'report-lead', t(lang, 'reportNoLagging')));
    return el;
  }
  el.append(h('p', 'report-lead', fillText(lang, 'reportLaggingLead', { n: formatNumber(lang, n), towns: report.lagging.length, threshold: c.site.config.thresholds.lagPoints })));
  for (const group of report.lagging) el.append(laggingGroup(c, group));
  return el;
}

function laggingGroup(c: ReportContext, group: LaggingGroup): HTMLElement {
  const { lang } = c;
  const el = h('section', 'report-lag-group');
  el.dataset.code = group.code;
  el.append(h('h3', 'report-subheading', fillText(lang, 'reportLaggingTown', { town: group.name, n: group.projects.length })));
  const table = h('table', 'report-table report-lag-table');
  headRow(table, [t(lang, 'projectId'), t(lang, 'projectName'), t(lang, 'location'), t(lang, 'unit'), t(lang, 'reportExpected'), t(lang, 'reportActual'), t(lang, 'reportLag')], [4, 5, 6]);
  const townWide = t(lang, group.name.endsWith('乡') ? 'reportTownshipWide' : 'reportTownWide');
  const body = table.createTBody();
  for (const p of group.projects) {
    const tr = body.insertRow();
    tr.dataset.project = p.id;
    const id = h('td', 'report-id', p.id);
    tr.append(id, h('td', '', p.name), h('td', '', p.villageName ?? townWide), h('td', '', p.unit ?? '—'), h('td', 'report-num', `${p.expectedPct.toFixed(1)}%`), h('td', 'report-num', `${p.actualPct.toFixed(1)}%`), h('td', 'report-num report-lag-points', p.lagPoints.toFixed(1)));
  }
  el.append(table);
  return el;
}
