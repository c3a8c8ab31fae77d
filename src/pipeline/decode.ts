/** Text encodings the build detects, in the order it tries them. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; message: string };

/**
 * Decodes a file's bytes: a BOM decides (UTF-8, UTF-16 from Excel's "Unicode text"); otherwise
 * strict UTF-8, then GB18030 (a superset of GBK, what Excel and WPS save on Chinese Windows).
 * The encoding is detected from the bytes, never guessed from the file name.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const binary = binaryKind(bytes);
  if (binary) return { ok: false, message: binary };
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

/** How many leading bytes are looked at for signs of a binary file. */
const SNIFF_BYTES = 4096;

/**
 * Why the bytes are not a text file at all, or null: an Excel workbook (the commonest mistake: a
 * .xlsx renamed .csv), an old .xls, or anything with NUL bytes (text never has them, except UTF-16,
 * which carries a BOM).
 */
function binaryKind(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return 'this is an Excel workbook (.xlsx) or another zip file, not CSV text: open it in Excel or WPS and save it as "CSV UTF-8 (逗号分隔)"';
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return 'this is an old Excel workbook (.xls), not CSV text: open it in Excel or WPS and save it as "CSV UTF-8 (逗号分隔)"';
  }
  const hasBom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!hasBom && bytes.subarray(0, SNIFF_BYTES).includes(0)) return 'this is a binary file (it holds NUL bytes), not CSV or JSON text';
  return null;
}
