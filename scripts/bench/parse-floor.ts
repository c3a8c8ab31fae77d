/**
 * The floor of `bench:pipeline`: one bare papaparse pass over a CSV file, streaming, with the
 * settings the build uses (no header, blank lines kept), doing nothing with the rows but count
 * them. Prints the row count.
 *
 *   npx tsx scripts/bench/parse-floor.ts FILE
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const file = process.argv[2];
if (!file) {
  console.error('usage: parse-floor.ts FILE');
  process.exit(2);
}
let rows = 0;
await new Promise<void>((resolve, reject) => {
  Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8' }), {
    header: false,
    skipEmptyLines: false,
    chunk: (results) => {
      rows += results.data.length;
    },
    complete: () => resolve(),
    error: (e: Error) => reject(e),
  });
});
console.log(`rows: ${rows}`);
