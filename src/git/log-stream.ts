/**
 * Reads `git log --raw -z --format=LOG_FORMAT` incrementally: chunks of bytes
 * in, whole commits out. Only the commit being read is held in memory.
 */

/** Record separator, then NUL-separated fields; `%B` is closed by the NUL that `-z` puts after the header. */
export const LOG_FORMAT = '%x1e%H%x00%P%x00%cI%x00%an%x00%B';

export interface RawChange {
  /** A, M, D, R, C or T (git's `--raw` status letter, without the similarity score). */
  status: string;
  oldMode: string;
  newMode: string;
  oldBlob: string;
  newBlob: string;
  path: string;
  /** The source path of a rename or copy. */
  from?: string;
}

export interface LogCommit {
  commit: string;
  parents: string[];
  /** Committer date, ISO 8601 with the committer's offset. */
  committed: string;
  author: string;
  message: string;
  changes: RawChange[];
}

const HEADER_FIELDS = 5;

export class LogParser {
  private partial: Buffer | undefined;
  private current: LogCommit | undefined;
  private header: string[] = [];
  private pendingChange: RawChange | undefined;
  private pathsWanted = 0;
  private done: LogCommit[] = [];

  /** Feeds a chunk; returns the commits it completed. */
  push(chunk: Buffer): LogCommit[] {
    const buffer = this.partial ? Buffer.concat([this.partial, chunk]) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(0, start); end !== -1; end = buffer.indexOf(0, start)) {
      this.token(buffer.toString('utf8', start, end));
      start = end + 1;
    }
    this.partial = start < buffer.length ? buffer.subarray(start) : undefined;
    return this.take();
  }

  /** The end of the stream: returns the last commit. */
  end(): LogCommit[] {
    if (this.partial) this.token(this.partial.toString('utf8'));
    this.partial = undefined;
    this.finishCommit();
    return this.take();
  }

  private take(): LogCommit[] {
    const done = this.done;
    this.done = [];
    return done;
  }

  private token(text: string): void {
    if (this.header.length > 0) {
      this.header.push(text);
      if (this.header.length === HEADER_FIELDS) this.startCommit();
      return;
    }
    if (this.pathsWanted > 0 && this.pendingChange) {
      if (this.pathsWanted === 2) this.pendingChange.from = text;
      else this.pendingChange.path = text;
      this.pathsWanted--;
      if (this.pathsWanted === 0) this.current?.changes.push(this.pendingChange);
      return;
    }
    const trimmed = text.replace(/^\n+/, '');
    if (trimmed.startsWith('\x1e')) {
      this.finishCommit();
      this.header = [trimmed.slice(1)];
    } else if (trimmed.startsWith(':')) {
      const [oldMode = '', newMode = '', oldBlob = '', newBlob = '', score = ''] = trimmed.slice(1).split(' ');
      const status = score.charAt(0);
      this.pendingChange = { status, oldMode, newMode, oldBlob, newBlob, path: '' };
      this.pathsWanted = status === 'R' || status === 'C' ? 2 : 1;
    }
  }

  private startCommit(): void {
    const [commit = '', parents = '', committed = '', author = '', message = ''] = this.header;
    this.header = [];
    this.current = {
      commit,
      parents: parents === '' ? [] : parents.split(' '),
      committed,
      author,
      message: message.replace(/\s+$/, ''),
      changes: [],
    };
  }

  private finishCommit(): void {
    if (this.current) this.done.push(this.current);
    this.current = undefined;
  }
}
