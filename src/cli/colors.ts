/** Colours only on a terminal, never with NO_COLOR; FORCE_COLOR turns them on. */
import picocolors from 'picocolors';
import type { Colors } from '../format/stylish.ts';

export function colorsFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Colors {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const enabled = !('NO_COLOR' in env && env.NO_COLOR !== '') && (forced || (stream.isTTY === true && env.TERM !== 'dumb'));
  return picocolors.createColors(enabled);
}
