// The .xls parser's worker thread (scripts/lib/xls-isolate.ts): TypeScript through tsx, then the worker.
import { register } from 'tsx/esm/api';

register();
await import('./xls-worker.ts');
