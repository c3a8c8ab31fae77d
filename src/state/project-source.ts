import { SITE_SCHEMA_VERSION, type SiteData } from '../contract/site';
import { MONTHLY_COLUMNS, PROJECT_COLUMNS, type SiteProjects } from '../contract/projects';
import { mergePhotoColumns } from './project-photos';

/**
 * The projects the page has loaded: each town's file (projects/<code>.json) is fetched the first
 * time something needs it and kept; `current` holds every loaded town's projects as one set of
 * columns, in town order, so the views index them as before. Indexes into `current` are good
 * until the next load (`version` counts loads); project ids are for keeping.
 */
export class ProjectSource {
  private readonly chunks = new Map<number, SiteProjects>();
  private readonly pending = new Map<number, Promise<void>>();
  private readonly listeners = new Set<() => void>();
  /** Ids of the loaded projects: grows as towns load (the hash's `proj=` is checked against it). */
  readonly ids = new Set<string>();
  current: SiteProjects;
  version = 0;
  /** Chunks in `current`. */
  private merged = 0;

  constructor(
    private readonly site: SiteData,
    private readonly fetchTown: (townCode: string) => Promise<SiteProjects>,
  ) {
    this.current = emptyProjects(site.months);
  }

  /** Projects in the whole dataset (loaded or not). */
  get total(): number {
    return this.site.towns.reduce((n, t) => n + t.projectCount, 0);
  }

  /** True when every town's projects are loaded (the county's lists can be drawn from them). */
  get hasAll(): boolean {
    return this.site.towns.every((t) => t.projectCount === 0 || this.chunks.has(t.id));
  }

  isLoaded(townId: number): boolean {
    return this.chunks.has(townId) || (this.site.towns[townId]?.projectCount ?? 0) === 0;
  }

  /** Calls `listener` after each load that changed `current`. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads these towns' projects (each once; a town without projects has no file). */
  async ensure(townIds: readonly number[]): Promise<void> {
    const wanted = [...new Set(townIds)].filter((id) => !this.isLoaded(id) && this.site.towns[id] !== undefined);
    if (wanted.length === 0) return;
    await Promise.all(wanted.map((id) => this.load(id)));
    // Merged once for the lot (a thousand towns loaded one merge at a time would be quadratic).
    if (this.merged === this.chunks.size) return;
    this.merged = this.chunks.size;
    this.current = mergeProjects(this.site.months, this.site.towns.flatMap((t) => this.chunks.get(t.id) ?? []));
    this.version++;
    for (const l of this.listeners) l();
  }

  /** Loads every town's projects (the projects page, the report, a search over all names). */
  ensureAll(): Promise<void> {
    return this.ensure(this.site.towns.map((t) => t.id));
  }

  private load(townId: number): Promise<void> {
    const running = this.pending.get(townId);
    if (running) return running;
    const town = this.site.towns[townId]!;
    const done = this.fetchTown(town.code).then(
      (chunk) => {
        this.pending.delete(townId);
        if (chunk.months.join() !== this.site.months.join()) throw new Error(`projects of ${town.code}: months differ from site.json; rebuild the site data`);
        if (chunk.town.some((t) => t !== townId)) throw new Error(`projects of ${town.code}: a project of another town`);
        this.chunks.set(townId, chunk);
        for (const id of chunk.id) this.ids.add(id);
      },
      (e: unknown) => {
        this.pending.delete(townId);
        throw e;
      },
    );
    this.pending.set(townId, done);
    return done;
  }
}

/** No projects, for these months. */
export function emptyProjects(months: readonly string[]): SiteProjects {
  return mergeProjects(months, []);
}

/** Several sets of projects as one, columns end to end in the order given. */
export function mergeProjects(months: readonly string[], parts: readonly SiteProjects[]): SiteProjects {
  const merged: Record<string, unknown> = { schemaVersion: SITE_SCHEMA_VERSION, months: [...months] };
  for (const key of PROJECT_COLUMNS) merged[key] = ([] as unknown[]).concat(...parts.map((p) => p[key]));
  for (const key of MONTHLY_COLUMNS) merged[key] = months.map((_, m) => ([] as number[]).concat(...parts.map((p) => p[key][m] ?? [])));
  Object.assign(merged, mergePhotoColumns(parts));
  // Every column of the file, each the concatenation of the parts' (projects.ts lists them all).
  return merged as unknown as SiteProjects;
}
