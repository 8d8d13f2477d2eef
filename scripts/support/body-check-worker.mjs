// A worker thread starts without the parent's tsx loader: register tsx's CommonJS hook (how tsx
// runs lib/, see lib/mdx/compile.ts) and its ES module hook (so @mdx-js/mdx loads as the native ES
// module it is, as in the main thread: through the CommonJS hook alone it compiled 3x slower),
// then load the TypeScript worker.
import { createRequire } from 'node:module';
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

register();
registerCommonJs();
createRequire(import.meta.url)('./body-check-worker.ts');
