import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where a Chromium may be: $CHROMIUM_PATH first, then the usual system installs. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/** The Chromium executable to drive, or an error that says how to get one. Never skips. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    'No Chromium found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium fonts-noto-cjk`) ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable. Playwright browser downloads are not used.',
  );
}

/** Chromium's switches that take WebGL away, as on an office PC without a usable GPU or a remote desktop. */
export const NO_WEBGL_ARGS = ['--disable-webgl', '--disable-webgl2', '--disable-3d-apis'] as const;

/**
 * Headless Chromium with no background network, and WebGL on SwiftShader; with `{ webgl: false }`
 * without WebGL at all (the page draws its fallback map).
 */
export function launchChromium(options: { webgl?: boolean } = {}): Promise<Browser> {
  const gl = options.webgl === false ? NO_WEBGL_ARGS : ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', ...gl, '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
