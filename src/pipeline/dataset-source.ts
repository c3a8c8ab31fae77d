/** What the build reads: a dataset's files by their paths (a folder on disk, dropped files, a fixture), and its file names. */
import type { ByteStream } from './read/read-table';

/** Where the build reads a dataset from: a folder on disk, dropped files, or a test fixture. */
export interface DatasetSource {
  /** The bytes of a file by its path inside the dataset (e.g. `boundaries/towns.geojson`), or null when absent. */
  read(path: string): Promise<Uint8Array | null>;
  /**
   * The file as a stream, or null when absent; used for the tables, so a ledger of a million rows
   * is never held whole. Without it the tables are read with `read`.
   */
  open?(path: string): Promise<SourceFile | null>;
  /**
   * Every regular file (or link) under a folder of the dataset, by its dataset path (`photos/a/b.jpg`),
   * for the site photos' folder; absent when the source cannot list (then no unlisted photo is warned about).
   */
  filesUnder?(dir: string): Promise<string[]>;
  /**
   * The names of the files at the top of the dataset (not in sub-folders), so a workbook of any name
   * can be found as the dataset's (数据.xlsx is looked for without it). Absent when the source cannot list.
   */
  list?(): Promise<string[]>;
}

/** A file read as it streams. */
export interface SourceFile extends ByteStream {
  /** Its size in bytes. */
  size: number;
  /** Hex SHA-256 of its bytes. */
  sha256(): Promise<string>;
}

/** Bytes in memory as a SourceFile, handed over in pieces as a file on disk is. */
export function sourceFileOf(bytes: Uint8Array, chunkBytes = 1 << 20): SourceFile {
  return {
    size: bytes.length,
    *chunks() {
      for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, Math.min(bytes.length, at + chunkBytes));
    },
    sha256: () => sha256(bytes),
  };
}

export const CONFIG_FILE = 'atlas.config.json';
export const TOWNS_FILE = 'boundaries/towns.geojson';
export const COUNTY_FILE = 'boundaries/county.geojson';

/** Hex SHA-256 with the Web Crypto API (in Node 20 and every browser). */
export async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
