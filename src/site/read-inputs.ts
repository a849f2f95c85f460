/**
 * The site's inputs read on a worker thread (src/site/read-worker.ts) while Astro starts: reading
 * (git history, files, bodies) and Astro's start and bundling each keep a core busy, and the pages
 * need the inputs only once Astro generates them. The worker writes them as JSON to a file of the
 * build's; the main thread gets back only the report, the history cache's warnings and the times.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReadHistoryOptions } from '../git/history.ts';
import type { OrgConfig } from '../core/org.ts';
import type { SourceEnvironment } from '../io/org-source.ts';
import type { SiteSettings } from './inputs.ts';
import type { Problem } from './model.ts';
import type { OrgSite } from './org-inputs.ts';

/**
 * What the worker is given: plain data only, so the history cache's `onWarning` comes back as messages. Paths are
 * absolute: the build moves the process into a folder of its own while the worker reads.
 */
export interface ReadRequest {
  settings: Omit<SiteSettings, 'bodies' | 'historyCache' | 'parsed'>;
  historyCache: false | { dir?: string } | undefined;
  bodiesFile: string;
  /** The parses of the current files kept between builds (src/site/parse-cache.ts). */
  parsesFile: string;
  inputsFile: string;
  /** An organisation's site (`okr build --org`): its sources, read as src/site/org-inputs.ts reads them. */
  org?: { config: OrgConfig; env: SourceEnvironment };
}

/** What the main thread gets back: the report, and for an organisation what its sources gave. */
export interface ReadResult {
  report: Problem[];
  org?: Omit<OrgSite, 'inputs' | 'report'>;
}

export type ReadMessage =
  { kind: 'warning'; message: string } | ({ kind: 'read'; measures: { name: string; duration: number }[] } & ReadResult) | { kind: 'done' } | { kind: 'failed'; message: string; name: string };

export interface PendingRead {
  /** Once the inputs file is whole: the build's report. */
  read: Promise<ReadResult>;
  /** Once the worker has ended (the body cache written). */
  done: Promise<void>;
  /** Ends the worker: at once while it is still reading (a build that failed), else once it is done. */
  stop: () => Promise<void>;
}

/** The worker's module is .ts in the sources and .js in lib/, where this code sits in lib/chunks/. */
const WORKER = new URL(`../site/read-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

export function readInBackground(
  settings: ReadRequest['settings'],
  files: { bodiesFile: string; parsesFile: string; inputsFile: string },
  historyCache: ReadHistoryOptions['cache'] | undefined,
  org?: ReadRequest['org'],
): PendingRead {
  const request: ReadRequest = {
    settings,
    historyCache: historyCache === undefined || historyCache === false ? historyCache : { ...(historyCache.dir === undefined ? {} : { dir: path.resolve(historyCache.dir) }) },
    ...files,
    ...(org ? { org } : {}),
  };
  const worker = new Worker(WORKER, { workerData: request });
  const onWarning = historyCache ? historyCache.onWarning : undefined;
  let settle: { resolve: (result: ReadResult) => void; reject: (error: Error) => void } | undefined;
  let reading = true;
  const read = new Promise<ReadResult>((resolve, reject) => (settle = { resolve, reject })).finally(() => (reading = false));
  // Awaited only once Astro has bundled the pages: a failure before then must not be an unhandled rejection.
  read.catch(() => undefined);
  const fail = (error: Error) => settle!.reject(error);
  worker.on('message', (message: ReadMessage) => {
    if (message.kind === 'warning') onWarning?.(message.message);
    else if (message.kind === 'read') {
      for (const { name, duration } of message.measures) performance.measure(name, { start: performance.now() - duration, duration });
      settle!.resolve({ report: message.report, ...(message.org ? { org: message.org } : {}) });
    } else if (message.kind === 'failed') fail(Object.assign(new Error(message.message), { name: message.name }));
  });
  worker.on('error', fail);
  const done = new Promise<void>((resolve) =>
    worker.on('exit', () => {
      fail(new Error('reading the site inputs ended before they were read'));
      resolve();
    }),
  );
  return {
    read,
    done,
    stop: async () => {
      if (reading) await worker.terminate();
      await done;
    },
  };
}
