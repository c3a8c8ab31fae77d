/** The report's photo check, a part of its data quality section: projects finished this month without a completion photo (形象进度 without its evidence). */
import { fillText, formatNumber, t } from '../i18n';
import type { PhotoGapRow, ReportPhotos } from '../state/report-photos';
import { h } from './dom';
import { withDataNames } from './findings-section';
import type { ReportContext } from './report-layout';

/**
 * The part, or null when the data has no photos at all (a county that keeps none is not told,
 * each month, that all are missing). The projects are listed town by town as running text, as a
 * bulletin names them: a county with few photos yet has hundreds, and a table would fill pages.
 */
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
    const byTown = new Map<string, PhotoGapRow[]>();
    for (const p of photos.missing) byTown.set(p.townName, [...(byTown.get(p.townName) ?? []), p]);
    for (const [town, rows] of byTown) {
      const line = h('p', 'report-photos-town');
      const head = h('strong', '');
      head.append(...withDataNames(fillText(lang, 'reportPhotosTown', { town, n: formatNumber(lang, rows.length) }), [town], lang));
      line.append(head);
      rows.forEach((p, i) => {
        if (i > 0) line.append(t(lang, 'reportPhotosSeparator'));
        const item = h('span', 'report-photos-item');
        item.append(...withDataNames(fillText(lang, 'reportPhotosItem', { name: p.name, id: p.id }), [p.name], lang));
        item.dataset.project = p.id;
        line.append(item);
      });
      el.append(line);
    }
  }
  if (photos.withheld > 0) el.append(h('p', 'report-note', fillText(lang, 'reportPhotosWithheld', { n: formatNumber(lang, photos.withheld) })));
  return el;
}
