/**
 * `npm run bench [-- --write]`: every benchmark in one run (pipeline, page, markers, time), each
 * in its own process, its `name: value` lines passed through. With `--write`, BENCHMARKS.md is
 * rewritten with the figures, the machine and the command. The figures that matter are the
 * ratios measured side by side in the same run; absolute times are for information only.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { isEntryPoint } from '../lib/entry-point';
import { buildPages, machine } from './common';

const NOTES_MARK = '<!-- notes: kept by npm run bench -- --write -->';

const BLOCKS = [
  { name: 'bench:pipeline', script: 'scripts/bench/pipeline.ts' },
  { name: 'bench:page', script: 'scripts/bench/page.ts' },
  { name: 'bench:markers', script: 'scripts/bench/markers.ts' },
  { name: 'bench:time', script: 'scripts/bench/time.ts' },
] as const;

function run(script: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', script], { env: { ...process.env, BENCH_NO_BUILD: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function main(argv: string[]): Promise<number> {
  const started = Date.now();
  console.log(`machine: ${machine()}`);
  await buildPages();
  const results: { name: string; output: string; code: number }[] = [];
  for (const block of BLOCKS) {
    console.log(`\n## ${block.name}`);
    const t = Date.now();
    const { code, output } = await run(block.script);
    console.log(`${block.name.replace('bench:', '')}_bench_wall_s: ${((Date.now() - t) / 1000).toFixed(0)}`);
    results.push({ name: block.name, output, code });
  }
  const total = (Date.now() - started) / 1000;
  console.log(`\nbench_total_wall_s: ${total.toFixed(0)}`);
  if (argv.includes('--write')) {
    // The notes written by hand below the marker are kept.
    const old = await readFile('BENCHMARKS.md', 'utf8').catch(() => '');
    const notes = old.includes(NOTES_MARK) ? old.slice(old.indexOf(NOTES_MARK)) : `${NOTES_MARK}\n`;
    await writeFile('BENCHMARKS.md', `${report(results, total)}\n${notes}`);
  }
  return results.some((r) => r.code !== 0) ? 1 : 0;
}

function report(results: { name: string; output: string; code: number }[], total: number): string {
  const blocks = results.map((r) => `### ${r.name}${r.code === 0 ? '' : ` (exited ${r.code})`}\n\n\`\`\`\n${r.output.trim()}\n\`\`\`\n`).join('\n');
  return `# Benchmarks

The last run of \`npm run bench -- --write\` (rewrites this file). Each block prints
\`name: value\` lines, its last line a ratio measured side by side in the same run: the machines
here are noisy, so compare ratios, and read absolute times as information only. Targets and
what the figures mean: issue 8, and the notes below the figures.

- Date: ${new Date().toISOString().slice(0, 10)}
- Machine: ${machine()}
- Browser: headless Chromium, WebGL on SwiftShader (software), 1280×800
- Whole run: ${total.toFixed(0)} s

${blocks}
`;
}

if (isEntryPoint(import.meta.url, process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
