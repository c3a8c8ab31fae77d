import { beforeAll, describe, expect, it } from 'vitest';
import { NO_DATA_COLOR } from '../../../../src/domain/palettes';
import type { AreaStyle } from '../../../../src/map/map-engine';
import type { MarkerProjects } from '../../../../src/map/marker-state';
import { buildScene, type SceneInput } from '../../../../src/map/fallback/scene';
import { serializeSvg, walk, type SvgNode } from '../../../../src/map/fallback/svg-node';
import { fallbackLook } from '../../../../src/map/fallback/theme';
import { BASE_COLOURS, LAG_FLAG_COLOUR } from '../../../../src/map/style';
import { loadMiniScene, type MiniScene } from './mini-scene';

let mini: MiniScene;
beforeAll(async () => {
  mini = await loadMiniScene();
});

const county = (over: Partial<AreaStyle> = {}): AreaStyle => ({
  townColours: ['#31a354', '#edf8e9'],
  villageColours: ['#006d2c', null, '#74c476', '#bae4b3'],
  selectedTown: null,
  selectedVillage: null,
  laggingTowns: new Set(),
  laggingVillages: new Set(),
  noDataColour: '#bdbdbd',
  ...over,
});

function input(over: Partial<SceneInput> = {}): SceneInput {
  return {
    site: mini.site,
    boundaries: mini.boundaries,
    size: { width: 800, height: 600 },
    view: { kind: 'area', bbox: mini.site.bbox, padding: { top: 20, bottom: 20, left: 20, right: 20 }, maxZoom: 14 },
    areas: county(),
    markers: null,
    theme: 'default',
    focus: null,
    title: '竹山县各乡镇 产业覆盖率',
    idPrefix: 'fb',
    ...over,
  };
}

const nodes = (svg: SvgNode, pred: (n: SvgNode) => boolean): SvgNode[] => [...walk(svg)].filter(pred);
const kind = (svg: SvgNode, k: string): SvgNode[] => nodes(svg, (n) => n.attrs['data-kind'] === k);

describe('the fallback scene', () => {
  it.each([
    ['two colours', ['#31a354', '#edf8e9']],
    ['a town without data', ['#006d2c', null]],
  ])('fills each town with the colour given for it (%s); no data hatched as on the live map', (_, townColours) => {
    const { svg } = buildScene(input({ areas: county({ townColours }) }));
    const towns = kind(svg, 'town');
    expect(towns.map((n) => Number(n.attrs['data-id']))).toEqual(mini.site.towns.map((t) => t.id));
    towns.forEach((n, k) => expect(n.attrs.fill).toBe(townColours[k] ?? 'url(#fb-hatch)'));
    expect(nodes(svg, (n) => n.tag === 'pattern' && n.attrs.id === 'fb-hatch')).toHaveLength(1);
    // The serialized SVG (the PNG's source) says the same.
    const text = serializeSvg(svg);
    for (const c of townColours) if (c) expect(text).toContain(`fill="${c}"`);
  });

  it('names the map and each town for screen readers: a title, and an element with a role and a name per town', () => {
    const { svg } = buildScene(input());
    expect(svg.children[0]).toMatchObject({ tag: 'title', text: '竹山县各乡镇 产业覆盖率' });
    expect(svg.attrs['aria-labelledby']).toBe(svg.children[0]?.attrs.id);
    expect(kind(svg, 'town').map((n) => [n.attrs.role, n.attrs['aria-label'], n.attrs.id])).toEqual(mini.site.towns.map((t) => ['button', t.name, `fb-town-${t.id}`]));
  });

  it('labels every town with its name', () => {
    const texts = nodes(buildScene(input()).svg, (n) => n.tag === 'text').map((n) => n.text);
    for (const t of mini.site.towns) expect(texts).toContain(t.name);
  });

  it('draws no village at the county, and at a town its villages in their colours, grey without data, with their names', () => {
    expect(kind(buildScene(input()).svg, 'village')).toEqual([]);
    const town = mini.site.towns[0]!;
    const { svg } = buildScene(input({ areas: county({ selectedTown: town.id, townColours: ['#f3f2ee', '#f3f2ee'] }), view: { kind: 'area', bbox: town.bbox, padding: { top: 20, bottom: 20, left: 20, right: 20 }, maxZoom: 14 } }));
    const villages = kind(svg, 'village');
    const own = mini.site.villages.filter((v) => v.townId === town.id);
    expect(villages.map((n) => Number(n.attrs['data-id']))).toEqual(own.map((v) => v.id));
    expect(villages.map((n) => n.attrs.fill)).toEqual(own.map((v) => (v.id === 1 ? NO_DATA_COLOR : county().villageColours[v.id])));
    expect(villages.map((n) => n.attrs['aria-label'])).toEqual(own.map((v) => v.name));
    const texts = nodes(svg, (n) => n.tag === 'text').map((n) => n.text);
    for (const v of own) expect(texts).toContain(v.name);
  });

  it('dims the towns around the one opened, and outlines it', () => {
    const { svg } = buildScene(input({ areas: county({ selectedTown: 1 }) }));
    expect(kind(svg, 'town').map((n) => n.attrs['fill-opacity'])).toEqual([0.35, 1]);
    const outline = nodes(svg, (n) => n.attrs['data-selected'] === 1);
    expect(outline).toHaveLength(1);
    expect(outline[0]?.attrs).toMatchObject({ stroke: BASE_COLOURS.selected, 'stroke-width': fallbackLook('default', buildScene(input()).zoom).selectedPx, fill: 'none' });
  });

  it('marks a lagging town as the live map does: a dashed dark-red line inside it', () => {
    const { svg, zoom } = buildScene(input({ areas: county({ laggingTowns: new Set([0]) }) }));
    const lag = nodes(svg, (n) => n.attrs['data-lagging'] !== undefined);
    expect(lag.map((n) => n.attrs['data-lagging'])).toEqual([0]);
    const width = fallbackLook('default', zoom).laggingPx * 2;
    expect(lag[0]?.attrs).toMatchObject({ stroke: LAG_FLAG_COLOUR, 'stroke-width': width, 'clip-path': 'url(#fb-lag-clip-0)' });
    expect(lag[0]?.attrs['stroke-dasharray']).toBe(`${2 * width} ${1.5 * width}`);
    expect(nodes(svg, (n) => n.tag === 'clipPath' && n.attrs.id === 'fb-lag-clip-0')).toHaveLength(1);
  });

  it('rings a lagging village in dark red and the selected one in black', () => {
    const { svg } = buildScene(input({ areas: county({ selectedTown: 0, selectedVillage: 0, laggingVillages: new Set([0, 1]) }) }));
    expect(kind(svg, 'village').map((n) => n.attrs.stroke)).toEqual([BASE_COLOURS.selected, LAG_FLAG_COLOUR]);
  });

  it('thickens lines and enlarges labels in the projector theme', () => {
    const width = (s: SvgNode): number => Math.max(...nodes(s, (n) => n.attrs.fill === 'none' && typeof n.attrs['stroke-width'] === 'number').map((n) => Number(n.attrs['stroke-width'])));
    const size = (s: SvgNode): number => Math.max(...nodes(s, (n) => n.tag === 'text').map((n) => Number(n.attrs['font-size'])));
    const everyday = buildScene(input()).svg;
    const projector = buildScene(input({ theme: 'projector' })).svg;
    expect(width(projector)).toBeGreaterThan(width(everyday));
    expect(size(projector)).toBeGreaterThan(size(everyday));
  });

  it('takes the keyboard focus, outlines the area the keyboard is on and names it the active descendant; nothing without one', () => {
    const plain = buildScene(input()).svg;
    expect(nodes(plain, (n) => n.attrs['data-focus'] !== undefined)).toEqual([]);
    expect(plain.attrs).toMatchObject({ tabindex: 0, 'aria-activedescendant': null });
    const focused = buildScene(input({ focus: { kind: 'town', id: 1 } })).svg;
    expect(nodes(focused, (n) => n.attrs['data-focus'] !== undefined).map((n) => n.attrs['data-focus'])).toEqual(['town-1']);
    expect(focused.attrs['aria-activedescendant']).toBe('fb-town-1');
    expect(kind(focused, 'town').map((n) => n.attrs.id)).toContain('fb-town-1');
    const atTown = input({ areas: county({ selectedTown: 0 }), focus: { kind: 'village', id: 1 } });
    expect(nodes(buildScene(atTown).svg, (n) => n.attrs['data-focus'] !== undefined).map((n) => n.attrs['data-focus'])).toEqual(['village-1']);
  });

  it('gives the keyboard the towns at the county and the villages at a town, in reading order', () => {
    expect(buildScene(input()).areas.map((a) => a.name)).toEqual(['蒋家堰镇', '中峰镇']);
    const villages = buildScene(input({ areas: county({ selectedTown: 0 }) })).areas;
    expect(villages.every((a) => a.kind === 'village' && mini.site.villages[a.id]?.townId === 0)).toBe(true);
    // Two villages make one row (about √n rows): read west to east, 双竹 (109.6°E) before 周湾 (109.7°E).
    expect(villages.map((a) => a.name)).toEqual(['双竹村委会', '周湾村委会']);
  });
});

describe('the fallback scene’s projects', () => {
  const text = { tooltip: (i: number) => `project ${i}\ndetails`, clusterTooltip: (n: number, wan: number) => `${n} projects, ${wan} wan`, clusterLabel: (n: number) => String(n) };
  const colours = (m: MiniScene): string[] => m.site.config.categories.map((c) => c.colour);
  const atTown = (over: Partial<SceneInput['markers'] & object> = {}): SceneInput =>
    input({
      areas: county({ selectedTown: 0 }),
      view: { kind: 'area', bbox: mini.site.towns[0]!.bbox, padding: { top: 20, bottom: 20, left: 20, right: 20 }, maxZoom: 14 },
      markers: { projects: mini.projects, state: { visible: [0, 1, 2, 3, 4], monthIndex: 2, selected: null, lagging: new Set([2]), isOverview: false }, categoryColours: colours(mini), text, ...over },
    });

  it('draws each visible project with a point: the category colour, ring / half / solid by status, dark red when lagging', () => {
    const { svg } = buildScene(atTown());
    const projects = kind(svg, 'project');
    // Project 4 has no point: it has no marker. Planned (3), building (0, 2) and done (1) are all there.
    expect(projects.map((n) => n.attrs['data-id'])).toEqual([0, 1, 2, 3]);
    expect(projects.map((n) => n.attrs['data-status'])).toEqual([1, 2, 1, 0]);
    const status = mini.projects.status[2]!;
    const colour = (i: number): string => colours(mini)[mini.projects.category[i]!]!;
    for (const n of projects) {
      const i = Number(n.attrs['data-id']);
      const s = status[i]!;
      expect(n.attrs.fill).toBe(s === 0 ? '#ffffff' : colour(i));
      expect(n.attrs['fill-opacity']).toBe(s === 0 ? 0.9 : s === 1 ? 0.47 : 1);
      expect(n.attrs.stroke).toBe(i === 2 ? LAG_FLAG_COLOUR : s >= 2 ? '#ffffff' : colour(i));
      expect(n.children[0]).toMatchObject({ tag: 'title', text: `project ${i}\ndetails` });
      expect(n.attrs['aria-label']).toBe(`project ${i}`);
    }
  });

  it('groups many projects in little room into a cluster with their count and budget, and never hides the selected one in it', () => {
    // Twenty projects a few hundred metres apart round one village, seen from the county.
    const n = 20;
    const projects: MarkerProjects = {
      lon: Array.from({ length: n }, (_, i) => 109.6 + (i % 5) * 0.002),
      lat: Array.from({ length: n }, (_, i) => 32.2 + Math.floor(i / 5) * 0.002),
      toLon: Array.from({ length: n }, () => null),
      toLat: Array.from({ length: n }, () => null),
      budgetWan: Array.from({ length: n }, () => 10),
      category: Array.from({ length: n }, (_, i) => i % 3),
      status: [Array.from({ length: n }, () => 2)],
    };
    const visible = Array.from({ length: n }, (_, i) => i);
    const crowded = input({ markers: { projects, state: { visible, monthIndex: 0, selected: null, lagging: new Set(), isOverview: false }, categoryColours: colours(mini), text } });
    const { svg, drawn } = buildScene(crowded);
    expect(drawn.markers).toEqual([]);
    expect(drawn.clusters.map((c) => c.members)).toEqual([visible]);
    const cluster = kind(svg, 'cluster');
    expect(cluster.map((c) => c.attrs['aria-label'])).toEqual(['20 projects, 200 wan']);
    // The count is a badge drawn over the villages, at the disc's upper right edge.
    const badge = nodes(svg, (node) => node.tag === 'text' && node.text === '20');
    expect(badge).toHaveLength(1);
    const c = drawn.clusters[0]!;
    expect(Number(badge[0]!.attrs.x)).toBeCloseTo(c.x + c.radius * Math.SQRT1_2, 9);
    const withSelected = buildScene({ ...crowded, markers: { ...crowded.markers!, state: { ...crowded.markers!.state, selected: 7 } } });
    expect(withSelected.drawn.markers.map((m) => m.index)).toEqual([7]);
    expect(withSelected.drawn.clusters[0]?.members).toHaveLength(n - 1);
  });
});
