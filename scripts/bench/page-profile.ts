/**
 * Where the atlas's time to `data-ready` goes (`npm run bench:page -- --profile`): one navigation
 * traced by Chromium (the DevTools timeline and V8's sampling profiler, through playwright-core's
 * browser.startTracing), summed up as
 * - the page's own phases (its `cunhu:` performance marks, src/app/main.ts) and when each file
 *   arrived, in ms from navigation start; the WebGL programs linked, draw calls and frames drawn;
 * - the renderer's main thread from navigation start to data-ready: busy time by kind (script
 *   compile, script run, garbage collection, style and layout, paint, HTML) and the idle rest;
 * - the sampled JavaScript by file (self time), the GPU process's busy time (SwiftShader runs
 *   WebGL and rasterises the page there) and MapLibre's worker threads' busy time.
 */
import type { Browser } from 'playwright-core';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'loading', 'toplevel'];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber?: number; columnNumber?: number };
  parent?: number;
}

/** What a trace event's self time counts as. */
function kindOf(name: string): string {
  if (/GC|Sweep|Scaveng|Mark|Finaliz|Compact/i.test(name)) return 'gc';
  if (/compile|Compile|parseOnBackground|CacheScript|produceCache|Deserialize/.test(name)) return 'script_compile';
  if (/^(EvaluateScript|v8\.evaluateModule|FunctionCall|TimerFire|EventDispatch|FireAnimationFrame|RunMicrotasks|v8\.run|V8\.Execute|v8\.callFunction|XHRReadyStateChange|FireIdleCallback|HandlePostMessage|v8\.newInstance)$/.test(name)) return 'script_run';
  if (/^(UpdateLayoutTree|Layout|RecalculateStyles|ParseAuthorStyleSheet|InvalidateLayout|ScheduleStyleRecalculation|HitTest|LayoutShift|UpdateLayerTree)$/.test(name)) return 'style_layout';
  if (/^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|PaintImage|Decode Image|ImageDecodeTask|Rasterize|RasterTask|PaintSetup|Animation|BeginMainThreadFrame|ScrollLayer)$/.test(name)) return 'paint';
  if (name === 'ParseHTML') return 'html';
  return 'other';
}

/** Self time per event on one thread, between `from` and `to` (µs): the events nest by time. */
function selfTimes(events: TraceEvent[], from: number, to: number): Map<string, number> {
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts + (e.dur ?? 0) > from && e.ts < to)
    .map((e) => ({ name: e.name, start: Math.max(e.ts, from), end: Math.min(e.ts + (e.dur ?? 0), to) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out = new Map<string, number>();
  const stack: { name: string; end: number; child: number; start: number }[] = [];
  const close = (s: { name: string; end: number; child: number; start: number }): void => {
    out.set(s.name, (out.get(s.name) ?? 0) + Math.max(0, s.end - s.start - s.child));
    const parent = stack[stack.length - 1];
    if (parent) parent.child += s.end - s.start;
  };
  for (const e of spans) {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= e.start) close(stack.pop()!);
    const parent = stack[stack.length - 1];
    stack.push({ name: e.name, start: e.start, end: parent ? Math.min(e.end, parent.end) : e.end, child: 0 });
  }
  while (stack.length > 0) close(stack.pop()!);
  return out;
}

/** The sampled profile's self time per script file (µs) between `from` and `to`, from the trace's ProfileChunk events. */
function profileByFile(events: TraceEvent[], pid: number, tid: number, from: number, to: number, byFunction = new Map<string, number>()): Map<string, number> {
  const nodes = new Map<string, ProfileNode>();
  const byFile = new Map<string, number>();
  // The Profile event is on the sampled thread; its chunks come from the profiler's own thread, by the same id.
  const ids = new Set(events.filter((e) => e.pid === pid && e.tid === tid && e.name === 'Profile').map((e) => String(e.id)));
  const chunks = events.filter((e) => e.pid === pid && (e.name === 'Profile' || e.name === 'ProfileChunk') && ids.has(String(e.id)));
  const clock = new Map<string, number>();
  for (const e of chunks) {
    const data = e.args?.data ?? {};
    const id = String(e.id);
    if (e.name === 'Profile') {
      clock.set(id, Number(data.startTime ?? e.ts));
      continue;
    }
    const cpu = data.cpuProfile as { nodes?: ProfileNode[]; samples?: number[] } | undefined;
    for (const n of cpu?.nodes ?? []) nodes.set(`${id}:${n.id}`, n);
    const deltas = (data.timeDeltas as number[] | undefined) ?? [];
    const samples = cpu?.samples ?? [];
    let t = clock.get(id) ?? e.ts;
    for (let i = 0; i < samples.length; i++) {
      t += deltas[i] ?? 0;
      const dt = deltas[i + 1] ?? 0;
      if (t < from || t > to) continue;
      const node = nodes.get(`${id}:${samples[i]}`);
      const fn = node?.callFrame.functionName ?? '';
      const url = node?.callFrame.url ?? '';
      const file = url ? url.replace(/^.*\//, '').replace(/-[\w-]{8}\.(m?js)$/, '.$1') : fn.startsWith('(') ? fn : '(native)';
      byFile.set(file, (byFile.get(file) ?? 0) + dt);
      const where = `${fn || '(anonymous)'} ${file}:${node?.callFrame.lineNumber ?? 0}:${node?.callFrame.columnNumber ?? 0}`;
      byFunction.set(where, (byFunction.get(where) ?? 0) + dt);
    }
    clock.set(id, t);
  }
  return byFile;
}

const ms = (us: number): string => (us / 1000).toFixed(0);

/**
 * Counts, in the page, the WebGL2 programs linked, the draw calls and the animation frames that
 * drew (text, not a function: the page gets it without tsx's helpers).
 */
const GL_COUNTER = `
  window.cunhuGl = { programs: 0, draws: 0, frames: 0 };
  var frame = 0, drawnFrame = -1;
  requestAnimationFrame(function tick() { frame++; requestAnimationFrame(tick); });
  var gl = WebGL2RenderingContext.prototype;
  ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced'].forEach(function (name) {
    var draw = gl[name];
    gl[name] = function () {
      cunhuGl.draws++;
      if (drawnFrame !== frame) { cunhuGl.frames++; drawnFrame = frame; }
      return draw.apply(this, arguments);
    };
  });
  var link = gl.linkProgram;
  gl.linkProgram = function () { cunhuGl.programs++; return link.apply(this, arguments); };
`;

/** Traces one navigation of `url` to data-ready and prints the summary as `PREFIX_name: value` lines. */
export async function profilePage(browser: Browser, url: string, viewport: { width: number; height: number }, prefix = 'profile'): Promise<void> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript({ content: GL_COUNTER });
  const page = await context.newPage();
  // BENCH_TRACE_CATEGORIES adds categories to the trace (with BENCH_TRACE_OUT: the GPU process's, say).
  await browser.startTracing(page, { categories: [...CATEGORIES, ...(process.env.BENCH_TRACE_CATEGORIES?.split(',') ?? [])] });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('cunhu:data-ready').length > 0, undefined, { timeout: 180_000 });
  const timeline = await page.evaluate(() => ({
    marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('cunhu:')).map((m) => [m.name, m.startTime] as const),
    files: performance.getEntriesByType('resource').map((r) => [(r as PerformanceResourceTiming).name.replace(/^.*\//, ''), r.startTime, (r as PerformanceResourceTiming).responseEnd] as const),
    gl: (window as unknown as { cunhuGl?: { programs: number; draws: number; frames: number } }).cunhuGl ?? null,
  }));
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  if (process.env.BENCH_TRACE_OUT) (await import('node:fs')).writeFileSync(`${process.env.BENCH_TRACE_OUT}-${prefix}.json`, JSON.stringify(trace));
  await context.close();

  console.log(`${prefix}: ${url}, one traced navigation (longer than untraced runs)`);
  for (const [name, t] of timeline.marks) console.log(`${prefix}_mark ${name.replace('cunhu:', '')}: ${t.toFixed(0)}`);
  // Read just after data-ready: what the GPU was given up to then.
  if (timeline.gl) console.log(`${prefix}_webgl: ${timeline.gl.programs} programs linked, ${timeline.gl.draws} draw calls in ${timeline.gl.frames} frames`);
  for (const [file, start, end] of [...timeline.files].sort((a, b) => a[2] - b[2])) {
    console.log(`${prefix}_file ${file.replace(/-[\w-]{8}\.(m?js|css)$/, '.$1')}: ${start.toFixed(0)}–${end.toFixed(0)}`);
  }

  const events = trace.traceEvents;
  const ready = events.find((e) => e.name === 'cunhu:data-ready' && e.cat.includes('blink.user_timing'));
  if (!ready) {
    console.log(`${prefix}: no data-ready mark in the trace`);
    return;
  }
  const pid = ready.pid;
  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const main = [...threadName].find(([k, n]) => k.startsWith(`${pid}:`) && n === 'CrRendererMain');
  const mainTid = main ? Number(main[0].split(':')[1]) : ready.tid;
  // The mark's own time is from the page's time origin (navigation start): the window starts there.
  const nav = ready.ts - Number(ready.args?.data?.startTime ?? 0) * 1000;
  const end = ready.ts;
  const mainEvents = events.filter((e) => e.pid === pid && e.tid === mainTid);
  const byKind = new Map<string, number>();
  for (const [name, us] of selfTimes(mainEvents, nav, end)) byKind.set(kindOf(name), (byKind.get(kindOf(name)) ?? 0) + us);
  const busy = [...byKind.values()].reduce((a, b) => a + b, 0);
  console.log(`${prefix}_main_window_ms: ${ms(end - nav)}`);
  console.log(`${prefix}_main_busy_ms: ${ms(busy)}`);
  for (const kind of ['script_compile', 'script_run', 'gc', 'style_layout', 'paint', 'html', 'other']) console.log(`${prefix}_main_${kind}_ms: ${ms(byKind.get(kind) ?? 0)}`);
  console.log(`${prefix}_main_idle_ms: ${ms(end - nav - busy)}`);
  const functions = new Map<string, number>();
  const files = [...profileByFile(events, pid, mainTid, nav, end, functions)].filter(([f]) => f !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 10);
  for (const [file, us] of files) console.log(`${prefix}_js_self ${file}: ${ms(us)}`);
  for (const [fn, us] of [...functions].filter(([f]) => !f.startsWith('(')).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.BENCH_PROFILE_FUNCTIONS ?? 0))) console.log(`${prefix}_js_function ${fn}: ${ms(us)}`);
  const workers = [...threadName].filter(([k, n]) => k.startsWith(`${pid}:`) && /^DedicatedWorker/.test(n)).map(([k]) => Number(k.split(':')[1]));
  let workerBusy = 0;
  for (const tid of workers) {
    const top = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts < end && e.ts + (e.dur ?? 0) > nav && /^(RunTask|ThreadControllerImpl::RunTask)$/.test(e.name));
    workerBusy += top.reduce((n, e) => n + Math.min(e.ts + (e.dur ?? 0), end) - Math.max(e.ts, nav), 0);
  }
  // The GPU process's main thread: under SwiftShader it runs the WebGL calls and rasterises the page.
  const gpu = [...threadName].filter(([, n]) => n === 'CrGpuMain').map(([k]) => k.split(':').map(Number) as [number, number]);
  let gpuBusy = 0;
  for (const [gpid, gtid] of gpu) {
    const top = events.filter((e) => e.pid === gpid && e.tid === gtid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.ts < end && e.ts + (e.dur ?? 0) > nav);
    gpuBusy += top.reduce((n, e) => n + Math.min(e.ts + (e.dur ?? 0), end) - Math.max(e.ts, nav), 0);
  }
  console.log(`${prefix}_gpu_process_busy_ms: ${ms(gpuBusy)}`);
  console.log(`${prefix}_worker_threads: ${workers.length}`);
  console.log(`${prefix}_worker_busy_ms: ${ms(workerBusy)}`);
  const workerFiles = new Map<string, number>();
  for (const tid of workers) for (const [file, us] of profileByFile(events, pid, tid, nav, end)) workerFiles.set(file, (workerFiles.get(file) ?? 0) + us);
  for (const [file, us] of [...workerFiles].filter(([f]) => f !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`${prefix}_worker_js_self ${file}: ${ms(us)}`);
}
