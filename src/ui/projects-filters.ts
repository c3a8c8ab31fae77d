/** The projects page's filters (筛选项目): search, town, village, start year, categories, statuses, with photos, reset, and the phone's sort. */
import type { SiteData } from '../contract/site';
import { fillText, pick, t, type Lang } from '../i18n';
import type { SortDirection, SortKey } from '../state/projects-table';
import { STATUS_FILTERS, type ViewState } from '../state/view-state';
import { h } from './dom';
import { button, checkboxGroup, field, options } from './projects-controls';
import { COLUMNS } from './projects-table-view';

export interface ProjectsFiltersDeps {
  site: SiteData;
  /** The projects carry site photos: the form offers to show only those with one. */
  hasPhotos: boolean;
  /** Sets view state (town, village, cat, st, photos, project) through the store. */
  onChange(patch: Partial<ViewState>): void;
  /** The page's own filters and order (not in the view state): the search text, the year, the sort. */
  onQuery(query: string): void;
  onYear(year: number | null): void;
  onSort(sort: { key: SortKey; direction: SortDirection }): void;
  /** "Clear the filters": the page's own, then the view state's. */
  onReset(): void;
}

/** What the filters show. */
export interface ProjectsFiltersView {
  state: ViewState;
  query: string;
  year: number | null;
  /** The start years to choose from. */
  years: readonly number[];
  sort: { key: SortKey; direction: SortDirection };
}

/** The filter form; `update` sets its labels, options and values. */
export function mountProjectsFilters(deps: ProjectsFiltersDeps) {
  const { site } = deps;
  const form = h('form', 'projects-filters');
  form.setAttribute('role', 'search');
  form.addEventListener('submit', (e) => e.preventDefault());
  const search = field('input', 'projects-q');
  search.control.type = 'search';
  search.control.autocomplete = 'off';
  search.control.addEventListener('input', () => deps.onQuery(search.control.value));
  const town = field('select', 'projects-town');
  town.control.addEventListener('change', () => deps.onChange({ town: town.control.value || null, village: null, project: null }));
  const village = field('select', 'projects-village');
  village.control.addEventListener('change', () => deps.onChange({ village: village.control.value || null, project: null }));
  const yearField = field('select', 'projects-year');
  yearField.control.addEventListener('change', () => deps.onYear(yearField.control.value === '' ? null : Number(yearField.control.value)));
  const categoryBoxes = checkboxGroup(site.config.categories.map((c) => c.id), 'projects-cat', (on) => deps.onChange({ cat: on }));
  site.config.categories.forEach((c, i) => {
    const dot = h('span', 'projects-dot');
    dot.style.backgroundColor = c.colour;
    dot.setAttribute('aria-hidden', 'true');
    categoryBoxes.items[i]?.label.insertBefore(dot, categoryBoxes.items[i]?.text ?? null);
  });
  const statusBoxes = checkboxGroup(STATUS_FILTERS, 'projects-st', (on) => deps.onChange({ st: on }));
  const photosOnly = h('label', 'projects-check projects-photos-only');
  const photosBox = h('input', '');
  photosBox.type = 'checkbox';
  photosBox.id = 'projects-photos';
  photosBox.addEventListener('change', () => deps.onChange({ isPhotosOnly: photosBox.checked }));
  const photosText = h('span', '');
  photosOnly.append(photosBox, photosText);
  photosOnly.hidden = !deps.hasPhotos;
  const reset = button('projects-reset', () => deps.onReset());
  // Sorting on a phone, where the table's header row is not shown (the header's buttons do it on wider screens).
  const sortField = field('select', 'projects-sort-by');
  sortField.wrap.classList.add('projects-sort-field');
  sortField.control.addEventListener('change', () => {
    const [key, direction] = sortField.control.value.split(' ');
    const column = COLUMNS.find((c) => c.key === key);
    if (!column?.key || (direction !== 'ascending' && direction !== 'descending')) return;
    deps.onSort({ key: column.key, direction });
  });
  const fields = h('div', 'projects-fields-row');
  fields.append(search.wrap, town.wrap, village.wrap, yearField.wrap, sortField.wrap);
  form.append(fields, categoryBoxes.fieldset, statusBoxes.fieldset, photosOnly, reset);

  function update(v: ProjectsFiltersView): void {
    const s = v.state;
    const lang: Lang = s.lang;
    form.setAttribute('aria-label', t(lang, 'projectsFilters'));
    search.label.textContent = t(lang, 'projectsSearch');
    search.control.placeholder = t(lang, 'projectsSearchHint');
    if (search.control.value !== v.query) search.control.value = v.query;
    town.label.textContent = t(lang, 'town');
    options(town.control, [['', t(lang, 'projectsAllTowns')], ...site.towns.map((x): [string, string] => [x.code, x.name])], s.town ?? '');
    village.label.textContent = t(lang, 'village');
    const chosenTown = site.towns.find((x) => x.code === s.town);
    const villages = chosenTown ? site.villages.filter((x) => x.townId === chosenTown.id) : [];
    options(village.control, [['', t(lang, chosenTown ? 'projectsAllVillages' : 'projectsChooseTown')], ...villages.map((x): [string, string] => [x.code, x.name])], s.village ?? '');
    village.control.disabled = !chosenTown;
    yearField.label.textContent = t(lang, 'projectsYear');
    options(yearField.control, [['', t(lang, 'projectsAllYears')], ...v.years.map((y): [string, string] => [String(y), fillText(lang, 'yearLabel', { year: y })])], v.year === null ? '' : String(v.year));
    categoryBoxes.legend.textContent = t(lang, 'categories');
    site.config.categories.forEach((c, i) => {
      const item = categoryBoxes.items[i];
      if (!item) return;
      item.text.textContent = pick(c, lang);
      item.input.checked = s.cat.length === 0 || s.cat.includes(c.id);
    });
    statusBoxes.legend.textContent = t(lang, 'statuses');
    STATUS_FILTERS.forEach((st, i) => {
      const item = statusBoxes.items[i];
      if (!item) return;
      item.text.textContent = t(lang, st === 'done' ? 'projectsDoneAccepted' : st);
      item.input.checked = s.st.length === 0 || s.st.includes(st);
    });
    photosText.textContent = t(lang, 'projectsPhotosOnly');
    photosBox.checked = s.isPhotosOnly;
    reset.textContent = t(lang, 'projectsReset');
    sortField.label.textContent = t(lang, 'projectsSortLabel');
    const sortOptions = COLUMNS.flatMap((col) => (col.key === null ? [] : (['ascending', 'descending'] as const).map((d): [string, string] => [`${col.key} ${d}`, fillText(lang, 'projectsSortOption', { column: t(lang, col.label), direction: t(lang, d === 'ascending' ? 'projectsAscending' : 'projectsDescending') })])));
    options(sortField.control, sortOptions, `${v.sort.key} ${v.sort.direction}`);
  }

  return { form, update };
}
