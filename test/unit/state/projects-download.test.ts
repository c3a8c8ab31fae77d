import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteProjects } from '../../../src/contract/projects';
import type { SiteData } from '../../../src/contract/site';
import { toCsv } from '../../../src/domain/csv';
import { csvRows, toGeoJson } from '../../../src/state/projects-download';
import { filterRows, NO_FILTER, projectRows, sortRows, type ProjectFilter, type ProjectRow } from '../../../src/state/projects-table';
import { projectRow as row } from '../../helpers/project-row';
import { loadMiniSite } from '../../helpers/site';

// test/fixtures/mini: towns 蒋家堰镇 (420324101) and 中峰镇 (420324102); March: T-001 building, T-006 done.
let site: SiteData;
let projects: SiteProjects;
let march: ProjectRow[];
beforeAll(async () => {
  ({ site, projects } = await loadMiniSite());
  march = projectRows(site, projects, 2, 'zh');
});

const filter = (patch: Partial<ProjectFilter>): ProjectFilter => ({ ...NO_FILTER, ...patch });

describe('csvRows', () => {
  it('has a header in the language and one row per project', () => {
    const zh = csvRows(march.slice(0, 1), 'zh');
    expect(zh[0]).toEqual(['项目编号', '项目名称', '项目类别', '乡镇代码', '乡镇名称', '村代码', '村名称', '建设内容', '资金规模(万元)', '资金来源', '开工时间', '计划完工时间', '责任单位', '绩效目标', '受益户数', '受益贫困户数', '受益贫困人口', '带动就业人数', '监督电话', '状态', '形象进度(%)', '已拨付(万元)']);
    expect(zh[1]).toEqual(['T-001', '双竹村茶叶基地', '产业发展', '420324101', '蒋家堰镇', '420324101201', '双竹村委会', '新建茶园200亩', 100, '财政专项扶贫资金', '2016-01-01', '2016-04-30', '蒋家堰镇人民政府', '户均增收2000元', 80, 40, null, 10, '0719-2720001', '在建', 70, 60]);
    expect(zh).toHaveLength(2);
  });

  it('writes English headers and status names, a town-wide project and blanks', () => {
    const en = csvRows(projectRows(site, projects, 2, 'en').filter((r) => r.id === 'T-006'), 'en');
    expect(en[0]?.[0]).toBe('Project id');
    expect(en[1]).toEqual(expect.arrayContaining(['(town-wide)', 'Done', 'Health']));
    expect(en[1]?.[5]).toBeNull();
    expect(en[1]?.[en[0]!.indexOf('Jobs')]).toBeNull();
  });

  it('goes through toCsv with formulas neutralised', () => {
    const text = toCsv(csvRows([row('=1+1', { name: '<img src=x onerror=alert(1)>' })], 'zh'));
    expect(text.split('\r\n')[1]?.startsWith("'=1+1,<img src=x onerror=alert(1)>,")).toBe(true);
  });
});

describe('toGeoJson', () => {
  it('gives a Point per project with one, counting those without', () => {
    // T-005's village has no seat and T-006 is town-wide: neither has a point.
    const { collection, missingPoints } = toGeoJson(march, projects);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => f.properties.id)).toEqual(['T-001', 'T-002', 'T-003', 'T-004']);
    expect(missingPoints).toBe(2);
    expect(collection.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [109.61, 32.21] });
    expect(collection.features[1]).toMatchObject({ geometry: { coordinates: [109.6, 32.2] }, properties: { id: 'T-002', villageName: '双竹村委会', hasOwnPoint: false, status: 'done' } });
    expect(collection.features[0]?.properties).toMatchObject({ name: '双竹村茶叶基地', category: 'industry', categoryName: '产业发展', budgetWan: 100, hotline: '0719-2720001', hasOwnPoint: true, progressPct: 70 });
  });

  it('keeps only the rows given, in their order', () => {
    const rows = sortRows(filterRows(march, filter({ town: '420324101' })), 'budgetWan', 'descending');
    const { collection, missingPoints } = toGeoJson(rows, projects);
    expect(collection.features.map((f) => f.properties.id)).toEqual(['T-001', 'T-003', 'T-002']);
    expect(missingPoints).toBe(0);
  });
});

