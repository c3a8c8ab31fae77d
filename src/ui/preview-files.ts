/** The files a clerk picks or drops on the check view, each with the path it has in the dataset. */

/** The boundary files, which go under boundaries/ wherever they were picked from. */
const BOUNDARY_FILES = new Set(['towns.geojson', 'county.geojson']);

/** A chosen file with the path it has in the dataset. */
export interface Picked {
  path: string;
  file: File;
}

/** The chosen files with their paths in the dataset: a folder's own name is dropped. */
export function fromInput(input: HTMLInputElement): Picked[] {
  return [...(input.files ?? [])].map((file) => ({ path: datasetPath(file.webkitRelativePath || file.name), file }));
}

/** A dropped folder (walked) or files. */
export async function fromDrop(data: DataTransfer | null): Promise<Picked[]> {
  if (!data) return [];
  const entries = [...data.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => e !== null && e !== undefined);
  if (entries.length === 0) return [...data.files].map((file) => ({ path: datasetPath(file.name), file }));
  const out: Picked[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ path: datasetPath(`${prefix}${entry.name}`), file });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const entry of entries) await walk(entry, '');
  return out;
}

/** `mydata/boundaries/towns.geojson` → `boundaries/towns.geojson`; a boundary file on its own goes to boundaries/. */
export function datasetPath(relative: string): string {
  const parts = relative.split('/').filter(Boolean);
  const known = parts.findIndex((p, i) => p === 'boundaries' || (i === parts.length - 1 && !BOUNDARY_FILES.has(p)));
  const path = known >= 0 ? parts.slice(known).join('/') : (parts.at(-1) ?? relative);
  return BOUNDARY_FILES.has(path) ? `boundaries/${path}` : path;
}
