import { describe, expect, it } from 'vitest';
import { pageNumbers, pageRows } from '../../../src/ui/notice-paging';

const SPACE = { first: 100, next: 200, closing: 50 };

describe('pageRows: a village notice’s rows on A4 sheets', () => {
  it.each([
    ['no project: one sheet with the closing block', [], [[]]],
    ['rows and the closing fit the first sheet', [20, 20], [[0, 1]]],
    ['exactly full with the closing', [25, 25], [[0, 1]]],
    ['rows fit but not the closing: the last row goes over with it', [30, 30, 30], [[0, 1], [2]]],
    ['a single row that leaves no room for the closing: the closing alone on the next sheet', [90], [[0], []]],
    ['rows run over: later sheets have more room', [40, 40, 40, 40, 40], [[0, 1], [2, 3, 4]]],
    ['three sheets', Array(12).fill(40) as number[], [[0, 1], [2, 3, 4, 5, 6], [7, 8, 9, 10], [11]]],
    ['a row taller than a sheet gets one of its own', [10, 300, 10], [[0], [1], [2]]],
  ])('%s', (_name, heights, pages) => {
    expect(pageRows(heights, SPACE)).toEqual(pages);
  });

  it('keeps every row once, in order, whatever the heights', () => {
    const heights = Array.from({ length: 57 }, (_, i) => 10 + ((i * 37) % 60));
    const pages = pageRows(heights, SPACE);
    expect(pages.flat()).toEqual(heights.map((_, i) => i));
    // Every sheet but a closing one holds its rows within its room; the last also holds the closing block.
    pages.forEach((rows, n) => {
      const used = rows.reduce((sum, i) => sum + (heights[i] ?? 0), 0);
      const room = n === 0 ? SPACE.first : SPACE.next;
      expect(used + (n === pages.length - 1 ? SPACE.closing : 0), `sheet ${n + 1}`).toBeLessThanOrEqual(room);
    });
  });
});

describe('pageNumbers', () => {
  it('numbers the sheets of a notice of more than one: 第 n 页 共 N 页', () => {
    expect(pageNumbers(1)).toEqual([null]);
    expect(pageNumbers(3)).toEqual([
      { page: 1, of: 3 },
      { page: 2, of: 3 },
      { page: 3, of: 3 },
    ]);
  });
});
