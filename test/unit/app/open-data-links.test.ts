import { describe, expect, it } from 'vitest';
import { buildSite } from '../../../src/pipeline/build';
import { OPEN_DATA_DIR } from '../../../src/pipeline/emit/open-data';
import { openDataLinks } from '../../../src/app/open-data-links';
import { LANGS } from '../../../src/i18n';
import { folderSource } from '../../../scripts/lib/folder-source';
import { MINI } from '../../helpers/fixtures';

describe('openDataLinks', () => {
  const links = openDataLinks();

  it('lists the tables as CSV, the changes, the tables as Parquet, the town boundaries, then the dictionary, each saved under its own name', () => {
    expect(links.map((l) => l.href)).toEqual([
      'data/open-data/projects.csv',
      'data/open-data/progress.csv',
      'data/open-data/villages.csv',
      'data/open-data/towns.csv',
      'data/open-data/indicators.csv',
      'data/open-data/changes.csv',
      'data/open-data/projects.parquet',
      'data/open-data/progress.parquet',
      'data/open-data/villages.parquet',
      'data/open-data/towns.parquet',
      'data/open-data/indicators.parquet',
      'data/towns.geojson',
      'data/open-data/dictionary.csv',
    ]);
    for (const l of links) expect(l.href.endsWith(`/${l.fileName}`)).toBe(true);
  });

  it('names each file in every language, from the catalogues', () => {
    expect(links.map((l) => l.zh)).toContain('项目公示（全部项目）');
    expect(links.map((l) => l.en)).toContain('Town boundaries (GeoJSON)');
    expect(links.find((l) => l.fileName === 'projects.parquet')).toMatchObject({ zh: 'Parquet：项目公示（全部项目）', en: 'Parquet: Projects (all, disclosure fields)' });
    for (const lang of LANGS) expect(new Set(links.map((l) => l[lang])).size).toBe(links.length);
  });

  it('offers every open-data file the build writes, and only files it writes', async () => {
    const result = await buildSite(folderSource(MINI));
    const written = [...(result.outputs?.keys() ?? [])];
    const openData = written.filter((f) => f.startsWith(`${OPEN_DATA_DIR}/`));
    expect(openData.length).toBeGreaterThan(0);
    const offered = links.map((l) => l.href.replace(/^data\//, ''));
    expect(offered.filter((f) => f.startsWith(`${OPEN_DATA_DIR}/`)).sort()).toEqual(openData.sort());
    for (const f of offered) expect(written, f).toContain(f);
  });
});
