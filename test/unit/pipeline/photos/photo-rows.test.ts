import { describe, expect, it } from 'vitest';
import { parseStage, parseTakenAt, photoPath } from '../../../../src/pipeline/photos/photo-rows';

describe('photos.csv cells', () => {
  it.each([
    ['施工前', 'before'],
    ['开工前', 'before'],
    ['Before', 'before'],
    ['施工中', 'during'],
    ['在建', 'during'],
    ['竣工', 'done'],
    ['完工', 'done'],
    ['验收', 'accepted'],
    ['已验收', 'accepted'],
    ['竣 工', 'done'],
  ] as const)('stage %s is %s', (raw, stage) => expect(parseStage(raw)).toBe(stage));

  it('an unknown stage is null', () => expect(parseStage('规划')).toBeNull());

  it.each([
    ['2016-05-12', '2016-05-12'],
    ['2016/5/12 10:30', '2016-05-12'],
    ['2016:05:12 10:30:00', '2016-05-12'],
    ['2016年5月12日', '2016-05-12'],
    ['2016-13-01', null],
    ['五月', null],
  ])('taken_at %s is %s', (raw, day) => expect(parseTakenAt(raw)).toBe(day));

  it('a file stays inside photos/', () => {
    expect(photoPath('a.jpg')).toEqual({ path: 'a.jpg' });
    expect(photoPath('photos/ZX-1/竣工.jpg')).toEqual({ path: 'ZX-1/竣工.jpg' });
    expect(photoPath('ZX-1\\竣工.jpg')).toEqual({ path: 'ZX-1/竣工.jpg' });
    for (const bad of ['../villages.csv', 'a/../../x.jpg', '/etc/passwd', 'C:\\photos\\a.jpg', 'a//b.jpg', './.']) expect(photoPath(bad), bad).toHaveProperty('problem');
  });
});
