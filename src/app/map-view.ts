/**
 * What the map shows for a state, worked out without drawing it: each area's colour, the
 * selection and lag flags, the legend, the keyboard's words for an area, and whether the view
 * draws project markers. src/app/atlas.ts draws it on whichever map is drawing.
 */
import type { SiteData } from '../contract/site';
import { formatIndicator } from '../domain/indicators';
import { regionName } from '../domain/region-name';
import { fillText } from '../i18n';
import type { LegendContent } from '../map/legend-control';
import type { AreaRef, AreaStyle } from '../map/map-engine';
import { monthIndexOf, selectionOf, valuesAt, type Selection } from '../state/derive';
import { deriveView, type LoadedProjects } from '../state/derived-view';
import type { ViewState } from '../state/view-state';

/** Fill of the towns around a drilled-into town: the villages carry the colours there. */
const NEUTRAL_TOWN = '#f3f2ee';

/** The map's view of a state. */
export interface MapView {
  monthIndex: number;
  selection: Selection;
  areas: AreaStyle;
  legend: LegendContent;
  /** The words the keyboard announces for the `i`-th of `n` areas: its name, value and class. */
  describeArea: (area: AreaRef & { name: string }, i: number, n: number) => string;
  /** True when the view draws a town's project markers. */
  drawsProjects: boolean;
}

/** The map's view of `state`; `showsProjects`, the page's 显示项目 switch. */
export function mapViewOf(site: SiteData, projects: LoadedProjects, state: ViewState, showsProjects: boolean): MapView {
  const m = monthIndexOf(site, state);
  const selection = selectionOf(site, state);
  // The colours and scale from the view's derivation: the legend and the report's key read the same scale.
  const { spec, values, scale } = deriveView(site, projects, state).colouring(state);
  const colour = (v: number | null): string | null => (v === null ? null : scale.colorFor(v));
  const lagPoints = site.config.thresholds.lagPoints;
  const isBehind = (v: number | null | undefined): boolean => v !== null && v !== undefined && v > lagPoints;
  const lag = valuesAt(site, 'lag', m);
  // The county view compares towns and draws them from site.json alone: its thousands of markers
  // would only hide the colours, and would have to load every project first. A town's projects
  // load when it is opened (or a project in it is), and its markers show then.
  const drawsProjects = showsProjects && selection.town !== null;
  return {
    monthIndex: m,
    selection,
    areas: {
      townColours: selection.town ? site.towns.map(() => NEUTRAL_TOWN) : values.towns.map(colour),
      villageColours: values.villages.map(colour),
      selectedTown: selection.town?.id ?? null,
      selectedVillage: selection.village?.id ?? null,
      laggingTowns: new Set(site.towns.filter((t) => isBehind(lag.towns[t.id])).map((t) => t.id)),
      laggingVillages: new Set(site.villages.filter((v) => isBehind(lag.villages[v.id])).map((v) => v.id)),
      noDataColour: scale.noData.color,
    },
    legend: {
      lagPoints,
      isDelta: state.isDelta,
      scale,
      subject: selection.town ? fillText(state.lang, 'legendVillagesOf', { town: selection.town.name }) : fillText(state.lang, 'legendTownsOf', { region: regionName(site.config.region, state.lang) }),
      isDots: selection.town !== null,
      categories: site.config.categories,
      showsProjects: drawsProjects,
      isProjectsInTowns: showsProjects && selection.town === null && state.tour === null,
      isEstimated: site.estimated.includes(spec.id),
      lang: state.lang,
    },
    describeArea: (area, i, n) => {
      const value = area.kind === 'town' ? values.towns[area.id] : values.villages[area.id];
      const bin = scale.binIndex(value ?? null);
      return fillText(state.lang, 'mapAreaAnnounce', {
        name: area.name,
        indicator: scale.title,
        value: formatIndicator(spec, value ?? null, state.lang),
        class: bin < 0 ? scale.noData.label : (scale.bins[bin]?.label ?? ''),
        i: String(i),
        n: String(n),
      });
    },
    drawsProjects,
  };
}
