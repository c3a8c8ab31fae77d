/** What every section of the monthly report shares: the context it is drawn from, a section, a table head, a change in points. */
import type { SiteData } from '../contract/site';
import type { IndicatorSpec } from '../domain/indicators';
import { formatSigned } from '../domain/format';
import { UNITS } from '../domain/units';
import type { Lang } from '../i18n';
import type { MonthlyReport } from '../state/report-model';
import { h } from './dom';

/** What a section of the report is drawn from: the site, the month's report, the language and the chosen indicator. */
export interface ReportContext {
  site: SiteData;
  report: MonthlyReport;
  lang: Lang;
  spec: IndicatorSpec;
}

/** A numbered section with its heading. */
export function section(className: string, title: string): HTMLElement {
  const el = h('section', `report-section ${className}`);
  el.append(h('h2', 'report-heading', title));
  return el;
}

/** A table head row; `numeric` columns are right-aligned. */
export function headRow(table: HTMLTableElement, labels: readonly string[], numeric: readonly number[]): void {
  const row = table.createTHead().insertRow();
  labels.forEach((label, i) => {
    const th = h('th', numeric.includes(i) ? 'report-num' : '', label);
    th.scope = 'col';
    row.append(th);
  });
}

/** A change of an indicator in percentage points with its sign (`+2.5`, `−1.0`, `0.0`); empty when there is nothing to compare with. */
export function changeText(spec: IndicatorSpec, change: number | null): string {
  if (change === null) return '';
  const points = change * UNITS[spec.unit].pointsPerUnit;
  const text = formatSigned(points);
  return points > 0 && Number(text) !== 0 ? `+${text}` : text;
}
