/**
 * Where the browser tests' build lives: dist/ and public/data, or under CUNHU_TEST_DIR when a run
 * keeps its build apart (see global-setup.ts).
 */
import { join } from 'node:path';

const dir = process.env.CUNHU_TEST_DIR;
/** The built site. */
export const DIST = dir ? join(dir, 'dist') : 'dist';
/** The site data the build wrote (public/data). */
export const PUBLIC_DATA = dir ? join(dir, 'public', 'data') : join('public', 'data');
