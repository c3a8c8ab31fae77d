import { describe, expect, it } from 'vitest';
import { scriptSafeJson, singleFileCsp } from '../../../scripts/lib/single-file';

describe('the meeting package', () => {
  it('carries its data as JSON that cannot end its <script> element early, and reads back the same', () => {
    const files = { 'site.json': '{"name":"</script><script>alert(1)</script><!--"}', 'projects/420324101.json': 'a\u2028b' };
    const text = scriptSafeJson(files);
    expect(text).not.toMatch(/<\/script|<!--/i);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(files);
  });

  it('allows its own script by hash and nothing from elsewhere', () => {
    const csp = singleFileCsp(['abc=']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'sha256-abc='");
    expect(csp).toContain('worker-src blob: data:');
    expect(csp).not.toMatch(/'self'|https?:|'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  });
});
