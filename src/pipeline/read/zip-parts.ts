import { Inflate } from 'fflate';

/**
 * A zip's parts read one at a time, each only when asked for and never past a size limit: the
 * central directory says where each part is and how big it claims to be, and a part is inflated
 * in small steps with a running count, so a part that claims less than it holds (a zip bomb) is
 * stopped as soon as it passes its claim. Zip64 sizes and offsets are read. Pure: no DOM or Node.
 */

/** One file of a zip, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is not read. */
  method: number;
  isEncrypted: boolean;
  compressedBytes: number;
  /** The uncompressed size the directory claims; a crafted zip can lie. */
  declaredBytes: number;
  localHeaderOffset: number;
}

/** Why a part could not be read; `xlsx.ts` puts it in words naming the part. */
export type ZipPartProblem =
  | { kind: 'too-big'; declaredBytes: number; maxBytes: number }
  | { kind: 'too-compressed'; declaredBytes: number; compressedBytes: number; maxRatio: number }
  | { kind: 'larger-than-declared'; declaredBytes: number }
  | { kind: 'unsupported'; method: number; isEncrypted: boolean }
  | { kind: 'damaged' };

export type ZipPart = { ok: true; bytes: Uint8Array } | { ok: false; problem: ZipPartProblem };

export interface ZipPartLimits {
  /** No part larger than this is inflated, whatever it claims. */
  maxBytes: number;
  /** A part claiming more than `maxRatio` times its compressed size... */
  maxRatio: number;
  /** ...is refused when it claims more than this (a small part may compress far). */
  ratioFromBytes: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const U32_MAX = 0xffffffff;
/** Compressed bytes handed to the inflater at a time: deflate grows at most ~1,032-fold, so one step adds at most ~34 MB past a limit. */
const INFLATE_STEP_BYTES = 32 * 1024;

/** The zip's parts by name (the last of a repeated name wins), or null when it has no readable central directory. */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfDirectory(view);
  if (eocd < 0) return null;
  let count = view.getUint16(eocd + 10, true);
  let directoryBytes = view.getUint32(eocd + 12, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryBytes === U32_MAX || at === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) return null;
    const zip64 = uint64(view, locator + 8);
    if (zip64 + 56 > bytes.length || view.getUint32(zip64, true) !== ZIP64_EOCD_SIGNATURE) return null;
    count = uint64(view, zip64 + 32);
    directoryBytes = uint64(view, zip64 + 40);
    at = uint64(view, zip64 + 48);
  }
  const end = at + directoryBytes;
  if (end > bytes.length) return null;
  const names = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
    const nameBytes = view.getUint16(at + 28, true);
    const extraBytes = view.getUint16(at + 30, true);
    const commentBytes = view.getUint16(at + 32, true);
    const next = at + 46 + nameBytes + extraBytes + commentBytes;
    if (next > end) return null;
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameBytes)),
      method: view.getUint16(at + 10, true),
      isEncrypted: (view.getUint16(at + 8, true) & 1) === 1,
      compressedBytes: view.getUint32(at + 20, true),
      declaredBytes: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    readZip64Extra(view, entry, at + 46 + nameBytes, at + 46 + nameBytes + extraBytes);
    entries.set(entry.name, entry);
    at = next;
  }
  return entries;
}

/** One part's bytes, inflated only as far as its claimed size and the limits allow. */
export function readZipPart(bytes: Uint8Array, entry: ZipEntry, limits: ZipPartLimits): ZipPart {
  const { declaredBytes, compressedBytes } = entry;
  if (declaredBytes > limits.maxBytes) return { ok: false, problem: { kind: 'too-big', declaredBytes, maxBytes: limits.maxBytes } };
  if (declaredBytes > limits.ratioFromBytes && declaredBytes > compressedBytes * limits.maxRatio) {
    return { ok: false, problem: { kind: 'too-compressed', declaredBytes, compressedBytes, maxRatio: limits.maxRatio } };
  }
  if (entry.isEncrypted || (entry.method !== 0 && entry.method !== 8)) return { ok: false, problem: { kind: 'unsupported', method: entry.method, isEncrypted: entry.isEncrypted } };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_SIGNATURE) return { ok: false, problem: { kind: 'damaged' } };
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + compressedBytes > bytes.length) return { ok: false, problem: { kind: 'damaged' } };
  const compressed = bytes.subarray(start, start + compressedBytes);
  if (entry.method === 0) return compressedBytes === declaredBytes ? { ok: true, bytes: compressed } : { ok: false, problem: { kind: 'damaged' } };
  return inflateAtMost(compressed, declaredBytes);
}

/** Inflates in steps into a buffer of the claimed size, stopping the moment the output would pass it. */
function inflateAtMost(compressed: Uint8Array, declaredBytes: number): ZipPart {
  const out = new Uint8Array(declaredBytes);
  let written = 0;
  let isOver = false;
  const inflater = new Inflate((chunk) => {
    if (isOver) return;
    if (written + chunk.length > declaredBytes) {
      isOver = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let at = 0; at < compressed.length && !isOver; at += INFLATE_STEP_BYTES) {
      const end = Math.min(at + INFLATE_STEP_BYTES, compressed.length);
      inflater.push(compressed.subarray(at, end), end === compressed.length);
    }
    if (compressed.length === 0) inflater.push(compressed, true);
  } catch {
    return { ok: false, problem: { kind: 'damaged' } };
  }
  if (isOver) return { ok: false, problem: { kind: 'larger-than-declared', declaredBytes } };
  return { ok: true, bytes: out.subarray(0, written) };
}

/** The end-of-central-directory record's offset, looked for backwards over at most a maximal comment. */
function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_BYTES;
  const first = Math.max(0, last - MAX_COMMENT_BYTES);
  for (let at = last; at >= first; at--) if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  return -1;
}

/** Sizes and offset too big for 32 bits are in the zip64 extra field, in this order, each only when its 32-bit field is all ones. */
function readZip64Extra(view: DataView, entry: ZipEntry, from: number, to: number): void {
  for (let at = from; at + 4 <= to; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const fieldEnd = Math.min(at + 4 + size, to);
      const take = (): number | null => (field + 8 <= fieldEnd ? ((field += 8), uint64(view, field - 8)) : null);
      if (entry.declaredBytes === U32_MAX) entry.declaredBytes = take() ?? entry.declaredBytes;
      if (entry.compressedBytes === U32_MAX) entry.compressedBytes = take() ?? entry.compressedBytes;
      if (entry.localHeaderOffset === U32_MAX) entry.localHeaderOffset = take() ?? entry.localHeaderOffset;
      return;
    }
    at += 4 + size;
  }
}

/** A little-endian 64-bit unsigned integer as a number (exact below 2^53, far beyond any file here). */
function uint64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
}
