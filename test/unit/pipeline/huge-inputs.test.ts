import { describe, expect, it } from 'vitest';
import { buildMiniWith, miniText } from './mini-source';

// Inputs that used to overflow the stack (a spread of a huge array into push(...) or Math.min(...)):
// each must end in located issues, never a throw.
describe('inputs too large to spread', () => {
  it('a header of 200,000 columns is read, its unknown columns counted in one warning', async () => {
    const projects = (await miniText('projects.csv')).split('\n');
    const extra = Array.from({ length: 200_000 }, (_, i) => `x${i}`).join(',');
    projects[0] = `${projects[0]!.trimEnd()},${extra}`;
    const { result, lines } = await buildMiniWith({ 'projects.csv': projects.join('\n') });
    expect(result.fatal).toBeNull();
    const unknown = lines.filter((l) => l.includes('not in the contract'));
    expect(unknown.length).toBeLessThanOrEqual(51);
    expect(unknown.some((l) => /199950 more columns are not in the contract \(200000 in all\)/.test(l))).toBe(true);
    expect(result.errorCount).toBe(0);
  }, 60_000);

  it('300,000 rows, each with an error, are all reported', async () => {
    const head = (await miniText('progress.csv')).split('\n')[0]!;
    const rows = Array.from({ length: 300_000 }, () => '2016-01,T-001,在建,not a number,1');
    const { result } = await buildMiniWith({ 'progress.csv': [head, ...rows].join('\n') });
    expect(result.fatal).toBeNull();
    expect(result.issues.filter((i) => i.file === 'progress.csv' && i.level === 'error').length).toBe(300_000);
  }, 120_000);

  it('300,000 rows, each with a warning, build', async () => {
    const head = (await miniText('progress.csv')).split('\n')[0]!;
    const rows = Array.from({ length: 300_000 }, (_, i) => (i % 2 === 0 ? '合计,,,,' : '小计,,,,'));
    const { result } = await buildMiniWith({ 'progress.csv': [head, ...rows].join('\n') });
    expect(result.fatal).toBeNull();
    expect(result.warningCount).toBeGreaterThanOrEqual(300_000);
    expect(result.errorCount).toBe(0);
  }, 120_000);

  it('a household naming 200,000 projects is counted', async () => {
    const head = (await miniText('households.csv')).split('\n')[0]!;
    const ids = ['T-003', ...Array.from({ length: 200_000 }, () => 'T-001')].join(';');
    const { result } = await buildMiniWith({ 'households.csv': `${head}\nzz00aa11bb22,420324101202,是,否,"${ids}",2,1\n` });
    expect(result.fatal).toBeNull();
    expect(result.errorCount).toBe(0);
    expect(result.outputs?.get('site.json')).toBeTruthy();
  }, 120_000);
});
