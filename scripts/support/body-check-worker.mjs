// A worker thread starts without the parent's tsx loader: register tsx's CommonJS hook (how tsx
// runs lib/, see lib/mdx/compile.ts) and load the TypeScript worker through it.
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';

register();
createRequire(import.meta.url)('./body-check-worker.ts');
