import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGS, type Catalogues } from '../../../src/i18n';

const REFERENCE = LANGS[0];
const PARTS: readonly (keyof Catalogues)[] = ['core', 'quality'];
/**
 * `{goalZh}` is a goal's Chinese name, given beside `{goal}` in another language; a Chinese string
 * says it once, as `{goal}` (src/ui/about-content.ts fills both). Every other placeholder must match.
 */
const SAID_BY_GOAL_IN_CHINESE = 'goalZh';
const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].filter((name) => name !== SAID_BY_GOAL_IN_CHINESE).sort();
const cases = LANGS.filter((lang) => lang !== REFERENCE).flatMap((lang) => PARTS.map((part) => ({ lang, part })));

describe('catalogues', () => {
  it('the reference is Chinese, and every other language is checked against it', () => {
    expect(REFERENCE).toBe('zh');
    expect(cases.length).toBe((LANGS.length - 1) * PARTS.length);
  });

  it.each(cases)('$lang $part has the same keys as zh', ({ lang, part }) => {
    expect(Object.keys(CATALOGUES[lang][part]).sort()).toEqual(Object.keys(CATALOGUES[REFERENCE][part]).sort());
  });

  it.each(cases)('$lang $part has the same {placeholders} in each string as zh', ({ lang, part }) => {
    const reference: Readonly<Record<string, string>> = CATALOGUES[REFERENCE][part];
    const other: Readonly<Record<string, string>> = CATALOGUES[lang][part];
    const differing = Object.keys(reference).filter((key) => placeholders(other[key] ?? '').join() !== placeholders(reference[key] ?? '').join());
    expect(differing.map((key) => `${key}: ${reference[key]} | ${other[key]}`)).toEqual([]);
  });

  it.each(LANGS)('%s: no key is in both the core and the data-quality catalogue, so the two merge', (lang) => {
    const core = CATALOGUES[lang].core;
    expect(Object.keys(CATALOGUES[lang].quality).filter((key) => key in core)).toEqual([]);
  });

  it.each(LANGS)('%s: no data-quality string is empty', (lang) => {
    for (const [key, text] of Object.entries(CATALOGUES[lang].quality)) expect(text.trim(), key).not.toBe('');
  });
});
