/** The report's photo check, a part of its data quality section: projects finished this month without a completion photo (形象进度 without its evidence). */
import { fillText, formatNumber, t } from '../i18n';
import { statusName } from '../state/projects-table';
import type { ReportPhotos } from '../state/report-photos';
import { h } from './dom';
import { headRow, type ReportContext } from './report-layout';

/** The part, or null when the data has no photos at all (a county that keeps none is not told, each month, that all are missing). */
export function photosPart(c: ReportContext): HTMLElement | null {
  const { report, lang } = c;
  const photos: ReportPhotos | null = report.photos;
  if (!photos) return null;
  const el = h('section', 'report-photos');
  el.append(h('h3', 'report-subheading', t(lang, 'reportPhotosSection')));
  const n = photos.missing.length;
  const done = formatNumber(lang, photos.finished);
  if (photos.finished === 0) el.append(h('p', 'report-lead', t(lang, 'reportPhotosNoneDone')));
  else if (n === 0) el.append(h('p', 'report-lead', fillText(lang, 'reportPhotosAll', { done })));
  else {
    el.append(h('p', 'report-lead', fillText(lang, 'reportPhotosLead', { done, n: formatNumber(lang, n) })));
    const table = h('table', 'report-table report-photos-table');
    headRow(table, [t(lang, 'projectId'), t(lang, 'projectName'), t(lang, 'town'), t(lang, 'location'), t(lang, 'status')], []);
    const body = table.createTBody();
    for (const p of photos.missing) {
      const tr = body.insertRow();
      tr.dataset.project = p.id;
      const townWide = fillText(lang, 'townWide', { town: p.townName });
      tr.append(h('td', 'report-id', p.id), h('td', '', p.name), h('td', '', p.townName), h('td', '', p.villageName ?? townWide), h('td', '', statusName(p.status, lang)));
    }
    el.append(table);
  }
  if (photos.withheld > 0) el.append(h('p', 'report-note', fillText(lang, 'reportPhotosWithheld', { n: formatNumber(lang, photos.withheld) })));
  return el;
}
