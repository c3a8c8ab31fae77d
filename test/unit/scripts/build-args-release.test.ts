import { describe, expect, it } from 'vitest';
import { parseBuildArgs } from '../../../scripts/build';

describe('build.ts --previous and --sample-history (issue 20)', () => {
  it('passes the previous release on, or builds the sample’s first', () => {
    expect(parseBuildArgs(['--previous', 'published/2016-11', '--public'])).toEqual({ isPublic: true, isTiles: false, isSingleFile: false, isPrivate: false, previous: 'published/2016-11' });
    expect(parseBuildArgs(['--sample-history'])).toEqual({ isPublic: false, isTiles: false, isSingleFile: false, isPrivate: false, hasSampleHistory: true });
  });

  it('refuses both at once, and either with the meeting package', () => {
    expect(parseBuildArgs(['--previous', 'x', '--sample-history'])).toMatch(/give one/);
    expect(parseBuildArgs(['--single-file', '--sample-history'])).toMatch(/no release history/);
    expect(parseBuildArgs(['--previous'])).toMatch(/unknown argument "--previous"/);
  });
});
