/** The monthly report's 数据质量 section: each town's data quality score in the month, its findings so far, and (when listed) what they are. */
import type { SiteData, SiteFinding } from '../contract/site';
import { describeFinding } from '../domain/finding-text';
import { indicatorSpec } from '../domain/indicators';
import type { Finding } from '../domain/integrity';
import { UNITS } from '../domain/units';
import { DATA_LANG, fillText, langTag, t, type Lang } from '../i18n';
import { withDataNames } from './findings-section';
import { h } from './dom';

/** The findings of the data up to a month (a ledger fact, with no month, always counts). */
export function findingsUpTo(site: SiteData, month: string): SiteFinding[] {
  return site.integrity.findings.filter((f) => f.month === null || f.month <= month);
}

export function qualitySection(site: SiteData, m: number, lang: Lang): HTMLElement {
  const month = site.months[m] ?? '';
  const el = h('section', 'report-section report-quality');
  el.append(h('h2', 'report-heading', t(lang, 'reportQualitySection')), h('p', 'report-lead', t(lang, 'reportQualityLead')));
  const listed = site.integrity.isListed ? findingsUpTo(site, month) : null;
  const perTown = listed ? site.towns.map((tw) => listed.filter((f) => f.town === tw.id).length) : site.integrity.townCounts;
  const scores = site.series.quality.towns[m] ?? [];
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
  const order = site.towns.map((tw) => tw.id).sort((a, b) => (scores[a] ?? 101) - (scores[b] ?? 101) || a - b);
  for (const id of order) {
    const tw = site.towns[id]!;
    const tr = body.insertRow();
    tr.dataset.code = tw.code;
    const score = scores[id];
    tr.append(h('td', '', tw.name), h('td', 'report-num', score === null || score === undefined ? '—' : unit.formatInColumn(score)), h('td', 'report-num', String(perTown[id] ?? 0)));
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
