/** Text encodings the build detects, in the order it tries them. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; message: string };

/**
 * Decodes a file's bytes: a BOM decides (UTF-8, UTF-16 from Excel's "Unicode text"); otherwise
 * strict UTF-8, then GB18030 (a superset of GBK, what Excel and WPS save on Chinese Windows).
 * The encoding is detected from the bytes, never guessed from the file name.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict(bytes.subarray(2), 'utf-16be');
  const utf8 = strict(bytes, 'utf-8');
  if (utf8.ok) return utf8;
  const gb = strict(bytes, 'gb18030');
  if (gb.ok) return gb;
  return { ok: false, message: 'the file is neither UTF-8 nor GBK/GB18030 text; save it as "CSV UTF-8" from Excel or WPS' };
}

function strict(bytes: Uint8Array, encoding: Encoding): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, message: `the file is not valid ${encoding.toUpperCase()} text` };
  }
}
