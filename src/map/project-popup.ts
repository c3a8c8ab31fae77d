import { Popup, type Map as MapLibreMap } from 'maplibre-gl';
import { STATUSES } from '../contract/columns';
import type { CategoryConfig } from '../contract/config';
import type { SiteProjects } from '../contract/projects';
import type { SiteData } from '../contract/site';
import { formatWan } from '../domain/format';
import { pick, t, type Lang } from '../i18n';

/** The full public disclosure (公告公示) of one project, as a DOM fragment built with textContent. */
export function projectDisclosure(site: SiteData, p: SiteProjects, i: number, monthIndex: number, lang: Lang): HTMLElement {
  const box = document.createElement('div');
  box.className = 'project-disclosure';
  const h = document.createElement('h3');
  h.textContent = p.name[i] ?? '';
  box.append(h);
  const category: CategoryConfig | undefined = site.config.categories[p.category[i] ?? -1];
  const town = site.towns[p.town[i] ?? -1];
  const village = site.villages[p.village[i] ?? -1];
  const status = STATUSES[p.status[monthIndex]?.[i] ?? 0] ?? 'planned';
  const rows: [string, string][] = [
    [t(lang, 'location'), [site.config.region.name, town?.name, village?.name].filter(Boolean).join(' ')],
    [t(lang, 'category'), category ? pick(category, lang) : '—'],
    [t(lang, 'status'), `${t(lang, status)} · ${t(lang, 'progress')} ${p.progressPct[monthIndex]?.[i] ?? 0}%`],
    [t(lang, 'content'), p.content[i] ?? '—'],
    [t(lang, 'budgetWan'), `${formatWan(p.budgetWan[i] ?? 0)} ${t(lang, 'wan')}（${t(lang, 'spent')} ${formatWan(p.spentWan[monthIndex]?.[i] ?? 0)}）`],
    [t(lang, 'fundSource'), p.fundSource[i] ?? '—'],
    [t(lang, 'period'), `${p.start[i] ?? ''} — ${p.due[i] ?? ''}`],
    [t(lang, 'unit'), p.unit[i] ?? '—'],
    [t(lang, 'beneficiaries'), `${p.beneficiaryHouseholds[i] ?? '—'}（${p.beneficiaryPoorHouseholds[i] ?? '—'}）`],
    [t(lang, 'target'), p.target[i] ?? '—'],
    [t(lang, 'hotline'), [p.hotline[i], '12317'].filter((x, k, a) => x && a.indexOf(x) === k).join(' / ')],
  ];
  const dl = document.createElement('dl');
  for (const [k, v] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dl.append(dt, dd);
  }
  box.append(dl);
  const id = document.createElement('p');
  id.className = 'project-id';
  id.textContent = p.id[i] ?? '';
  box.append(id);
  return box;
}

/** One popup at a time, anchored at the project's point. */
export class ProjectPopup {
  private popup: Popup | null = null;
  constructor(
    private readonly map: MapLibreMap,
    private readonly onClose: () => void,
  ) {}

  show(lonLat: [number, number], content: HTMLElement): void {
    this.hide();
    const popup = new Popup({ maxWidth: '360px', closeButton: true, focusAfterOpen: true, className: 'project-popup' }).setLngLat(lonLat).setDOMContent(content).addTo(this.map);
    popup.on('close', () => {
      if (this.popup === popup) {
        this.popup = null;
        this.onClose();
      }
    });
    this.popup = popup;
  }

  hide(): void {
    const p = this.popup;
    this.popup = null;
    p?.remove();
  }
}
