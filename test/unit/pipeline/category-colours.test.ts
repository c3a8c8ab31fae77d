import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/contract/issues';
import { checkCategoryColours } from '../../../src/pipeline/join/category-colours';

const category = (id: string, colour: string) => ({ id, zh: id, en: id, colour, goal: null });

describe('checkCategoryColours', () => {
  it('warns about a category coloured like a class, naming the class colour and the distance', () => {
    const issues = checkCategoryColours({ categories: [category('industry', '#988800'), category('health', '#332288')] });
    expect(issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^atlas\.config\.json:0:categories\[1\]\.colour: warning: health: #332288 is close to #[0-9a-f]{6}, a class colour of the map \(CIEDE2000 \d\.\d, under 10\)/),
    ]);
  });

  it('says nothing when every colour keeps clear', () => {
    expect(checkCategoryColours({ categories: [category('industry', '#988800'), category('party', '#a81054')] })).toEqual([]);
  });
});
