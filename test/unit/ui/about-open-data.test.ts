import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteData } from '../../../src/contract/site';
import { buildAboutContent, type AboutDocument, type Inline } from '../../../src/ui/about-content';
import { LANGS, t } from '../../../src/i18n';
import { loadMiniSite } from '../../helpers/site';

let site: SiteData;
beforeAll(async () => {
  site = (await loadMiniSite()).site;
});

/** The data section's paragraphs, each as its runs. */
const paragraphs = (doc: AboutDocument): Inline[][] => (doc.sections.find((s) => s.id === 'data')?.blocks ?? []).flatMap((b) => (b.kind === 'paragraph' ? [b.content] : []));
const text = (runs: Inline[]): string => runs.map((r) => (r.kind === 'swatch' ? '' : r.text)).join('');

describe('the about page on the open data', () => {
  it.each(LANGS)('says where to download it, as CSV for spreadsheets and Parquet for DuckDB, pandas and R (%s)', (lang) => {
    const doc = buildAboutContent(site, { lang, isPublic: false, projectsHref: '#view=projects&lang=x' });
    const open = paragraphs(doc).find((p) => text(p).includes('Parquet'));
    expect(open).toBeDefined();
    for (const word of ['CSV', 'Excel', 'DuckDB', 'pandas']) expect(text(open!)).toContain(word);
    expect(open!.filter((r) => r.kind === 'link')).toEqual([{ kind: 'link', text: t(lang, 'viewProjects'), href: '#view=projects&lang=x' }]);
  });

  it('says nothing of it where no open data is published beside the page (the meeting package)', () => {
    const doc = buildAboutContent(site, { lang: 'zh', isPublic: true, projectsHref: '#view=projects', hasOpenData: false });
    expect(paragraphs(doc).some((p) => text(p).includes('Parquet'))).toBe(false);
  });
});
