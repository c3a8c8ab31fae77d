import { describe, expect, it } from 'vitest';
import { buildMiniWith, miniConfigWith, miniText } from './mini-source';

/**
 * What a public build publishes beside the data (report.json, site.json's config) holds no
 * personal data the build did not scan (a review planted these in crafted files).
 */
describe('the published report and config', () => {
  it.each([
    ['a mobile number', '备注13812345678', '13812345678'],
    ['an ID number', '420324198001011230', '420324198001011230'],
    ['a name', '王小明', '王小明'],
  ])('an unknown column whose header holds %s is named by its letter, the header not repeated', async (_kind, header, secret) => {
    const projects = (await miniText('projects.csv')).split('\n');
    projects[0] = `${projects[0]!.trimEnd()},${header}`;
    const { result, lines } = await buildMiniWith({ 'projects.csv': projects.join('\n') });
    expect(result.errorCount).toBe(0);
    expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    expect(JSON.stringify(result.issues)).not.toContain(secret);
    expect(lines.some((l) => /projects\.csv:1:[A-Z]+: warning: column [A-Z]+ is not in the contract and is ignored; its header looks like it holds personal data/.test(l))).toBe(true);
  });

  it('names an ordinary unknown column by its header, as before', async () => {
    const projects = (await miniText('projects.csv')).split('\n');
    projects[0] = `${projects[0]!.trimEnd()},备注`;
    const { lines } = await buildMiniWith({ 'projects.csv': projects.join('\n') });
    expect(lines.some((l) => l.includes('projects.csv:1:备注: warning: column is not in the contract'))).toBe(true);
  });

  it('does not quote a summary row whose first cell names a household', async () => {
    const projects = (await miniText('projects.csv')).trimEnd().split('\n');
    projects.push('合计 户主王小明 贫困户李秀英,,,,,,,,');
    const { lines } = await buildMiniWith({ 'projects.csv': projects.join('\n') });
    expect(lines.filter((l) => l.includes('王小明'))).toEqual([]);
    expect(lines.some((l) => l.includes('summary row skipped'))).toBe(true);
  });

  it('does not publish privacy.allowedNames in site.json', async () => {
    const { result } = await buildMiniWith({ 'atlas.config.json': await miniConfigWith({ privacy: { allowedNames: ['王家坪13812345678'] } }) });
    expect(result.errorCount).toBe(0);
    const site = result.outputs?.get('site.json') ?? '';
    expect(site.length).toBeGreaterThan(100);
    expect(site).not.toContain('13812345678');
    expect(site).not.toContain('allowedNames');
  });
});
