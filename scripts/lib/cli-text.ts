/**
 * The data CLI's own lines (what it read, what it wrote, a folder that is not there) in the
 * language `--lang` asks for: the county clerk who builds in Chinese reads the summary in Chinese
 * too. The problems found in the dataset have their own catalogue (src/i18n/problems.ts), and so
 * has the output writer: a failed write's one line and the lock's notes (scripts/lib/write-text.ts).
 */
import type { Lang } from '../../src/i18n';

export interface RowCounts {
  read: number;
  used: number;
  rejected: number;
  skipped: number;
}

export interface PhotoCounts {
  listed: number;
  published: number;
  withheld: number;
  thumbBytes: number;
  fullBytes: number;
}

export interface CliText {
  folderMissing(dir: string): string;
  previousMissing(dir: string): string;
  rows(r: RowCounts): string;
  bytes(n: number): string;
  /** Appended to a boundary file's line. */
  vertices(read: number, drawn: number, zoom: number): string;
  /** Appended to a table's line: the encoding it was read in. */
  encoding(name: string): string;
  photos(p: PhotoCounts): string;
  totals(errors: number, warnings: number): string;
  nothingWritten(out: string): string;
  /** One town's project files, named once for them all. */
  projectFiles(towns: number): string;
  photoFiles(n: number): string;
  wrote(names: readonly string[], out: string, isPublic: boolean): string;
  annotated(out: string, problems: number, onCells: number, sheet: string): string;
}

const kb = (bytes: number): string => `${Math.round(bytes / 1024)} KB`;

const EN: CliText = {
  folderMissing: (dir) => `${dir}: error: the dataset folder does not exist`,
  previousMissing: (dir) => `${dir}: error: the previous release's folder (--previous) does not exist`,
  rows: (r) => `${r.read} rows read, ${r.used} used, ${r.rejected} rejected, ${r.skipped} skipped`,
  bytes: (n) => `${n} bytes`,
  vertices: (read, drawn, zoom) => `, ${read} vertices, ${drawn} drawn (simplified to a pixel at zoom ${zoom})`,
  encoding: (name) => ` (${name})`,
  photos: (p) => `photos: ${p.listed} listed, ${p.published} published${p.withheld > 0 ? `, ${p.withheld} withheld (not a public category)` : ''}; thumbnails ${kb(p.thumbBytes)}, display sizes ${kb(p.fullBytes)}`,
  totals: (errors, warnings) => `${errors} error(s), ${warnings} warning(s)`,
  nothingWritten: (out) => `nothing written: ${out} is left as it was`,
  projectFiles: (towns) => `projects/<town code>.json (${towns} towns)`,
  photoFiles: (n) => `photos/ (${n} files)`,
  wrote: (names, out, isPublic) => `wrote ${names.join(', ')} to ${out}${isPublic ? ' (public build: small household counts withheld)' : ''}`,
  annotated: (out, problems, onCells, sheet) => `wrote ${out}: ${problems} problem(s) listed in its sheet ${sheet}, ${onCells} marked on their cells`,
};

const ZH: CliText = {
  folderMissing: (dir) => `${dir}: 错误: 数据文件夹不存在`,
  previousMissing: (dir) => `${dir}: 错误: 上一版发布的文件夹（--previous）不存在`,
  rows: (r) => `读入 ${r.read} 行，采用 ${r.used} 行，拒收 ${r.rejected} 行，跳过 ${r.skipped} 行`,
  bytes: (n) => `${n} 字节`,
  vertices: (read, drawn, zoom) => `，${read} 个顶点，绘制 ${drawn} 个（按第 ${zoom} 级的一个像素简化）`,
  encoding: (name) => `（${name}）`,
  photos: (p) => `照片：登记 ${p.listed} 张，发布 ${p.published} 张${p.withheld > 0 ? `，${p.withheld} 张未发布（不属公开类别）` : ''}；缩略图 ${kb(p.thumbBytes)}，展示图 ${kb(p.fullBytes)}`,
  totals: (errors, warnings) => `${errors} 个错误，${warnings} 个警告`,
  nothingWritten: (out) => `未写入：${out} 保持原样`,
  projectFiles: (towns) => `projects/<乡镇代码>.json（${towns} 个乡镇）`,
  photoFiles: (n) => `photos/（${n} 个文件）`,
  wrote: (names, out, isPublic) => `已写入 ${out}：${names.join('、')}${isPublic ? '（公开版：较小的户数统计已隐去）' : ''}`,
  annotated: (out, problems, onCells, sheet) => `已写入 ${out}：${problems} 个问题列在工作表“${sheet}”中，${onCells} 个已标在所在单元格`,
};

export const CLI_TEXT: Readonly<Record<Lang, CliText>> = { en: EN, zh: ZH };
