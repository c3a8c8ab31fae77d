/**
 * A project's full public disclosure (公告公示) as the map's popup shows it, on either map: pure DOM
 * with no renderer, so the page's first chunk carries it without MapLibre (src/app/atlas.ts fills
 * whichever engine's popup with it).
 */
import { STATUSES } from '../contract/columns';
import type { CategoryConfig } from '../contract/config';
import { OTHER_FIELDS, arrange, fieldsShownIn, projectField, type AnyProjectField, type FieldKey } from '../contract/project-fields';
import type { SiteProjects } from '../contract/projects';
import type { SiteData } from '../contract/site';
import { formatWan } from '../domain/format';
import { pick, t, type Lang } from '../i18n';
import { photosOf, withheldOf } from '../state/project-photos';
import { fieldText } from '../state/projects-table';
import { releaseMark } from './release-mark';
import { projectPhotos } from './site-photos';

/** What a line of the disclosure is made from: project `i` of `p`, as of month index `m`. */
interface LineInput {
  p: SiteProjects;
  i: number;
  m: number;
  lang: Lang;
}

/** A line of the disclosure: the public fields it shows, and its label and text. */
interface Line {
  fields: readonly FieldKey[];
  text(input: LineInput): [label: string, value: string];
}

/** A field on a line of its own: its label and its value as written. */
function fieldLine(f: AnyProjectField): Line {
  return { fields: [f.key], text: ({ p, i, lang }) => [t(lang, f.label), fieldText(f, p[f.key][i], lang)] };
}
const line = (key: FieldKey): Line => fieldLine(projectField(key));

/**
 * The disclosure's lines after the place, category and status: the popup's fields in list order
 * (contract/project-fields.ts), the money with what is spent, start and due as one period, the
 * beneficiary households with the poor among them, and the hotline with the national one, last.
 */
const LINES = arrange<Line>(
  fieldsShownIn('popup'),
  [
    line('content'),
    { fields: ['budgetWan'], text: ({ p, i, m, lang }) => [t(lang, 'budgetWan'), `${formatWan(p.budgetWan[i] ?? 0)} ${t(lang, 'wan')}（${t(lang, 'spent')} ${formatWan(p.spentWan[m]?.[i] ?? 0)}）`] },
    line('fundSource'),
    { fields: ['start', 'due'], text: ({ p, i, lang }) => [t(lang, 'period'), `${p.start[i] ?? ''} — ${p.due[i] ?? ''}`] },
    line('unit'),
    { fields: ['beneficiaryHouseholds', 'beneficiaryPoorHouseholds'], text: ({ p, i, lang }) => [t(lang, 'beneficiaries'), `${p.beneficiaryHouseholds[i] ?? '—'}（${p.beneficiaryPoorHouseholds[i] ?? '—'}）`] },
    line('target'),
    OTHER_FIELDS,
    { fields: ['hotline'], text: ({ p, i, lang }) => [t(lang, 'hotline'), [p.hotline[i], NATIONAL_HOTLINE].filter((x, k, a) => x && a.indexOf(x) === k).join(' / ')] },
  ],
  (l) => l.fields,
  fieldLine,
);

/** The national poverty-alleviation supervision hotline (全国扶贫监督举报电话). */
const NATIONAL_HOTLINE = '12317';

/** The full public disclosure (公告公示) of one project, as a DOM fragment built with textContent. */
export function projectDisclosure(site: SiteData, p: SiteProjects, i: number, monthIndex: number, lang: Lang): HTMLElement {
  const box = document.createElement('div');
  box.className = 'project-disclosure';
  const h = document.createElement('h3');
  h.textContent = p.name[i] ?? '';
  box.append(h);
  // Beside the heading, not in it: the heading stays the project's name.
  const mark = releaseMark(site.release, p.id[i] ?? '', lang);
  if (mark) box.append(mark);
  const category: CategoryConfig | undefined = site.config.categories[p.category[i] ?? -1];
  const town = site.towns[p.town[i] ?? -1];
  const village = site.villages[p.village[i] ?? -1];
  const status = STATUSES[p.status[monthIndex]?.[i] ?? 0] ?? 'planned';
  const input: LineInput = { p, i, m: monthIndex, lang };
  const rows: [string, string][] = [
    [t(lang, 'location'), [site.config.region.name, town?.name, village?.name].filter(Boolean).join(' ')],
    [t(lang, 'category'), category ? pick(category, lang) : '—'],
    [t(lang, 'status'), `${t(lang, status)} · ${t(lang, 'progress')} ${p.progressPct[monthIndex]?.[i] ?? 0}%`],
    ...LINES.map((l) => l.text(input)),
  ];
  const dl = document.createElement('dl');
  for (const [k, v] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dl.append(dt, dd);
  }
  // The photos by stage (形象进度) first, where a popup of limited height shows them without scrolling.
  const photos = projectPhotos({ photos: photosOf(p, i), withheld: withheldOf(p, i), projectName: p.name[i] ?? '' }, { lang, isSample: site.config.isSample });
  if (photos) box.append(photos);
  box.append(dl);
  const id = document.createElement('p');
  id.className = 'project-id';
  id.textContent = p.id[i] ?? '';
  box.append(id);
  return box;
}
