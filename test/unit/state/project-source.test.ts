import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { parseSiteProjects, type SiteProjects } from '../../../src/contract/projects';
import { projectChunkFile, SUMMARY_LAGGING_MAX, type SiteData } from '../../../src/contract/site';
import { buildSite } from '../../../src/pipeline/build';
import { areaProjects, categoryCompletion, projectTotals } from '../../../src/state/derive';
import { laggingProjects } from '../../../src/domain/lag';
import { ProjectSource, mergeProjects } from '../../../src/state/project-source';
import { folderSource } from '../../../scripts/lib/folder-source';
import { allProjects, parseBuiltSite } from '../../helpers/site';

/** The sample dataset (data/), built as `npm start` builds it. */
async function buildSample(): Promise<{ site: SiteData; read(file: string): unknown; files: string[] }> {
  const result = await buildSite(folderSource(resolve(import.meta.dirname, '../../../data')));
  const outputs = result.outputs;
  if (!outputs) throw new Error('the sample does not build');
  const read = (file: string): unknown => JSON.parse(outputs.get(file) ?? 'null');
  return { site: parseBuiltSite(read), read, files: [...outputs.keys()] };
}

const sample = buildSample();
const COUNTY = { level: 'county', town: null, village: null } as const;

describe('the county view needs no project', () => {
  it('site.json holds no project list: one file of projects per town with projects', async () => {
    const { site, files } = await sample;
    expect(files).not.toContain('projects.json');
    expect(files.filter((f) => f.startsWith('projects/')).sort()).toEqual(site.towns.filter((t) => t.projectCount > 0).map((t) => projectChunkFile(t.code)).sort());
  });

  it("site.json's summary is what the page adds up from every town's projects, month by month", async () => {
    const { site, read } = await sample;
    const all = allProjects(site, read);
    expect(all.id.length).toBe(site.towns.reduce((n, t) => n + t.projectCount, 0));
    const lagPoints = site.config.thresholds.lagPoints;
    site.months.forEach((_, m) => {
      const county = areaProjects(site, all, () => true, m, COUNTY, lagPoints);
      const totals = projectTotals(all, m, COUNTY);
      expect(county?.totals.planned, `month ${m}`).toBe(totals.planned);
      expect(county?.totals.building).toBe(totals.building);
      expect(county?.totals.done).toBe(totals.done);
      expect(county?.totals.spentWan).toBeCloseTo(totals.spentWan, 2);
      expect(county?.totals.budgetWan).toBeCloseTo(totals.budgetWan, 2);
      expect(county?.categories).toEqual(categoryCompletion(site, all, m, COUNTY));
      const lagging = laggingProjects(all, m, lagPoints);
      expect(county?.laggingCount).toBe(lagging.length);
      expect(county?.lagging.map((l) => l.id)).toEqual(lagging.slice(0, SUMMARY_LAGGING_MAX).map((l) => all.id[l.index]));
    });
    // The sample has lagging projects in its later months, so the list is really compared.
    expect(Math.max(...site.projectSummary.lagging.map((l) => l.length))).toBe(SUMMARY_LAGGING_MAX);
  });
});

describe('ProjectSource', () => {
  async function source(): Promise<{ site: SiteData; src: ProjectSource; fetched: string[]; chunk(code: string): SiteProjects }> {
    const { site, read } = await sample;
    const fetched: string[] = [];
    const chunk = (code: string): SiteProjects => {
      const parsed = parseSiteProjects(read(projectChunkFile(code)));
      if (!parsed.ok) throw new Error(code);
      return parsed.value;
    };
    const src = new ProjectSource(site, async (code) => {
      fetched.push(code);
      await new Promise((r) => setTimeout(r, 1));
      return chunk(code);
    });
    return { site, src, fetched, chunk };
  }

  it('loads a town once, however often and however concurrently it is asked for', async () => {
    const { site, src, fetched } = await source();
    const town = site.towns.find((t) => t.projectCount > 0)!;
    expect(src.current.id).toEqual([]);
    expect(src.isLoaded(town.id)).toBe(false);
    await Promise.all([src.ensure([town.id]), src.ensure([town.id, town.id])]);
    await src.ensure([town.id]);
    expect(fetched).toEqual([town.code]);
    expect(src.isLoaded(town.id)).toBe(true);
    expect(src.current.id.length).toBe(town.projectCount);
    expect(src.ids.size).toBe(town.projectCount);
    expect(src.hasAll).toBe(false);
  });

  it('keeps the towns in town order whatever order they load in, and tells its listeners', async () => {
    const { site, src, chunk } = await source();
    const [a, b] = site.towns.filter((t) => t.projectCount > 0).slice(0, 2);
    let calls = 0;
    src.onChange(() => calls++);
    await src.ensure([b!.id]);
    const v = src.version;
    await src.ensure([a!.id]);
    expect(src.version).toBeGreaterThan(v);
    expect(calls).toBe(2);
    expect(src.current).toEqual(mergeProjects(site.months, [chunk(a!.code), chunk(b!.code)]));
  });

  it('loads everything with ensureAll, and then has it all', async () => {
    const { site, src, read } = { ...(await source()), read: (await sample).read };
    await src.ensureAll();
    expect(src.hasAll).toBe(true);
    expect(src.current).toEqual(allProjects(site, read));
    expect(src.total).toBe(src.current.id.length);
  });

  it('a failed load can be tried again', async () => {
    const { site, read } = await sample;
    let fail = true;
    const src = new ProjectSource(site, async (code) => {
      if (fail) throw new Error('offline');
      const parsed = parseSiteProjects(read(projectChunkFile(code)));
      if (!parsed.ok) throw new Error(code);
      return parsed.value;
    });
    const town = site.towns.find((t) => t.projectCount > 0)!;
    await expect(src.ensure([town.id])).rejects.toThrow('offline');
    expect(src.isLoaded(town.id)).toBe(false);
    fail = false;
    await src.ensure([town.id]);
    expect(src.isLoaded(town.id)).toBe(true);
  });

  it('refuses a file that holds another town’s projects', async () => {
    const { site, chunk } = await source();
    const [a, b] = site.towns.filter((t) => t.projectCount > 0);
    const src = new ProjectSource(site, async () => chunk(b!.code));
    await expect(src.ensure([a!.id])).rejects.toThrow('another town');
  });
});

describe('areaProjects', () => {
  it('is null for a town whose projects have not loaded, and counts them once they have', async () => {
    const { site, read } = await sample;
    const all = allProjects(site, read);
    const town = site.towns.find((t) => t.projectCount > 0)!;
    const sel = { level: 'town', town, village: null } as const;
    const m = site.months.length - 1;
    expect(areaProjects(site, all, () => false, m, sel, 10)).toBeNull();
    const ap = areaProjects(site, all, () => true, m, sel, 10);
    expect(ap?.totals).toEqual(projectTotals(all, m, sel));
    expect((ap?.totals.planned ?? 0) + (ap?.totals.building ?? 0) + (ap?.totals.done ?? 0)).toBe(town.projectCount);
  });
});
