/**
 * One long-lived `git cat-file --batch` process that reads blobs by id.
 * Requests are answered in order, so they are queued and parsed from one stream.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { gitEnv } from './run.ts';

interface Pending {
  resolve: (bytes: Uint8Array | undefined) => void;
  reject: (error: Error) => void;
}

export interface BlobReaderOptions {
  /**
   * Let git buffer its answers (`--buffer`): far fewer writes for many blobs, but an answer
   * may only arrive once more have been asked for or `close()` is called, so await the reads after closing.
   */
  buffered?: boolean;
}

export class BlobReader {
  private readonly child: ChildProcessWithoutNullStreams;
  /** Requests not answered yet: `pending[answered…]`, so taking the next one does not move the rest. */
  private pending: (Pending | undefined)[] = [];
  private answered = 0;
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | undefined;
  /** Ids asked for in this turn of the event loop, written to git in one go. */
  private requests = '';

  constructor(cwd: string, options: BlobReaderOptions = {}) {
    this.child = spawn('git', ['cat-file', '--batch', ...(options.buffered ? ['--buffer'] : [])], { cwd, env: gitEnv() });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const request of this.pending.slice(this.answered)) request?.reject(error);
      this.pending = [];
      this.answered = 0;
    };
    this.child.on('error', fail);
    this.child.on('close', (code) => {
      const unanswered = this.pending.length - this.answered;
      if (unanswered > 0) fail(new Error(`git cat-file --batch ended (exit ${code}) with ${unanswered} requests unanswered`));
    });
  }

  /** The blob's bytes, or undefined when the object does not exist. */
  read(id: string): Promise<Uint8Array | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      if (this.requests === '') queueMicrotask(() => this.flush());
      this.requests += `${id}\n`;
    });
  }

  /** Ends the requests; resolves once git has answered them all and exited. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('close', () => resolve());
      this.flush();
      this.child.stdin.end();
    });
  }

  private flush(): void {
    if (this.requests === '' || this.child.stdin.writableEnded) return;
    this.child.stdin.write(this.requests);
    this.requests = '';
  }

  private drain(): void {
    while (this.answered < this.pending.length) {
      const headerEnd = this.buffer.indexOf(10);
      if (headerEnd === -1) return;
      const header = this.buffer.subarray(0, headerEnd).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(headerEnd + 1);
        this.next().resolve(undefined);
        continue;
      }
      const size = Number(header.slice(header.lastIndexOf(' ') + 1));
      const end = headerEnd + 1 + size;
      if (this.buffer.length < end + 1) return;
      const bytes = new Uint8Array(this.buffer.subarray(headerEnd + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.next().resolve(bytes);
    }
  }

  private next(): Pending {
    const request = this.pending[this.answered] as Pending;
    this.pending[this.answered++] = undefined;
    if (this.answered === this.pending.length) {
      this.pending = [];
      this.answered = 0;
    }
    return request;
  }
}
