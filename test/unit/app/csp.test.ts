import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src/app/csp';

describe('contentSecurityPolicy', () => {
  it('allows only the page origin (and blob:/data:) without a basemap', () => {
    const csp = contentSecurityPolicy([]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self' data: blob:;");
    expect(csp).not.toMatch(/https?:/);
  });

  it('adds a basemap origin to images and fetches only', () => {
    const csp = contentSecurityPolicy(['https://tile.openstreetmap.org']);
    expect(csp).toContain("img-src 'self' data: blob: https://tile.openstreetmap.org");
    expect(csp).toContain("connect-src 'self' data: blob: https://tile.openstreetmap.org");
    expect(csp).toContain("script-src 'self';");
  });
});
