/**
 * The floor for `bench:page`: MapLibre alone drawing the same built boundaries the atlas draws
 * (towns filled, their borders, the county outline), framed the same way, with no app around it.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);

async function main(): Promise<void> {
  const [towns, county, site] = await Promise.all(['towns.geojson', 'county.geojson', 'site.json'].map((f) => fetch(`data/${f}`).then((r) => r.json() as Promise<unknown>)));
  const [w, s, e, n] = (site as { bbox: [number, number, number, number] }).bbox;
  const map = new MapLibreMap({
    container: 'map',
    bounds: [w, s, e, n],
    fitBoundsOptions: { padding: 24 },
    style: {
      version: 8,
      sources: { towns: { type: 'geojson', data: towns as never }, county: { type: 'geojson', data: county as never } },
      layers: [
        { id: 'bg', type: 'background', paint: { 'background-color': '#f7f6f2' } },
        { id: 'towns', type: 'fill', source: 'towns', paint: { 'fill-color': '#a1dab4' } },
        { id: 'town-lines', type: 'line', source: 'towns', paint: { 'line-color': '#ffffff', 'line-width': 1 } },
        { id: 'county', type: 'line', source: 'county', paint: { 'line-color': '#1f2933', 'line-width': 2 } },
      ],
    },
  });
  map.once('idle', () => {
    document.documentElement.dataset.ready = 'true';
    performance.mark('cunhu:data-ready');
  });
}

void main();
