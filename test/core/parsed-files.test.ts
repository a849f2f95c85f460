import { describe, expect, it } from 'vitest';
import { VersionReader } from '../../src/core/history-version.ts';
import { ParsedFiles } from '../../src/core/parsed-files.ts';
import { buildWorkspace } from '../../src/core/workspace.ts';

const encoder = new TextEncoder();
const OBJECTIVE = 'okrs/2026-q4/talks.md';
const MISSION = 'okrs/mission.md';

function objective(current: number, title = 'Deliver engaging presentations'): string {
  return `---\ntitle: ${title}\nperiod: 2026-Q4\nkey_results:\n  - id: feedback\n    title: Raise feedback to 4.5\n    baseline: 3.6\n    target: 4.5\n    current: ${current}\n---\nWhy it matters.\n`;
}

const MISSION_TEXT = '---\nmission: Be an ideal candidate for promotion.\nowner: jane\n---\nThe long view.\n';
const files = [
  { path: OBJECTIVE, bytes: encoder.encode(objective(4.1)) },
  { path: MISSION, bytes: encoder.encode(MISSION_TEXT) },
  { path: 'okrs/2026-q4/broken.md', bytes: encoder.encode('---\ntitle: [unclosed\n---\n') },
];

/** What a workspace holds, without the functions that locate positions. */
function plain(workspace: ReturnType<typeof buildWorkspace>): unknown {
  const strip = ({ locate: _locate, ...parsed }: { locate: unknown }) => parsed;
  return { ...workspace, objectives: workspace.objectives.map(strip), missions: workspace.missions.map(strip) };
}

describe('ParsedFiles', () => {
  it('gives the workspace what parsing each file gives', () => {
    expect(plain(buildWorkspace('okrs', files, new ParsedFiles()))).toEqual(plain(buildWorkspace('okrs', files)));
  });

  it('hands the history the workspace parse of the same text at the same path, and parses any other text anew', () => {
    const parsed = new ParsedFiles();
    const workspace = buildWorkspace('okrs', files, parsed);
    const kept = workspace.objectives.find((file) => file.path === OBJECTIVE);
    expect(parsed.reuseObjective(OBJECTIVE, objective(4.1)).raw).toBe(kept?.raw);
    const other = parsed.reuseObjective(OBJECTIVE, objective(3.9));
    expect(other.data?.key_results[0]?.current).toBe(3.9);
    // Not kept: the workspace's parse is still the one handed out.
    expect(parsed.reuseObjective(OBJECTIVE, objective(4.1)).raw).toBe(kept?.raw);
    expect(parsed.reuseMission(MISSION, MISSION_TEXT).raw).toBe(workspace.missions[0]?.raw);
    // The same text at another path, or read in another role, is parsed for that path and role.
    expect(parsed.reuseObjective('okrs/2026-q4/other.md', objective(4.1)).path).toBe('okrs/2026-q4/other.md');
    expect(parsed.reuseObjective(MISSION, MISSION_TEXT).data).toBeUndefined();
  });

  it('lets the history read every version as it does without the workspace parses', () => {
    const texts = [objective(4.1), objective(4), objective(4, 'Give talks'), objective(3.6, 'Give talks')];
    const parsed = new ParsedFiles();
    buildWorkspace('okrs', files, parsed);
    const shared = new VersionReader('okrs', parsed);
    const alone = new VersionReader('okrs');
    for (const text of texts) expect(shared.read(OBJECTIVE, encoder.encode(text))).toEqual(alone.read(OBJECTIVE, encoder.encode(text)));
    expect(shared.read(MISSION, encoder.encode(MISSION_TEXT))).toEqual(alone.read(MISSION, encoder.encode(MISSION_TEXT)));
  });
});

describe('parses kept between builds', () => {
  it('give the workspace what parsing gives, positions included, through plain data', () => {
    const first = new ParsedFiles();
    buildWorkspace('okrs', files, first);
    // As the caches keep them: a JSON text.
    const kept = new ParsedFiles(new Map(JSON.parse(JSON.stringify(first.stored())) as ReturnType<ParsedFiles['stored']>));
    const reused = buildWorkspace('okrs', files, kept);
    const fresh = buildWorkspace('okrs', files);
    expect(plain(reused)).toEqual(plain(fresh));
    for (const at of [['title'], ['key_results', 0, 'current']] as const) {
      expect(reused.objectives[0]!.locate([...at], 'key')).toEqual(fresh.objectives[0]!.locate([...at], 'key'));
    }
    // A file that changed is parsed again.
    const changed = [{ path: OBJECTIVE, bytes: encoder.encode(objective(4.3)) }];
    expect(plain(buildWorkspace('okrs', changed, kept))).toEqual(plain(buildWorkspace('okrs', changed)));
    expect(kept.stored().length).toBe(first.stored().length + 1);
  });
});
