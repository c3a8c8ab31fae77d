/** The monthly report's 数据质量 section: each town's data quality score in the month, its findings so far, and (when listed) what they are. */
import type { SiteData } from '../contract/site';
import { describeFinding } from '../domain/finding-text';
import { indicatorSpec } from '../domain/indicators';
import type { Finding } from '../domain/integrity-model';
import { UNITS } from '../domain/units';
import { DATA_LANG, fillText, langTag, t, type Lang } from '../i18n';
import type { ReportQuality } from '../state/report-model';
import { withDataNames } from './findings-section';
import { h } from './dom';

/** The section from the report's quality figures (state/report-model.ts). */
export function qualitySection(site: SiteData, quality: ReportQuality, lang: Lang): HTMLElement {
  const el = h('section', 'report-section report-quality');
  el.append(h('h2', 'report-heading', t(lang, 'reportQualitySection')), h('p', 'report-lead', t(lang, 'reportQualityLead')));
  const listed = quality.findings;
  const unit = UNITS[indicatorSpec('quality').unit];
  const table = h('table', 'report-table report-quality-table');
  table.id = 'report-quality';
  const head = table.createTHead().insertRow();
  for (const [label, isNum] of [[t(lang, 'town'), false], [t(lang, 'qualityScore'), true], [t(lang, 'findingsTitle'), true]] as const) {
    const th = h('th', isNum ? 'report-num' : '', label);
    th.scope = 'col';
    head.append(th);
  }
  const body = table.createTBody();
  // Lowest score first: the towns whose figures most need a visit.
  for (const row of quality.towns) {
    const tr = body.insertRow();
    tr.dataset.code = row.code;
    tr.append(h('td', '', row.name), h('td', 'report-num', row.score === null ? '—' : unit.formatInColumn(row.score)), h('td', 'report-num', String(row.findings)));
  }
  el.append(table);
  if (!listed) {
    el.append(h('p', 'report-note', t(lang, 'reportQualityCounted')));
    return el;
  }
  if (listed.length === 0) return el;
  el.append(h('p', 'report-lead', fillText(lang, 'reportQualityListed', { n: listed.length })));
  const list = h('ol', 'report-findings');
  for (const f of listed) {
    const finding: Finding = { ...f, projects: f.projects.map((_, k) => k) };
    const text = describeFinding(finding, lang, { project: (k) => f.projects[k]?.name ?? '', village: (i) => site.villages[i]?.name ?? '', town: (i) => site.towns[i]?.name ?? '' });
    const li = h('li', 'report-finding');
    li.dataset.rule = f.rule;
    const town = h('strong', '', site.towns[f.town]?.name ?? '');
    town.lang = langTag(DATA_LANG);
    li.append(town, h('strong', '', ` · ${text.title}`), document.createTextNode(t(lang, 'colon')), ...withDataNames(text.detail, [...f.projects.map((p) => p.name), site.villages[f.village]?.name ?? '', site.towns[f.town]?.name ?? ''], lang));
    list.append(li);
  }
  el.append(list);
  return el;
}
