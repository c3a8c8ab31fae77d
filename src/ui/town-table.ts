import type { SiteData } from '../contract/site';
import { formatMonthZh, formatShare } from '../domain/format';

/** The towns with their project completion rate in the latest month, as an accessible table. */
export function mountTownTable(el: HTMLElement, site: SiteData): () => void {
  const m = site.months.length - 1;
  const month = site.months[m];
  const completion = site.series.completion;
  const table = document.createElement('table');
  table.id = 'town-table';
  const caption = table.createCaption();
  caption.textContent = `各乡镇项目完工率${month ? `（${formatMonthZh(month)}）` : ''}`;
  const head = table.createTHead().insertRow();
  for (const [text, isNum] of [['乡镇', false], ['村（社区）数', true], ['项目数', true], ['完工率', true]] as const) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    if (isNum) th.className = 'num';
    head.append(th);
  }
  const body = table.createTBody();
  for (const town of site.towns) {
    const value = completion.towns[m]?.[town.id] ?? null;
    const row = body.insertRow();
    row.dataset.code = town.code;
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = town.name;
    row.append(name);
    cell(row, String(town.villageCount));
    cell(row, String(town.projectCount));
    const rate = cell(row, formatShare(value));
    rate.dataset.value = value === null ? '' : String(value);
    const bar = document.createElement('span');
    bar.className = 'bar';
    bar.style.width = `${Math.round((value ?? 0) * 80)}px`;
    bar.setAttribute('aria-hidden', 'true');
    rate.prepend(bar);
  }
  const foot = table.createTFoot().insertRow();
  const label = document.createElement('td');
  label.textContent = `${site.config.region.name}合计`;
  foot.append(label);
  cell(foot, String(site.villages.length));
  cell(foot, String(site.towns.reduce((n, t) => n + t.projectCount, 0)));
  cell(foot, formatShare(completion.county[m] ?? null));
  el.append(table);
  return () => table.remove();
}

function cell(row: HTMLTableRowElement, text: string): HTMLTableCellElement {
  const td = row.insertCell();
  td.className = 'num';
  td.textContent = text;
  return td;
}
