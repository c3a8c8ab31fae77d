import type { SiteData } from '../contract/site';
import { CLASS_METHODS, CLASS_METHOD_LABELS, type ClassMethod } from '../domain/classify';
import { INDICATORS } from '../domain/indicators';
import { pick, t } from '../i18n';
import type { Store } from '../state/store';
import { STATUS_FILTERS, type StatusFilter, type ViewState } from '../state/view-state';

export interface ControlsOptions {
  site: SiteData;
  store: Store<ViewState>;
}

/** The map's controls: indicator, classification, and the project filters by category and status. */
export function mountControls(el: HTMLElement, o: ControlsOptions): { update(state: ViewState): void; unmount(): void } {
  const { site, store } = o;
  const root = document.createElement('form');
  root.className = 'map-controls';
  root.id = 'map-controls';
  root.addEventListener('submit', (e) => e.preventDefault());

  const indicator = select('ind', () => INDICATORS.map((i) => [i.id, pick(i, store.get().lang)]));
  indicator.input.addEventListener('change', () => store.set({ ind: indicator.input.value as ViewState['ind'] }));
  const cls = select('cls', () => CLASS_METHODS.map((m) => [m, pick(CLASS_METHOD_LABELS[m], store.get().lang)]));
  cls.input.addEventListener('change', () => store.set({ cls: cls.input.value as ClassMethod }));

  const deltaBox = checkbox('control-delta', false, (on) => store.set({ isDelta: on }));
  deltaBox.label.classList.add('map-control');
  deltaBox.swatch.remove();
  const filters = document.createElement('details');
  filters.className = 'map-filters';
  const summary = document.createElement('summary');
  const showBox = checkbox('show-projects', store.get().isShowingProjects, (on) => store.set({ isShowingProjects: on }));
  const catSet = document.createElement('fieldset');
  const catLegend = document.createElement('legend');
  catSet.append(catLegend);
  const catBoxes = site.config.categories.map((c) => {
    const box = checkbox(`cat-${c.id}`, true, () => store.set({ cat: chosen(catBoxes.map((b, i) => [site.config.categories[i]!.id, b.input.checked])) }));
    box.swatch.style.background = c.colour;
    box.input.value = c.id;
    catSet.append(box.label);
    return box;
  });
  const stSet = document.createElement('fieldset');
  const stLegend = document.createElement('legend');
  stSet.append(stLegend);
  const stBoxes = STATUS_FILTERS.map((s) => {
    const box = checkbox(`st-${s}`, true, () => store.set({ st: chosen(stBoxes.map((b, i) => [STATUS_FILTERS[i]!, b.input.checked])) as StatusFilter[] }));
    box.swatch.className = `marker marker-${s === 'planned' ? 'ring' : s === 'building' ? 'half' : 'solid'}`;
    stSet.append(box.label);
    return box;
  });
  filters.append(summary, catSet, stSet);
  showBox.label.classList.add('map-control');
  showBox.swatch.remove();
  root.append(indicator.label, cls.label, deltaBox.label, showBox.label, filters);
  el.append(root);

  function update(state: ViewState): void {
    const lang = state.lang;
    indicator.refresh(t(lang, 'indicator'), state.ind);
    cls.refresh(t(lang, 'classification'), state.cls);
    const active = (state.cat.length > 0 ? 1 : 0) + (state.st.length > 0 ? 1 : 0);
    summary.textContent = `${t(lang, 'categories')} · ${t(lang, 'statuses')}${active > 0 ? `（${t(lang, 'filtered')} ${state.cat.length || site.config.categories.length}/${site.config.categories.length} · ${state.st.length || STATUS_FILTERS.length}/${STATUS_FILTERS.length}）` : ''}`;
    showBox.text.textContent = t(lang, 'showProjects');
    showBox.input.checked = state.isShowingProjects;
    deltaBox.text.textContent = t(lang, 'deltaMode');
    deltaBox.input.checked = state.isDelta;
    catLegend.textContent = t(lang, 'categories');
    stLegend.textContent = t(lang, 'statuses');
    catBoxes.forEach((b, i) => {
      const c = site.config.categories[i]!;
      b.text.textContent = pick(c, lang);
      b.input.checked = state.cat.length === 0 || state.cat.includes(c.id);
    });
    stBoxes.forEach((b, i) => {
      const s = STATUS_FILTERS[i]!;
      b.text.textContent = t(lang, s);
      b.input.checked = state.st.length === 0 || state.st.includes(s);
    });
  }
  return { update, unmount: () => root.remove() };
}

/** Checked ids, or [] when all are checked (the default "all"). */
function chosen(items: [string, boolean][]): string[] {
  const on = items.filter(([, isOn]) => isOn).map(([id]) => id);
  return on.length === items.length ? [] : on;
}

function select(name: string, options: () => [string, string][]) {
  const label = document.createElement('label');
  label.className = 'map-control';
  const text = document.createElement('span');
  const input = document.createElement('select');
  input.name = name;
  input.id = `control-${name}`;
  label.append(text, input);
  return {
    label,
    input,
    refresh(caption: string, value: string): void {
      text.textContent = caption;
      input.replaceChildren(
        ...options().map(([v, l]) => {
          const opt = document.createElement('option');
          opt.value = v;
          opt.textContent = l;
          return opt;
        }),
      );
      input.value = value;
    },
  };
}

function checkbox(id: string, isChecked: boolean, onChange: (isOn: boolean) => void) {
  const label = document.createElement('label');
  label.className = 'map-check';
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.id = id;
  input.checked = isChecked;
  input.addEventListener('change', () => onChange(input.checked));
  const swatch = document.createElement('span');
  swatch.className = 'swatch-dot';
  swatch.setAttribute('aria-hidden', 'true');
  const text = document.createElement('span');
  label.append(input, swatch, text);
  return { label, input, swatch, text };
}
