/** A file of the site data: its text in pieces, made as it is written, so no file is held whole. */
export type OutputFile = () => Iterable<string>;

/** The whole text of an output file. */
export function outputText(file: OutputFile): string {
  let text = '';
  for (const piece of file()) text += piece;
  return text;
}
