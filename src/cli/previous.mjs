// `--previous <folder>` / `--previous=<folder>` for `npm run build` and `npm run check`: a copy of
// the live site whose release this one is compared with (contract §6.3). Plain JavaScript so that
// the build wrapper (src/cli/astro.mjs) runs with `node` alone.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder given with --previous (resolved; null when not given) and the other arguments.
 * Throws an Error with a Chinese message when the value is missing or not a folder.
 * @param {string[]} args
 * @returns {{ previous: string | null, rest: string[] }}
 */
export function takePrevious(args) {
  /** @type {string | null} */
  let previous = null;
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    let value;
    if (arg === '--previous') {
      value = args[i + 1];
      i++;
      if (value === undefined || value.startsWith('--')) throw new Error('--previous 后面缺少文件夹名，例如：--previous 线上网站副本');
    } else if (arg.startsWith('--previous=')) {
      value = arg.slice('--previous='.length);
      if (value === '') throw new Error('--previous= 后面缺少文件夹名，例如：--previous=线上网站副本');
    } else {
      rest.push(arg);
      continue;
    }
    const dir = path.resolve(value);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new Error(`--previous 指定的文件夹 ${dir} 不存在：请给出线上网站（上一次发布）的完整副本所在的文件夹`);
    }
    previous = dir;
  }
  return { previous, rest };
}
