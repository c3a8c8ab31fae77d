/**
 * The project layer at province scale, for `bench:markers` and `bench:time`: a province-sized
 * map (1,000 schematic towns over 8° × 4°) and `?n=` synthetic projects (default 1,000,000)
 * around 30,000 village seats, drawn by the atlas's own ProjectsOverlay. The page exposes
 * `window.bench` for the script that drives it; `data-ready` is set once the first frame is drawn.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection } from 'geojson';
import type { CategoryConfig } from '../src/contract/config';
import type { MarkerProjects, MarkerState } from '../src/map/marker-state';
import { ProjectsOverlay } from '../src/map/projects-overlay';
import { LAYER } from '../src/map/style';

setWorkerUrl(workerUrl);

const params = new URLSearchParams(location.search);
const N = Number(params.get('n') ?? 1_000_000);
const MONTHS = 12;
const TOWNS_X = 40;
const TOWNS_Y = 25;
const VILLAGES = 30_000;
const [W, S, E, N_] = [108, 29, 116, 33];

/** Park–Miller: the same projects on every run. */
function prng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

function townGrid(): FeatureCollection {
  const dx = (E - W) / TOWNS_X;
  const dy = (N_ - S) / TOWNS_Y;
  const features: FeatureCollection['features'] = [];
  for (let i = 0; i < TOWNS_X; i++) {
    for (let j = 0; j < TOWNS_Y; j++) {
      const x = W + i * dx;
      const y = S + j * dy;
      features.push({ type: 'Feature', id: i * TOWNS_Y + j, properties: { v: ((i * 7 + j * 13) % 10) / 10 }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + dx, y], [x + dx, y + dy], [x, y + dy], [x, y]]] } });
    }
  }
  return { type: 'FeatureCollection', features };
}

function projects(n: number): MarkerProjects {
  const rand = prng(20161231);
  const seats = Array.from({ length: VILLAGES }, () => [W + (E - W) * rand(), S + (N_ - S) * rand()] as const);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const budget = new Float64Array(n);
  const category = new Uint8Array(n);
  const status = Array.from({ length: MONTHS }, () => new Uint8Array(n));
  for (let i = 0; i < n; i++) {
    const seat = seats[Math.floor(rand() * VILLAGES)]!;
    lon[i] = seat[0] + (rand() - 0.5) * 0.04;
    lat[i] = seat[1] + (rand() - 0.5) * 0.03;
    budget[i] = 5 + rand() * 200;
    category[i] = Math.floor(rand() * 10);
    const startMonth = Math.floor(rand() * MONTHS);
    for (let m = 0; m < MONTHS; m++) status[m]![i] = m < startMonth ? 0 : m < startMonth + 4 ? 1 : 2;
  }
  const none = new Proxy([] as (number | null)[], { get: (t, k) => (k === 'length' ? n : typeof k === 'string' && /^\d+$/.test(k) ? null : Reflect.get(t, k)) });
  // Typed arrays stand in for the number columns: what the overlay reads is index access.
  return { lon: lon as unknown as number[], lat: lat as unknown as number[], toLon: none, toLat: none, budgetWan: budget as unknown as number[], category: category as unknown as number[], status: status as unknown as number[][] };
}

const CATEGORIES: CategoryConfig[] = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666', '#1f78b4', '#b2df8a'].map((colour, i) => ({ id: `c${i}`, zh: `类别${i}`, en: `Category ${i}`, colour }) as unknown as CategoryConfig);

async function main(): Promise<void> {
  const t0 = performance.now();
  const data = projects(N);
  const generatedMs = performance.now() - t0;
  const map = new MapLibreMap({
    container: 'map',
    bounds: [W, S, E, N_],
    fitBoundsOptions: { padding: 16 },
    style: {
      version: 8,
      sources: { towns: { type: 'geojson', data: townGrid() } },
      layers: [
        { id: 'bg', type: 'background', paint: { 'background-color': '#f7f6f2' } },
        { id: 'towns', type: 'fill', source: 'towns', paint: { 'fill-color': ['interpolate', ['linear'], ['get', 'v'], 0, '#edf8fb', 1, '#2c7fb8'] } },
        { id: 'town-lines', type: 'line', source: 'towns', paint: { 'line-color': '#ffffff', 'line-width': 0.5 } },
        // The overlay slots its layers below this one, as in the atlas.
        { id: LAYER.villageCircle, type: 'background', paint: { 'background-opacity': 0 } },
      ],
    },
  });
  await new Promise<void>((resolve) => map.once('load', () => resolve()));
  const overlay = new ProjectsOverlay(map, data, CATEGORIES, { onClick: () => undefined, tooltip: (i) => `project ${i}`, clusterTooltip: (n) => `${n} projects`, clusterLabel: (n) => (n < 10_000 ? String(n) : `${(n / 10_000).toFixed(1)}万`) });
  // As in the atlas (AtlasMap): a click on a cluster zooms in on it.
  map.on('click', (e) => overlay.zoomIntoCluster(e.point.x, e.point.y));
  const visible = Array.from({ length: N }, (_, i) => i);
  const state = (monthIndex: number): MarkerState => ({ visible, monthIndex, selected: null, lagging: new Set(), isOverview: true });
  const frame = (): Promise<void> => new Promise((resolve) => { map.once('render', () => resolve()); map.triggerRepaint(); });
  const t1 = performance.now();
  overlay.update(state(MONTHS - 1));
  const firstUpdateMs = performance.now() - t1;
  await new Promise<void>((resolve) => map.once('idle', () => resolve()));
  Object.assign(window, {
    bench: {
      map,
      n: N,
      generatedMs,
      firstUpdateMs,
      drawn: () => overlay.drawnSummary,
      /** What is under a container point: a project's index, a cluster's, or neither. */
      hit: (x: number, y: number) => ({ project: overlay.pick(x, y), cluster: overlay.pickCluster(x, y) }),
      /** Milliseconds for one hover pick at a container point (marker, else cluster). */
      pick(x: number, y: number): number {
        const t = performance.now();
        if (overlay.pick(x, y) === null) overlay.pickCluster(x, y);
        return performance.now() - t;
      },
      /** Milliseconds from a month change to its frame on screen. */
      async setMonth(m: number): Promise<number> {
        const t = performance.now();
        overlay.update(state(m));
        await frame();
        return performance.now() - t;
      },
      /** Milliseconds of the overlay's own work for a month step (no drawing). */
      updateMs(m: number): number {
        const t = performance.now();
        overlay.update(state(m));
        return performance.now() - t;
      },
      /** Milliseconds for a frame with nothing changed: the floor of a step. */
      async frameMs(): Promise<number> {
        const t = performance.now();
        await frame();
        return performance.now() - t;
      },
      frame,
    },
  });
  document.documentElement.dataset.ready = 'true';
}

void main();
