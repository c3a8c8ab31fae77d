import { failure, type Failure } from '../../contract/issues';
import { problem, type Problem } from '../../i18n/problems';

/** Text encodings the build detects, in the order it tries them. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded = { ok: true; text: string; encoding: Encoding } | Failure;

/**
 * What a file's first bytes (at least SNIFF_BYTES of them, or the whole file) say: that it is not
 * text at all, or which encodings to try, in order, after skipping `skip` bytes of byte order mark.
 */
export type Sniffed = Failure | { ok: true; encodings: Encoding[]; skip: number };

/**
 * Decodes a file's bytes: a BOM decides (UTF-8, UTF-16 from Excel's "Unicode text"); otherwise
 * strict UTF-8, then GB18030 (a superset of GBK, what Excel and WPS save on Chinese Windows).
 * The encoding is detected from the bytes, never guessed from the file name.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const sniffed = sniffBytes(bytes);
  if (!sniffed.ok) return sniffed;
  const body = bytes.subarray(sniffed.skip);
  for (const encoding of sniffed.encodings) {
    const decoded = strict(body, encoding);
    if (decoded.ok) return decoded;
  }
  return { ok: false, ...undecodable(sniffed) };
}

/** The encodings to try for a file that starts with `head`, or why it is not text. */
export function sniffBytes(head: Uint8Array): Sniffed {
  const binary = binaryKind(head);
  if (binary) return { ok: false, ...binary };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { ok: true, encodings: ['utf-8'], skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { ok: true, encodings: ['utf-16le'], skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { ok: true, encodings: ['utf-16be'], skip: 2 };
  return { ok: true, encodings: ['utf-8', 'gb18030'], skip: 0 };
}

/** Why no encoding of `sniffed` decodes the file. */
export function undecodable(sniffed: { encodings: Encoding[] }): Problem {
  const [only] = sniffed.encodings;
  if (sniffed.encodings.length === 1 && only) return problem('textNotInEncoding', { encoding: only.toUpperCase() });
  return problem('textUndecodable');
}

function strict(bytes: Uint8Array, encoding: Encoding): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding };
  } catch {
    return failure('textNotInEncoding', { encoding: encoding.toUpperCase() });
  }
}

/**
 * Strict decoding of a file that arrives in chunks (a character may be split between two):
 * `decode` throws at the first byte sequence that is not valid in the encoding.
 */
export class ChunkDecoder {
  private readonly decoder: TextDecoder;

  constructor(readonly encoding: Encoding) {
    this.decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  }

  decode(chunk: Uint8Array): string {
    return this.decoder.decode(chunk, { stream: true });
  }

  /** The end of the file: throws when it stops in the middle of a character. */
  end(): string {
    return this.decoder.decode();
  }
}

/** How many leading bytes are looked at for signs of a binary file. */
export const SNIFF_BYTES = 4096;

/**
 * Why the bytes are not a text file at all, or null: an Excel workbook (the commonest mistake: a
 * .xlsx renamed .csv), an old .xls, or anything with NUL bytes (text never has them, except UTF-16,
 * which carries a BOM).
 */
function binaryKind(bytes: Uint8Array): Problem | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return problem('textIsXlsx');
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return problem('textIsXls');
  }
  const hasBom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!hasBom && bytes.subarray(0, SNIFF_BYTES).includes(0)) return problem('textIsBinary');
  return null;
}
