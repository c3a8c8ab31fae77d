/** The panel's 数据核查 section: the area's data quality score and what the 数据实 checks found there, each one click from its place. */
import type { SiteData, SiteFinding } from '../contract/site';
import { describeFinding, RULE_ADVICE } from '../domain/finding-text';
import { formatWan } from '../domain/format';
import type { Finding } from '../domain/integrity-model';
import { DATA_LANG, fillText, langTag, pick, t, type Lang } from '../i18n';
import type { Selection } from '../state/derive';
import { h } from './dom';

/** Findings listed before "另有 N 条". */
export const FINDINGS_LIST_MAX = 8;

export interface FindingsDeps {
  site: SiteData;
  /** Opens a finding's place: its project (with its town and village) or its village or town. */
  onOpen(place: { town: number; village: number; project: string | null }): void;
  /** The projects page's link for a project (the same hash with view=projects). */
  tableHref(project: { id: string; town: number; village: number }): string;
}

/** The findings of the selected area: every one for the county, a town's, or a village's. */
export function findingsOf(site: SiteData, sel: Selection): SiteFinding[] {
  const all = site.integrity.findings;
  if (sel.village) return all.filter((f) => f.village === sel.village?.id);
  if (sel.town) return all.filter((f) => f.town === sel.town?.id);
  return all;
}

/** The area's score (0–100). */
export function qualityOf(site: SiteData, sel: Selection): number | null {
  const q = site.integrity;
  if (sel.village) return q.villages[sel.village.id] ?? null;
  if (sel.town) return q.towns[sel.town.id] ?? null;
  return q.county;
}

/** The section, built fresh for a selection and language. */
export function findingsSection(deps: FindingsDeps, sel: Selection, lang: Lang): HTMLElement {
  const { site } = deps;
  const el = h('section', 'panel-section panel-section--findings');
  const heading = h('h3', 'panel-heading', t(lang, 'findingsTitle'));
  heading.id = 'area-panel-findings';
  el.setAttribute('aria-labelledby', heading.id);
  el.append(heading);
  const score = qualityOf(site, sel);
  const figure = h('p', 'panel-quality');
  figure.dataset.score = String(score ?? '');
  figure.append(h('strong', 'panel-quality-value', score === null ? '—' : fillText(lang, 'qualityScoreValue', { score: score.toFixed(1) })), h('span', 'panel-quality-label', t(lang, 'qualityScore')));
  el.append(figure, h('p', 'panel-note', t(lang, 'qualityHint')));

  const counted = sel.village ? null : sel.town ? (site.integrity.townCounts[sel.town.id] ?? 0) : site.integrity.townCounts.reduce((a, b) => a + b, 0);
  if (!site.integrity.isListed) {
    // A public build counts them per town (a village's are not counted on their own).
    if (counted !== null) el.append(h('p', 'panel-findings-count', counted === 0 ? t(lang, 'noFindings') : fillText(lang, 'findingsCountPublic', { n: counted })));
    return el;
  }
  const findings = findingsOf(site, sel);
  const list = h('ol', 'panel-findings');
  list.id = 'findings-list';
  list.dataset.count = String(findings.length);
  list.setAttribute('aria-labelledby', heading.id);
  el.append(h('p', 'panel-findings-count', findings.length === 0 ? t(lang, 'noFindings') : fillText(lang, 'findingsCount', { n: findings.length })));
  if (findings.length === 0) return el;
  // The county's list folds away (the panel is long, and the ranking below it is a Tab away); a
  // town's or village's few findings are open.
  const fold = h('details', 'panel-fold');
  fold.open = sel.town !== null;
  fold.append(h('summary', 'panel-fold-summary', fillText(lang, 'findingsShowAll', { n: findings.length })), h('p', 'panel-note', t(lang, 'findingsIntro')));
  for (const f of findings.slice(0, FINDINGS_LIST_MAX)) list.append(item(deps, f, lang));
  fold.append(list);
  if (findings.length > FINDINGS_LIST_MAX) fold.append(h('p', 'panel-lag-more', fillText(lang, 'findingsMore', { n: findings.length - FINDINGS_LIST_MAX })));
  el.append(fold);
  return el;
}

function item(deps: FindingsDeps, f: SiteFinding, lang: Lang): HTMLElement {
  const { site } = deps;
  // The text module names projects by index into the finding's own list.
  const finding: Finding = { ...f, projects: f.projects.map((_, k) => k) };
  const text = describeFinding(finding, lang, {
    project: (k) => f.projects[k]?.name ?? '',
    village: (i) => site.villages[i]?.name ?? '',
    town: (i) => site.towns[i]?.name ?? '',
  });
  const li = h('li', 'panel-finding');
  li.dataset.rule = f.rule;
  const first = f.projects[0] ?? null;
  if (first) li.dataset.project = first.id;
  const title = h('button', 'panel-lag-link panel-finding-title', text.title);
  title.type = 'button';
  title.addEventListener('click', () => deps.onOpen({ town: f.town, village: f.village, project: first?.id ?? null }));
  const detail = h('span', 'panel-finding-detail');
  detail.append(...withDataNames(text.detail, [...f.projects.map((p) => p.name), site.villages[f.village]?.name ?? '', site.towns[f.town]?.name ?? ''], lang));
  li.append(title, detail);
  const meta = [f.amountWan > 0 ? fillText(lang, 'findingsAmount', { amount: formatWan(f.amountWan) }) : '', f.projects.length > 1 ? fillText(lang, 'findingsProjects', { n: f.projects.length }) : ''].filter(Boolean).join(' · ');
  if (meta) li.append(h('span', 'panel-finding-meta', meta));
  li.append(h('span', 'panel-finding-advice', `${t(lang, 'findingsAdvice')}${t(lang, 'colon')}${pick(RULE_ADVICE[f.rule], lang)}`));
  if (first) {
    const link = h('a', 'panel-finding-table', t(lang, 'showInTable'));
    link.href = deps.tableHref({ id: first.id, town: f.town, village: f.village });
    li.append(link);
  }
  return li;
}

/**
 * A sentence with the data's names in it, the names marked as Chinese on an English page (so a
 * screen reader reads them as Chinese, and they are known for data, not interface text).
 */
export function withDataNames(text: string, names: readonly string[], lang: Lang): Node[] {
  const known = [...new Set(names.filter((n) => n !== ''))].sort((a, b) => b.length - a.length);
  if (lang === DATA_LANG || known.length === 0) return [document.createTextNode(text)];
  const pattern = new RegExp(`(${known.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return text.split(pattern).filter((part) => part !== '').map((part) => {
    if (!known.includes(part)) return document.createTextNode(part);
    const span = h('span', 'data-name', part);
    span.lang = langTag(DATA_LANG);
    return span;
  });
}
