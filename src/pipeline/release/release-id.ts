/** A release's id (数据版本): its data date and a short hash of its inputs, so the same inputs always give the same id. */

/** Hex digits of the inputs' hash kept in the id. */
const HASH_DIGITS = 8;

/** e.g. `2016-12-31-3f9a2c1b`: the data date, then the start of the SHA-256 of every input's path and hash (sorted by path). */
export async function releaseId(date: string, inputs: Readonly<Record<string, { sha256: string }>>): Promise<string> {
  const text = Object.keys(inputs)
    .sort()
    .map((path) => `${path} ${inputs[path]!.sha256}\n`)
    .join('');
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${date}-${hex.slice(0, HASH_DIGITS)}`;
}
