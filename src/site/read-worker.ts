/**
 * Reads a site's inputs on a thread of its own (src/site/read-inputs.ts starts it), so Astro starts
 * and bundles the pages on the main thread meanwhile. What it reads goes straight to a JSON file,
 * never back to the main thread as objects: the main thread holds neither the inputs nor their
 * text, and the pages' module reads the file once Astro generates them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeWhole } from '../io/write-whole.ts';
import { readBodyCache, writeBodyCache } from './body-cache.ts';
import { readSite } from './inputs.ts';
import { readOrgSite } from './org-inputs.ts';
import { readParseCache, writeParseCache } from './parse-cache.ts';
import type { ReadRequest, ReadMessage } from './read-inputs.ts';

const request = workerData as ReadRequest;
const post = (message: ReadMessage) => parentPort!.postMessage(message);
const measures = () => ['gitops-okr:history', 'gitops-okr:inputs'].map((name) => ({ name, duration: performance.getEntriesByName(name).reduce((sum, entry) => sum + entry.duration, 0) }));

try {
  // The history cache's warnings go to the main thread, which tells them.
  const { historyCache } = request;
  // The history cache is written once the pages' inputs are, so Astro need not wait for it either.
  const cacheWrites: (() => Promise<void>)[] = [];
  const onWarning = (message: string) => post({ kind: 'warning', message });
  const writeLater = (write: () => Promise<void>) => void cacheWrites.push(write);
  const cache = historyCache === undefined ? { historyCache: { writeLater } } : { historyCache: historyCache && { ...historyCache, onWarning, writeLater } };
  if (request.org) {
    const { inputs, report, ...org } = await readOrgSite(request.org.config, {
      ...request.settings,
      showProblems: request.settings.showProblems ?? false,
      now: request.settings.now!,
      env: request.org.env,
      ...cache,
    });
    await writeWhole(request.inputsFile, JSON.stringify(inputs));
    post({ kind: 'read', report, org, measures: measures() });
    for (const write of cacheWrites) await write();
  } else {
    const [bodies, parsed] = await Promise.all([readBodyCache(request.bodiesFile), readParseCache(request.parsesFile)]);
    const { inputs, report } = await readSite({ ...request.settings, bodies, parsed, ...cache });
    await writeWhole(request.inputsFile, JSON.stringify(inputs));
    post({ kind: 'read', report, measures: measures() });
    // After the pages' inputs, so Astro need not wait for it.
    for (const write of cacheWrites) await write();
    await writeBodyCache(request.bodiesFile, bodies);
    await writeParseCache(request.parsesFile, parsed);
  }
  post({ kind: 'done' });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error), name: error instanceof Error ? error.name : 'Error' });
}
