import { problem } from '../../i18n/problems';
import type { AtlasConfig } from '../../contract/config';
import type { Issue } from '../../contract/issues';
import { MIN_CATEGORY_CLASS_DELTA_E00, categoryClassClashes, drawableClassColours } from '../../domain/category-colours';

/**
 * A category whose colour is (nearly) a class colour of the map: its markers could be read as a
 * class of the village circles around them. A warning, naming the class colour and the distance.
 */
export function checkCategoryColours(config: Pick<AtlasConfig, 'categories'>): Issue[] {
  const classColours = drawableClassColours();
  return config.categories.flatMap((category, i) =>
    categoryClassClashes([category.colour], classColours).map((clash) => ({
      file: 'atlas.config.json',
      row: 0,
      column: `categories[${i}].colour`,
      level: 'warning' as const,
      ...problem('categoryColourClash', { id: category.id, colour: clash.colour, classColour: clash.classColour, deltaE: clash.deltaE00.toFixed(1), min: MIN_CATEGORY_CLASS_DELTA_E00 }),
    })),
  );
}
