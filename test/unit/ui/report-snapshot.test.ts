import { describe, expect, it, vi } from 'vitest';
import { reportSnapshot, type TrimmedImage } from '../../../src/ui/report-snapshot';

// A failed map image is said, not swallowed (issue 16, item 8): the report is told it failed (and
// shows a line saying so), and the reason goes to the console.
const trim = async (url: string): Promise<TrimmedImage> => ({ url: `${url}#trimmed`, width: 4, height: 3 });

describe('reportSnapshot', () => {
  it('gives the picture, trimmed', async () => {
    const log = vi.fn();
    const shot = await reportSnapshot(async () => ({ url: 'data:image/png;base64,AA', key: null }), trim, log);
    expect(shot).toEqual({ kind: 'made', image: { url: 'data:image/png;base64,AA', key: null }, trimmed: { url: 'data:image/png;base64,AA#trimmed', width: 4, height: 3 } });
    expect(log).not.toHaveBeenCalled();
  });

  it('is none when there is no map to picture (nothing failed)', async () => {
    const log = vi.fn();
    expect(await reportSnapshot(async () => null, trim, log)).toEqual({ kind: 'none' });
    expect(log).not.toHaveBeenCalled();
  });

  it('fails, and logs why, when the map cannot make its image', async () => {
    const log = vi.fn();
    const why = new Error('WebGL context lost');
    expect(await reportSnapshot(() => Promise.reject(why), trim, log)).toEqual({ kind: 'failed' });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('map image'), why);
  });

  it('fails, and logs why, when the image cannot be trimmed', async () => {
    const log = vi.fn();
    const why = new Error('image decode failed');
    const shot = await reportSnapshot(async () => ({ url: 'data:,' }), () => Promise.reject(why), log);
    expect(shot).toEqual({ kind: 'failed' });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('map image'), why);
  });

  it('logs to the console by default', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await reportSnapshot(() => Promise.reject(new Error('no map')), trim);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
