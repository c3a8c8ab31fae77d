import { describe, expect, it } from 'vitest';
import { LANGS, t } from '../../../src/i18n';
import { VIEW_NAMES } from '../../../src/state/view-state';
import { VIEWS } from '../../../src/app/views';
import { nextLang } from '../../../src/app/masthead';

describe('the table of views', () => {
  it('has one entry per view name, and only those', () => {
    expect(Object.keys(VIEWS).sort()).toEqual([...VIEW_NAMES].sort());
  });

  it('gives every view but the map an element and a loader; the map is the layout, mounted with the page', () => {
    for (const name of VIEW_NAMES) {
      const { slot, mount } = VIEWS[name];
      expect(slot === null, name).toBe(name === 'map');
      expect(mount === null, name).toBe(name === 'map');
    }
  });

  it('labels each view in every language', () => {
    for (const lang of LANGS) for (const name of VIEW_NAMES) expect(t(lang, VIEWS[name].label).trim(), `${lang} ${name}`).not.toBe('');
  });

  it('leaves only the data check and the release history out of the meeting package (it has no files to check, and its CSP runs no worker file; release.json is not in it)', () => {
    expect(VIEW_NAMES.filter((name) => !VIEWS[name].isInPackage)).toEqual(['check', 'changes']);
  });
});

describe('nextLang', () => {
  it('goes round the languages, so the button always names another one', () => {
    expect(LANGS.map(nextLang)).toEqual([...LANGS.slice(1), LANGS[0]]);
  });
});
