/** How long a download's object URL is kept before it is released. */
const OBJECT_URL_LIFETIME_MS = 60_000;

/** Saves a Blob as a file: an object URL and a temporary `<a download>` (no server, works offline). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}
