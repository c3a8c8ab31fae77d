import { describe, expect, it } from 'vitest';
import { textColumn } from '../../../src/pipeline/text-column';

const readBack = <T extends string | null>(column: { length: number; get(i: number): T }): T[] => Array.from({ length: column.length }, (_, i) => column.get(i));

describe('a text field’s column', () => {
  it('reads back every value in its place, blanks included, whether it is a dictionary or a list', () => {
    const dates = Array.from({ length: 1000 }, (_, i) => `2016-${String((i % 12) + 1).padStart(2, '0')}-01`);
    const withBlanks = dates.map((d, i) => (i % 7 === 0 ? null : d));
    const unique = Array.from({ length: 1000 }, (_, i) => `项目${i}的建设内容`);
    for (const list of [dates, withBlanks, unique, [], ['一'], [null, null]]) {
      const column = textColumn<string | null>(list);
      expect(column.length).toBe(list.length);
      expect(readBack(column)).toEqual(list);
      // The least and greatest of the values are those of the list.
      expect([...column.values()].sort()).toEqual([...new Set(list)].sort());
    }
  });

  it('keeps repeated values once (the same strings), and a list of values that rarely repeat as it is', () => {
    const units = ['县交通运输局', '县农业农村局', null];
    const list = Array.from({ length: 10_000 }, (_, i) => units[i % 3]!);
    const column = textColumn(list);
    expect(column.values()).toHaveLength(3);
    expect(column.get(4)).toBe(list[4]);

    const contents = Array.from({ length: 10_000 }, (_, i) => `内容${i % 5000}`);
    const kept = textColumn(contents);
    // Half the values distinct: a dictionary would be larger than the list.
    expect(kept.values()).toBe(contents);
  });

  it('has codes wide enough for every value: more than 256 and more than 65,536 distinct', () => {
    for (const distinct of [256, 257, 65_536, 65_537]) {
      const list = Array.from({ length: distinct * 9 }, (_, i) => `v${i % distinct}`);
      const column = textColumn(list);
      expect(column.values()).toHaveLength(distinct);
      for (const i of [0, distinct - 1, distinct, list.length - 1, 255, 256]) expect(column.get(i), `${distinct}: ${i}`).toBe(list[i]);
    }
  });

  it('gives a number a project, worked out once a distinct value where the values repeat', () => {
    const dates = ['2016-03-01', '2016-05-20', '2016-11-30'];
    const list = Array.from({ length: 9_000 }, (_, i) => dates[(i * 7) % 3]!);
    let calls = 0;
    const days = (s: string): number => {
      calls++;
      return Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000;
    };
    const numbers = textColumn(list).numbers(days);
    expect(calls).toBe(3);
    expect(Array.from(numbers)).toEqual(list.map(days));
    // A list that stays a list: every value worked out, in its place.
    const contents = Array.from({ length: 100 }, (_, i) => `内容${i}`);
    expect(Array.from(textColumn(contents).numbers((s) => s.length))).toEqual(contents.map((s) => s.length));
  });
});
