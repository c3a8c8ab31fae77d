import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAtlasConfig } from '../../../src/contract/config';
import { CLASS_METHODS } from '../../../src/domain/classify';
import { createColorScale, deltaSpec } from '../../../src/domain/color-scale';
import { MIN_CATEGORY_CLASS_DELTA_E00, categoryClassClashes, drawableClassColours, nearestColour } from '../../../src/domain/category-colours';
import { contrastRatio, deltaE00Hex } from '../../../src/domain/colour-distance';
import { INDICATORS } from '../../../src/domain/indicators';
import { DIVERGING_RDBU, NO_DATA_COLOR, NO_DATA_HATCH, SEQUENTIAL_SCHEMES, divergingColor, sampleRamp } from '../../../src/domain/palettes';
import { BASE_COLOURS, LAG_FLAG_COLOUR } from '../../../src/map/style';
import { CATEGORIES } from '../../../scripts/sample/catalogue';

const config = parseAtlasConfig(JSON.parse(readFileSync(new URL('../../../data/atlas.config.json', import.meta.url), 'utf8')));
if (!config.ok) throw new Error('data/atlas.config.json does not parse');
const configured = config.value.categories.map((c) => ({ name: c.zh, colour: c.colour }));

/**
 * The colours the code falls back to when a project's category has none: the marker ink for an
 * unknown category (src/map/marker-layers.ts, src/map/fallback/markers-layer.ts) and the
 * projects table's swatch (src/state/projects-table.ts).
 */
const FALLBACKS = [
  { name: 'marker ink (unknown category)', colour: '#1f2933' },
  { name: 'table swatch (unknown category)', colour: '#999999' },
];
/** What a marker's outline is drawn against: the neutral fill of the towns at a town (src/app/atlas.ts) and the white county. */
const MARKER_GROUNDS = ['#f3f2ee', '#ffffff'];
/** WCAG 2.1 (1.4.11): the least contrast of a graphic's outline against what is behind it. */
const MIN_OUTLINE_CONTRAST = 3;

const classColours = drawableClassColours();

describe('drawableClassColours', () => {
  it('holds every ColorBrewer class, both ends of RdBu and the no-data colours', () => {
    const all = new Set(classColours);
    for (const tables of Object.values(SEQUENTIAL_SCHEMES)) for (const table of Object.values(tables)) for (const c of table) expect(all.has(c), c).toBe(true);
    for (const c of [DIVERGING_RDBU[0], DIVERGING_RDBU[5], DIVERGING_RDBU[10], NO_DATA_COLOR, NO_DATA_HATCH.stroke]) expect(all.has(c as string), c).toBe(true);
  });

  it('samples the continuous ramps finely enough: ten times finer moves no category’s nearest distance by 0.5', () => {
    const fine: string[] = [];
    for (let i = 0; i <= 8000; i++) fine.push(divergingColor(-1 + i / 4000));
    for (const tables of Object.values(SEQUENTIAL_SCHEMES)) for (let i = 0; i <= 4000; i++) fine.push(sampleRamp(tables[9] ?? [], i / 4000));
    for (const { colour } of configured) {
      const coarse = nearestColour(colour, classColours)?.deltaE00 ?? 0;
      const finer = nearestColour(colour, fine)?.deltaE00 ?? 0;
      expect(coarse - finer, colour).toBeLessThan(0.5);
    }
  });
});

describe('category colours against class colours (issue 18)', () => {
  it.each([...configured, ...FALLBACKS])(`$name $colour is ΔE00 ≥ ${MIN_CATEGORY_CLASS_DELTA_E00} from every class colour`, ({ colour }) => {
    const nearest = nearestColour(colour, classColours);
    expect(nearest?.deltaE00, `nearest class colour ${nearest?.colour}`).toBeGreaterThanOrEqual(MIN_CATEGORY_CLASS_DELTA_E00);
  });

  it('holds for every class colour the scales actually draw: each indicator, its change, every method and class count', () => {
    const samples = [[0, 0.1, 0.2, 0.35, 0.5, 0.62, 0.75, 0.8, 0.9, 0.95, 1], [-30, -12, -5, -1, 0, 2, 7, 15, 40], [60, 72, 85, 91, 97, 100], [0.4, 0.4, 0.6], [3]];
    const drawn = new Set<string>();
    for (const indicator of INDICATORS) {
      for (const spec of [indicator, deltaSpec(indicator)]) {
        for (const method of CLASS_METHODS) {
          for (const classes of [1, 2, 3, 4, 5, 6, 7]) {
            for (const values of samples) {
              for (const isPositiveGood of [false, true]) {
                const scale = createColorScale(spec, values, method, 'zh', { classes, isPositiveGood });
                for (const bin of scale.bins) drawn.add(bin.color);
                drawn.add(scale.noData.color);
              }
            }
          }
        }
      }
    }
    expect(drawn.size).toBeGreaterThan(20);
    expect(categoryClassClashes([...configured, ...FALLBACKS].map((c) => c.colour), [...drawn])).toEqual([]);
  });

  it('finds the clash the old palette had (健康医疗 #332288 against YlGnBu’s darkest classes)', () => {
    expect(categoryClassClashes(['#332288']).map((c) => c.colour)).toEqual(['#332288']);
  });
});

describe('category colours against each other and the map', () => {
  it('every two categories differ by ΔE00 ≥ 15', () => {
    for (const [i, a] of configured.entries()) {
      for (const b of configured.slice(i + 1)) expect(deltaE00Hex(a.colour, b.colour), `${a.name} ${a.colour} / ${b.name} ${b.colour}`).toBeGreaterThanOrEqual(15);
    }
  });

  it('every category differs by ΔE00 ≥ 10 from the map’s own signals: the lag flag, the selection and the cluster ink', () => {
    for (const { name, colour } of configured) {
      for (const signal of [LAG_FLAG_COLOUR, BASE_COLOURS.selected, '#1f2933']) expect(deltaE00Hex(colour, signal), `${name} ${colour} / ${signal}`).toBeGreaterThanOrEqual(MIN_CATEGORY_CLASS_DELTA_E00);
    }
  });

  it.each(configured)('$name $colour outlines a marker at ≥ 3:1 against the ground it sits on', ({ colour }) => {
    for (const ground of MARKER_GROUNDS) expect(contrastRatio(colour, ground), ground).toBeGreaterThanOrEqual(MIN_OUTLINE_CONTRAST);
  });

  it('the sample generator writes the same colours as the committed config', () => {
    expect(CATEGORIES.map((c) => c.colour)).toEqual(configured.map((c) => c.colour));
  });
});
