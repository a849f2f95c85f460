/** A progress bar on stderr while a long history is read; only on a terminal, only after a moment. */

export interface Progress {
  update(done: number, share?: number): void;
  /** Clears the bar. */
  end(): void;
}

const DELAY_MS = 300;
const REDRAW_MS = 100;
const WIDTH = 24;

export function progressBar(stream: NodeJS.WriteStream, label: string, clock: () => number = Date.now): Progress | undefined {
  if (stream.isTTY !== true) return undefined;
  const started = clock();
  let drawn = 0;
  let shown = false;
  return {
    update(done, share) {
      const now = clock();
      if (now - started < DELAY_MS || now - drawn < REDRAW_MS) return;
      drawn = now;
      shown = true;
      const commits = `${done.toLocaleString('en-US')} commit${done === 1 ? '' : 's'}`;
      if (share === undefined) {
        stream.write(`\r${label} ${commits}\x1b[K`);
        return;
      }
      const filled = Math.round(share * WIDTH);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${commits}\x1b[K`);
    },
    end() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
