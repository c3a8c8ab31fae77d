import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/contract/issues';
import { buildSite } from '../../../src/pipeline/build';
import { FIXTURES } from '../../helpers/fixtures';
import { miniWith } from './mini-source';
import { withoutReleaseId } from '../../helpers/release';

const MESSY = join(FIXTURES, 'messy');

/** Every file of test/fixtures/messy (see make.py there), by its path in the dataset. */
async function messyFiles(): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const entry of await readdir(MESSY, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.py')) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(MESSY, path).split('\\').join('/')] = new Uint8Array(await readFile(path));
  }
  return out;
}

/** JSON with every number rounded to 5 decimals (about a metre): GCJ-02 → WGS-84 is an approximation. */
function rounded(text: string | undefined): unknown {
  return JSON.parse(text ?? 'null', (_key, value: unknown) => (typeof value === 'number' ? Math.round(value * 1e5) / 1e5 : value));
}

describe('a county office’s messy spreadsheets', () => {
  it('build to the same site data as the clean files, with every oddity reported as a warning', async () => {
    const clean = await buildSite(miniWith());
    const messy = await buildSite(miniWith(await messyFiles()));
    const lines = messy.issues.map(formatIssue);
    expect(messy.errorCount, lines.join('\n')).toBe(0);
    expect(messy.inputs['villages.csv']?.encoding).toBe('gb18030');
    expect(messy.inputs['projects.csv']?.encoding).toBe('gb18030');
    expect(messy.inputs['progress.csv']?.encoding).toBe('utf-16le');
    const chunks = [...(clean.outputs?.keys() ?? [])].filter((f) => f.startsWith('projects/'));
    expect(chunks).toEqual(['projects/420324101.json', 'projects/420324102.json']);
    for (const file of ['site.json', ...chunks, 'towns.geojson', 'county.geojson', 'open-data/projects.csv', 'open-data/villages.csv', 'open-data/indicators.csv']) {
      const a = file.endsWith('.csv') ? messy.outputs?.get(file) : rounded(withoutReleaseId(messy.outputs?.get(file)));
      const b = file.endsWith('.csv') ? clean.outputs?.get(file) : rounded(withoutReleaseId(clean.outputs?.get(file)));
      if (file.endsWith('.csv') && file !== 'open-data/indicators.csv') {
        // Coordinates aside (GCJ-02 round trip), the open data says the same.
        const strip = (t: string | undefined) => (t ?? '').replace(/\d+\.\d{6,}/g, (n) => Number(n).toFixed(4));
        expect(strip(a as string), file).toBe(strip(b as string));
      } else expect(a, file).toEqual(b);
    }
    expect(lines).toContain('projects.csv:1:: warning: 3 row(s) above the header (row 4) were skipped as a title');
    expect(lines).toContain('villages.csv:1:: warning: 2 row(s) above the header (row 3) were skipped as a title');
    expect(lines.some((l) => /^projects\.csv:\d+:: warning: summary row "合计" skipped/.test(l))).toBe(true);
    expect(lines).toContain('projects.csv:0:: warning: 1 blank row(s) skipped');
  });
});
