import { describe, expect, it } from 'vitest';
import { QUALITY_EN } from '../../../src/i18n/quality-en';
import { QUALITY_ZH } from '../../../src/i18n/quality-zh';
import { EN } from '../../../src/i18n/en';
import { ZH } from '../../../src/i18n/zh';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('data quality strings', () => {
  it('both languages have the same keys', () => {
    expect(Object.keys(QUALITY_EN).sort()).toEqual(Object.keys(QUALITY_ZH).sort());
  });

  it('no string is empty', () => {
    for (const catalogue of [QUALITY_ZH, QUALITY_EN]) for (const [key, text] of Object.entries(catalogue)) expect(text.trim(), key).not.toBe('');
  });

  it('each key has the same placeholders in both languages', () => {
    for (const key of Object.keys(QUALITY_ZH) as (keyof typeof QUALITY_ZH)[]) expect(placeholders(QUALITY_EN[key]), key).toEqual(placeholders(QUALITY_ZH[key]));
  });

  it('no key clashes with the main catalogue, so the two can be merged', () => {
    expect(Object.keys(QUALITY_ZH).filter((k) => k in ZH || k in EN)).toEqual([]);
  });
});
