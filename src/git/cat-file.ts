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

export class BlobReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | undefined;

  constructor(cwd: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd, env: gitEnv() });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const request of this.pending.splice(0)) request.reject(error);
    };
    this.child.on('error', fail);
    this.child.on('close', (code) => {
      if (this.pending.length > 0) fail(new Error(`git cat-file --batch ended (exit ${code}) with ${this.pending.length} requests unanswered`));
    });
  }

  /** The blob's bytes, or undefined when the object does not exist. */
  read(id: string): Promise<Uint8Array | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.child.stdin.write(`${id}\n`);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('close', () => resolve());
      this.child.stdin.end();
    });
  }

  private drain(): void {
    while (this.pending.length > 0) {
      const headerEnd = this.buffer.indexOf(10);
      if (headerEnd === -1) return;
      const header = this.buffer.subarray(0, headerEnd).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(headerEnd + 1);
        this.pending.shift()?.resolve(undefined);
        continue;
      }
      const size = Number(header.slice(header.lastIndexOf(' ') + 1));
      const end = headerEnd + 1 + size;
      if (this.buffer.length < end + 1) return;
      const bytes = new Uint8Array(this.buffer.subarray(headerEnd + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.pending.shift()?.resolve(bytes);
    }
  }
}
