/** A piece of an output file: text (written as UTF-8) or bytes (a binary file: the open data's Parquet). */
export type OutputPiece = string | Uint8Array;

/** A file of the site data: its pieces, made as it is written, so no file is held whole. */
export type OutputFile = () => Iterable<OutputPiece>;

/** The whole text of an output file; a binary file's bytes one character each (0–255), so none is lost. */
export function outputText(file: OutputFile): string {
  let text = '';
  for (const piece of file()) text += typeof piece === 'string' ? piece : binaryString(piece);
  return text;
}

/** The whole of an output file as bytes (text as UTF-8). */
export function outputBytes(file: OutputFile): Uint8Array {
  const encoder = new TextEncoder();
  const pieces = [...file()].map((p) => (typeof p === 'string' ? encoder.encode(p) : p));
  const bytes = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytes;
}

function binaryString(bytes: Uint8Array): string {
  let text = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}
