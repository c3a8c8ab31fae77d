/**
 * The project categories' colours against the choropleth's: a marker coloured by its category sits
 * on (and next to) areas and village circles coloured by class, so no category colour may be one a
 * person could take for a class. The class ramps are ColorBrewer's and stay; categories give way.
 */
import { ciede2000, hexToLab, type Lab } from './colour-distance';
import { NO_DATA_COLOR, NO_DATA_HATCH, SEQUENTIAL_SCHEMES, divergingColor, sampleRamp, sequentialColors, type SequentialSchemeId } from './palettes';

/** The least CIEDE2000 difference between a category colour and any colour the choropleth draws. */
export const MIN_CATEGORY_CLASS_DELTA_E00 = 10;

/** Steps per unit of the continuous ramps (diverging classes sit anywhere on RdBu; >9 sequential classes interpolate). */
const RAMP_SAMPLES = 400;

/**
 * Every colour a choropleth class can take: each sequential scheme at every class count it has a
 * table for (1–9), its interpolated ramp (beyond 9 classes), the diverging ramp at every position
 * (its classes are placed by value), and the no-data grey and hatch lines.
 */
export function drawableClassColours(): string[] {
  drawable ??= computeDrawable();
  return [...drawable];
}

let drawable: readonly string[] | null = null;

function computeDrawable(): string[] {
  const colours = new Set<string>();
  for (const scheme of Object.keys(SEQUENTIAL_SCHEMES) as SequentialSchemeId[]) {
    for (let k = 1; k <= 9; k++) for (const c of sequentialColors(scheme, k)) colours.add(c);
    const nine = SEQUENTIAL_SCHEMES[scheme][9] ?? [];
    for (let i = 0; i <= RAMP_SAMPLES; i++) colours.add(sampleRamp(nine, i / RAMP_SAMPLES));
  }
  for (let i = 0; i <= 2 * RAMP_SAMPLES; i++) colours.add(divergingColor(-1 + i / RAMP_SAMPLES));
  colours.add(NO_DATA_COLOR);
  colours.add(NO_DATA_HATCH.stroke);
  return [...colours].sort();
}

/** A category colour too close to a class colour: which, and by how much. */
export interface ColourClash {
  colour: string;
  classColour: string;
  deltaE00: number;
}

/** The category colours closer than MIN_CATEGORY_CLASS_DELTA_E00 to a class colour, each with its nearest class colour. */
export function categoryClassClashes(categoryColours: readonly string[], classColours: readonly string[] = drawableClassColours()): ColourClash[] {
  const labs = classColours.map(hexToLab);
  const clashes: ColourClash[] = [];
  for (const colour of categoryColours) {
    const nearest = nearestLab(hexToLab(colour), labs);
    if (nearest && nearest.deltaE00 < MIN_CATEGORY_CLASS_DELTA_E00) clashes.push({ colour, classColour: classColours[nearest.index] as string, deltaE00: nearest.deltaE00 });
  }
  return clashes;
}

/** The colour of `others` nearest to `colour` by ΔE00, or null when there are none. */
export function nearestColour(colour: string, others: readonly string[]): { colour: string; deltaE00: number } | null {
  const nearest = nearestLab(hexToLab(colour), others.map(hexToLab));
  return nearest ? { colour: others[nearest.index] as string, deltaE00: nearest.deltaE00 } : null;
}

function nearestLab(lab: Lab, others: readonly Lab[]): { index: number; deltaE00: number } | null {
  let best: { index: number; deltaE00: number } | null = null;
  others.forEach((other, index) => {
    const d = ciede2000(lab, other);
    if (!best || d < best.deltaE00) best = { index, deltaE00: d };
  });
  return best;
}
