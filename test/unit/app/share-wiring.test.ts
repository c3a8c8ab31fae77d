import { describe, expect, it } from 'vitest';
import { canonicalUrl, linkReach } from '../../../src/app/share-wiring';

describe('the shared link', () => {
  it('is the page with its view (the hash), without this copy’s query', () => {
    expect(canonicalUrl('https://example.org/atlas/?preview=1#town=420324107&ind=lag')).toBe('https://example.org/atlas/#town=420324107&ind=lag');
    expect(canonicalUrl('https://example.org/atlas/')).toBe('https://example.org/atlas/');
  });

  it.each([
    [{ isPackage: false, isPreview: false }, 'https:', 'example.org', 'anywhere'],
    [{ isPackage: false, isPreview: false }, 'http:', '192.168.1.20', 'anywhere'],
    [{ isPackage: false, isPreview: false }, 'http:', '127.0.0.1', 'this-computer'],
    [{ isPackage: false, isPreview: false }, 'http:', 'localhost', 'this-computer'],
    [{ isPackage: false, isPreview: false }, 'http:', '[::1]', 'this-computer'],
    [{ isPackage: true, isPreview: false }, 'file:', '', 'file'],
    [{ isPackage: false, isPreview: true }, 'https:', 'example.org', 'file'],
    [{ isPackage: false, isPreview: false }, 'file:', '', 'file'],
  ] as const)('%o at %s//%s opens %s', (kind, protocol, hostname, reach) => {
    expect(linkReach(kind, { protocol, hostname })).toBe(reach);
  });
});
