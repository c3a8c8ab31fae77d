import { deflateSync } from 'fflate';

/** A part stored as given, claiming whatever size it is told to: how a zip bomb lies. */
export interface RawPart {
  compressed: Uint8Array;
  declaredBytes: number;
  /** 8 (deflate) unless told. */
  method?: number;
}

/**
 * A zip written by hand, so a part can claim any size: a Uint8Array is deflated and claims its true
 * size; a RawPart is written as given. With `zip64`, every size and offset is in the zip64 extra
 * field. CRCs are left 0: the reader does not check them.
 */
export function craftZip(parts: Record<string, Uint8Array | RawPart>, options: { zip64?: boolean } = {}): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, part] of Object.entries(parts)) {
    const raw: RawPart = part instanceof Uint8Array ? { compressed: deflateSync(part), declaredBytes: part.length } : part;
    const nameBytes = encoder.encode(name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, raw.method ?? 8, true);
    local.setUint16(26, nameBytes.length, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, raw.compressed);

    const extraBytes = options.zip64 ? 28 : 0;
    const entry = new DataView(new ArrayBuffer(46 + nameBytes.length + extraBytes));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(10, raw.method ?? 8, true);
    entry.setUint32(20, options.zip64 ? 0xffffffff : raw.compressed.length, true);
    entry.setUint32(24, options.zip64 ? 0xffffffff : raw.declaredBytes, true);
    entry.setUint16(28, nameBytes.length, true);
    entry.setUint16(30, extraBytes, true);
    entry.setUint32(42, options.zip64 ? 0xffffffff : offset, true);
    new Uint8Array(entry.buffer).set(nameBytes, 46);
    if (options.zip64) {
      const at = 46 + nameBytes.length;
      entry.setUint16(at, 0x0001, true);
      entry.setUint16(at + 2, 24, true);
      entry.setBigUint64(at + 4, BigInt(raw.declaredBytes), true);
      entry.setBigUint64(at + 12, BigInt(raw.compressed.length), true);
      entry.setBigUint64(at + 20, BigInt(offset), true);
    }
    central.push(new Uint8Array(entry.buffer));
    offset += 30 + nameBytes.length + raw.compressed.length;
  }
  const centralBytes = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, central.length, true);
  end.setUint16(10, central.length, true);
  end.setUint32(12, centralBytes, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const zip = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    zip.set(c, at);
    at += c.length;
  }
  return zip;
}

/**
 * A deflate stream of `prefix` then spaces, `totalBytes` in all, about 160 times smaller: one
 * fixed-Huffman block of back-references of 258 bytes at distance 1, written directly, so a 2 GB
 * bomb is made in milliseconds rather than by compressing 2 GB.
 */
export function deflatedSpaces(prefix: string, totalBytes: number): Uint8Array {
  const copies = Math.floor((totalBytes - prefix.length - 1) / 258);
  const trailing = totalBytes - prefix.length - 1 - copies * 258;
  const out = new Uint8Array(Math.ceil((3 + 9 * (prefix.length + 1 + trailing) + 13 * copies + 7) / 8) + 8);
  let at = 0;
  let buffer = 0;
  let count = 0;
  // Bits go in least significant first; Huffman codes most significant first, so they are reversed.
  const bits = (value: number, n: number): void => {
    buffer |= value << count;
    count += n;
    while (count >= 8) {
      out[at++] = buffer & 0xff;
      buffer >>>= 8;
      count -= 8;
    }
  };
  const code = (value: number, n: number): void => {
    let reversed = 0;
    for (let i = 0; i < n; i++) reversed |= ((value >> i) & 1) << (n - 1 - i);
    bits(reversed, n);
  };
  const literal = (byte: number): void => (byte < 144 ? code(0x30 + byte, 8) : code(0x190 + byte - 144, 9));
  bits(1, 1); // the last block
  bits(1, 2); // fixed Huffman codes
  for (const ch of new TextEncoder().encode(prefix)) literal(ch);
  literal(0x20);
  const copy = 0b10100011; // length 258 (code 285, 11000101) reversed, then distance 1 (code 0, 00000)
  for (let i = 0; i < copies; i++) bits(copy, 13);
  for (let i = 0; i < trailing; i++) literal(0x20);
  code(0, 7); // end of block
  if (count > 0) out[at++] = buffer & 0xff;
  return out.subarray(0, at);
}
