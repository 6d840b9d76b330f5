// The file-system side of `npm run build` (src/cli/astro.mjs): which output folder may be written,
// the lock against two builds at once, the work folder beside the site, and the final swap. Plain
// JavaScript so that the wrapper runs with `node` alone; tests import it directly.
import {
  chmodSync, closeSync, cpSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync,
  realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync,
} from 'node:fs';
import path from 'node:path';

/** The file that marks a folder as a finished build of this site (written last, before the swap). */
export const SITE_MARKER = '.renju-site.json';
/** The file that marks a work folder `<outDir>.building-<pid>/` as ours (so it may be removed). */
export const WORK_MARKER = '.renju-building.json';
const SITE_NAME = 'renju-huanjing-site';

/** A refusal with a Chinese message for the user (no stack trace is shown). */
export class BuildRefused extends Error {}

/** `--outDir x` or `--outDir=x` (the last one wins, as in Astro); the other arguments unchanged. */
export function parseBuildArgs(args) {
  let outDir;
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--outDir') {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new BuildRefused('--outDir 后面缺少文件夹名，例如：npm run build -- --outDir dist');
      }
      outDir = value;
      i++;
    } else if (arg.startsWith('--outDir=')) {
      outDir = arg.slice('--outDir='.length);
      if (outDir === '') throw new BuildRefused('--outDir= 后面缺少文件夹名，例如：npm run build -- --outDir=dist');
    } else {
      rest.push(arg);
    }
  }
  return { outDir: outDir ?? 'dist', rest };
}

/** `inner` is `outer` or lies inside it. */
export function isWithin(inner, outer) {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real path of `p`, following symbolic links of the part that exists. */
function realish(p) {
  const missing = [];
  let at = path.resolve(p);
  for (;;) {
    try {
      return path.join(realpathSync(at), ...missing.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return path.resolve(p);
      missing.push(path.basename(at));
      at = parent;
    }
  }
}

/** A folder an earlier build of this site wrote: our marker, or (builds before the marker) its shape. */
export function isEarlierBuild(dir) {
  try {
    const marker = JSON.parse(readFileSync(path.join(dir, SITE_MARKER), 'utf8'));
    if (marker && marker.site === SITE_NAME) return true;
  } catch {
    // no marker
  }
  // Builds made before the marker existed: the search index, the chart downloads and village pages.
  return ['pagefind/pagefind-entry.json', 'data/charts', 'villages', 'index.html'].every((f) => existsSync(path.join(dir, f)));
}

/**
 * The output folder, resolved, or a BuildRefused saying why it may not be used: the tool replaces
 * this folder, so it must never be the project, a folder above it, one of its source folders, or a
 * folder that holds anything but an earlier build of this site.
 */
export function safeOutDir(outDir, { projectRoot, siteDir }) {
  const target = realish(outDir);
  const project = realish(projectRoot);
  const site = realish(siteDir);
  const named = `输出文件夹 ${target}`;
  if (path.dirname(target) === target) throw new BuildRefused(`已拒绝：${named} 是磁盘的根目录。请用 --outDir 指定一个新的空文件夹（如 dist）。`);
  for (const [root, what] of [[project, '项目文件夹'], [site, '网站资料文件夹（SITE_DIR）']]) {
    if (isWithin(root, target)) {
      throw new BuildRefused(
        `已拒绝：${named} 是${what} ${root}${target === root ? '' : ' 的上级文件夹'}，构建会替换输出文件夹里的全部内容。` +
        '请改用一个新的空文件夹（如 dist）。',
      );
    }
  }
  for (const [root, sub] of [[site, 'data'], [site, 'content'], [site, 'public'], [project, 'src'], [project, 'node_modules'], [project, '.git']]) {
    if (isWithin(target, path.join(root, sub))) {
      throw new BuildRefused(`已拒绝：${named} 位于 ${path.join(root, sub)} 中（项目自己的文件夹）。请改用一个新的空文件夹（如 dist）。`);
    }
  }
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    return target; // does not exist yet: it will be created
  }
  if (!stat.isDirectory()) throw new BuildRefused(`已拒绝：${named} 已存在，但不是文件夹。请改用一个新的空文件夹（如 dist）。`);
  if (readdirSync(target).length > 0 && !isEarlierBuild(target)) {
    throw new BuildRefused(
      `已拒绝：${named} 不是空文件夹，也不是本网站以前的构建结果（里面没有 ${SITE_MARKER}）。` +
      '构建会用新网站替换它的全部内容，为免删掉其他文件（例如同一服务器上的其他网站），已停止。' +
      '请指定一个新的空文件夹，或先手动清空该文件夹。',
    );
  }
  return target;
}

export function lockPath(outDir) {
  return `${outDir}.lock`;
}

/**
 * The project's own lock: two builds in one project share Astro's caches (`.astro/`,
 * `node_modules/.astro`, `node_modules/.vite`) and break each other even with different outDirs.
 */
export function projectLockPath(projectRoot) {
  return path.join(projectRoot, '.renju-build.lock');
}

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM'; // exists, owned by another user
  }
}

/**
 * Take a lock file (`<outDir>.lock`, or the project's); a lock whose process no longer runs (the
 * build was killed) is taken over. `what` says in the message what the other build is doing.
 */
export function acquireLock(outDir, file = lockPath(outDir), what = `输出到同一个文件夹 ${outDir}`) {
  try {
    return takeLock(outDir, file, what);
  } catch (error) {
    if (error instanceof BuildRefused) throw error;
    throw new BuildRefused(notWritable(path.dirname(file), error));
  }
}

/** The build writes beside the output folder: say so when that folder is read-only. */
function notWritable(dir, error) {
  return `无法在文件夹 ${dir} 中写入（${error.code ?? error.message}）：构建要在输出文件夹旁边放锁文件和临时文件夹，` +
    '请确认对该文件夹有写权限，或用 --outDir 指定另一个文件夹。原来的网站保持原样。';
}

function takeLock(outDir, file, what) {
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 6; attempt++) {
    let fd;
    try {
      fd = openSync(file, 'wx', 0o644);
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let holder = null;
      try {
        holder = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        // empty or half-written: the writer died between open and write (or is writing right now)
        const age = Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
        if (age < 5_000 && attempt < 4) {
          sleep(500);
          continue;
        }
      }
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new BuildRefused(
          `已有另一个构建正在进行（进程 ${holder.pid}，开始于 ${holder.started ?? '未知时间'}），${what}。` +
          `请等它结束后再运行。如确定没有构建在运行，可删除锁文件 ${file} 后重试。`,
        );
      }
      try { unlinkSync(file); } catch { /* another build took it over first */ }
      continue;
    }
    writeSync(fd, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }));
    closeSync(fd);
    return file;
  }
  throw new BuildRefused(`无法取得锁文件 ${file}：另一个构建可能刚刚开始。请稍后重试。`);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Remove the lock if it is still ours. */
export function releaseLock(outDir, file = lockPath(outDir)) {
  try {
    if (JSON.parse(readFileSync(file, 'utf8')).pid === process.pid) unlinkSync(file);
  } catch {
    // already gone
  }
}

function isEmptyDir(dir) {
  try {
    return readdirSync(dir).length === 0;
  } catch {
    return false;
  }
}

/** Work folders `<outDir>.building-<pid>/` beside the output folder, ours by their marker. */
function workDirs(outDir) {
  const parent = path.dirname(outDir);
  const prefix = `${path.basename(outDir)}.building-`;
  let names = [];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))
    .map((n) => path.join(parent, n))
    // ours by the marker; an empty one was made by a build killed before it wrote the marker; one
    // holding only what a build writes (site/, status.json) whose build no longer runs was re-made by
    // an Astro child that outlived its killed wrapper, after the next build had removed the folder
    .filter((d) => existsSync(path.join(d, WORK_MARKER)) || isEmptyDir(d) || isOrphanedWorkDir(d, prefix));
}

function isOrphanedWorkDir(dir, prefix) {
  const pid = Number(path.basename(dir).slice(prefix.length));
  if (pid === process.pid || isAlive(pid)) return false;
  try {
    const names = readdirSync(dir);
    return names.length > 0 && names.every((n) => n === 'site' || n === 'status.json') &&
      (!names.includes('site') || lstatSync(path.join(dir, 'site')).isDirectory());
  } catch {
    return false;
  }
}

/**
 * Called with the lock held: earlier builds that were killed (SIGKILL, power cut) left their work
 * folders behind. If one died in the middle of the swap (its old site moved aside, the new one not
 * yet in place) the old site is put back first; then the work folders are removed.
 */
export function cleanLeftovers(outDir) {
  cleanInPlaceLeftovers(outDir);
  for (const dir of workDirs(outDir)) {
    const previous = path.join(dir, 'previous');
    if (!existsSync(outDir) && existsSync(previous)) renameSync(previous, outDir);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `<outDir>.building-<pid>/` with the marker, `site/` (Astro's outDir) and the status file path. */
export function createWorkDir(outDir) {
  try {
    return makeWorkDir(outDir);
  } catch (error) {
    throw new BuildRefused(notWritable(path.dirname(outDir), error));
  }
}

function makeWorkDir(outDir) {
  const dir = `${outDir}.building-${process.pid}`;
  rmSync(dir, { recursive: true, force: true }); // only a leftover of ours can have this name (lock held)
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  writeFileSync(path.join(dir, WORK_MARKER), JSON.stringify({ site: SITE_NAME, pid: process.pid, outDir }));
  const site = path.join(dir, 'site');
  mkdirSync(site, { mode: 0o755 });
  return { dir, site, status: path.join(dir, 'status.json') };
}

/**
 * Where Astro should build. Astro writes into its outDir only when that folder lies inside the
 * working directory (its getOutDirWithinCwd); otherwise it
 * builds into `<cwd>/.astro/`, then copies all of that folder into the outDir and deletes it, so
 * its own files (collections/, content-modules.mjs, and after `npm run dev` data-store.json and
 * settings.json) would be published. A site published outside the project is therefore built in
 * `node_modules/.cache/renju-build/<pid>/site` and moved into the work folder afterwards (moveTree).
 * Returns null when the work folder itself will do.
 */
export function stagingSite(projectRoot, workSite) {
  // By path segments: `C:\rjhj-site` starts with `C:\rjhj` but lies outside it (Astro's own prefix
  // test would then write its server chunks there, where they cannot find node_modules).
  if (isWithin(path.resolve(workSite), path.resolve(projectRoot))) return null;
  return path.join(stagingRoot(projectRoot), String(process.pid), 'site');
}

/** The staging folders of this project's builds (the project lock keeps one build at a time). */
export function stagingRoot(projectRoot) {
  return path.join(projectRoot, 'node_modules', '.cache', 'renju-build');
}

/** Move a built site to `to` (absent or empty): a rename, or a copy when it is on another disk. */
export function moveTree(from, to) {
  rmSync(to, { recursive: true, force: true }); // the empty site folder of makeWorkDir
  try {
    renameSync(from, to);
  } catch (error) {
    if (error.code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** Write the marker that says "a complete build of this site" (the last file written). */
export function markSite(site) {
  writeFileSync(path.join(site, SITE_MARKER), JSON.stringify({ site: SITE_NAME, built: new Date().toISOString() }) + '\n');
}

/** Folders 755, files 644: readable by the web server's user whatever this user's umask. */
export function chmodTree(dir) {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chmodTree(p);
    else if (entry.isFile()) chmodSync(p, 0o644);
  }
}

/**
 * Put the finished site in place of the output folder. An earlier build is renamed into the work
 * folder first (removed with it afterwards), then the new site is renamed in: at every moment the
 * output folder is either the old site or the new one (a kill between the two renames is repaired
 * by the next build's cleanLeftovers). An empty folder that already existed (perhaps made by the
 * server's administrator) is kept and filled instead.
 */
export function swapIn(work, outDir) {
  let stat = null;
  try { stat = statSync(outDir); } catch { /* absent */ }
  // An empty folder, or a folder on another disk (a mount point: a USB disk, a network share, which
  // cannot be renamed and which a rename cannot reach), is filled in place instead.
  if (stat && (readdirSync(outDir).length === 0 || stat.dev !== statSync(work.dir).dev)) {
    fillInPlace(work, outDir);
    return;
  }
  const previous = path.join(work.dir, 'previous');
  try {
    if (stat) renameSync(outDir, previous);
  } catch (error) {
    throw new BuildRefused(swapMessage(outDir, error));
  }
  try {
    renameSync(work.site, outDir);
  } catch (error) {
    if (stat) renameSync(previous, outDir); // put the old site back before the work folder goes
    throw new BuildRefused(swapMessage(outDir, error));
  }
}

/** Folders inside the output folder while it is filled in place (fillInPlace): never published. */
const INCOMING = '.renju-incoming-';
const OUTGOING = '.renju-previous-';

/**
 * Fill an output folder that cannot be swapped with a rename: the new site is first copied into
 * `<outDir>/.renju-incoming-<pid>/` (on the output folder's own disk, so a full disk stops the
 * build there, with the old site untouched), then the old site's files are moved aside into
 * `.renju-previous-<pid>/` and the new ones moved in, the marker last: renames within one disk.
 */
function fillInPlace(work, outDir) {
  const incoming = path.join(outDir, `${INCOMING}${process.pid}`);
  const outgoing = path.join(outDir, `${OUTGOING}${process.pid}`);
  try {
    rmSync(incoming, { recursive: true, force: true });
    moveTree(work.site, incoming);
  } catch (error) {
    rmSync(incoming, { recursive: true, force: true });
    throw new BuildRefused(fileSystemMessage(error, outDir));
  }
  const old = readdirSync(outDir).filter((n) => !n.startsWith(INCOMING) && !n.startsWith(OUTGOING));
  mkdirSync(outgoing, { recursive: true });
  for (const name of old) renameSync(path.join(outDir, name), path.join(outgoing, name));
  // the marker last: a folder interrupted while filling never claims to be a complete build
  const names = readdirSync(incoming).sort((a, b) => Number(a === SITE_MARKER) - Number(b === SITE_MARKER));
  for (const name of names) renameSync(path.join(incoming, name), path.join(outDir, name));
  rmSync(incoming, { recursive: true, force: true });
  rmSync(outgoing, { recursive: true, force: true });
  chmodSync(outDir, 0o755);
}

/**
 * A build killed while filling an output folder in place: the copy it was making is removed; if it
 * died while the old site's files were moved aside (no marker in the folder), they are put back.
 */
function cleanInPlaceLeftovers(outDir) {
  let names = [];
  try { names = readdirSync(outDir); } catch { return; }
  const incoming = names.filter((n) => n.startsWith(INCOMING));
  const outgoing = names.filter((n) => n.startsWith(OUTGOING));
  if (incoming.length === 0 && outgoing.length === 0) return;
  const complete = existsSync(path.join(outDir, SITE_MARKER));
  for (const aside of outgoing) {
    const dir = path.join(outDir, aside);
    if (!complete) {
      for (const name of names) {
        if (!name.startsWith(INCOMING) && !name.startsWith(OUTGOING)) rmSync(path.join(outDir, name), { recursive: true, force: true });
      }
      for (const name of readdirSync(dir)) renameSync(path.join(dir, name), path.join(outDir, name));
    }
    rmSync(dir, { recursive: true, force: true });
  }
  for (const name of incoming) rmSync(path.join(outDir, name), { recursive: true, force: true });
}

/** File-system error codes that are the machine's state, not a bug: each gets a Chinese sentence. */
const FILE_SYSTEM_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EXDEV', 'EBUSY', 'EIO', 'EMFILE', 'ENFILE']);

export function isFileSystemError(error) {
  return Boolean(error) && typeof error === 'object' && FILE_SYSTEM_CODES.has(error.code);
}

/**
 * A file-system failure while building or publishing to `outDir`, as a Chinese sentence that names
 * the folder and what to do. The old site is kept in every case (the caller made sure of it).
 */
export function fileSystemMessage(error, outDir) {
  const where = outDir;
  const code = error?.code ?? '';
  const kept = '原来的网站保持原样，没有发布不完整的网站。';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘空间不足（${code}）：无法在 ${where} 所在的磁盘上写入新网站。构建需要大约两倍于网站大小的空闲空间（新网站写完后才替换旧网站）。` +
        `${kept}请清理该磁盘（如删除不用的文件），或用 --outDir 指定另一个磁盘上的文件夹后重试。`;
    case 'EROFS':
      return `输出文件夹 ${where} 所在的磁盘是只读的（${code}），无法写入。${kept}请换一个可写的文件夹（--outDir），或请管理员把该磁盘改为可写。`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限在 ${where} 中写入（${code}${error.path ? `：${error.path}` : ''}）。${kept}请确认当前用户对该文件夹及其上级文件夹有写权限，或用 --outDir 指定另一个文件夹。`;
    case 'EXDEV':
      return `无法把新网站移到 ${where}（${code}：它在另一个磁盘上）。${kept}请重试；如仍失败，请用 --outDir 指定与项目在同一磁盘上的文件夹。`;
    case 'EBUSY':
      return `输出文件夹 ${where} 正被其他程序占用（${code}），如资源管理器、网页服务器。${kept}请关闭占用它的程序后重试。`;
    default:
      return `读写 ${where} 时出错（${code}${error?.message ? `：${error.message}` : ''}）。${kept}请检查该磁盘后重试，或用 --outDir 指定另一个文件夹。`;
  }
}

function swapMessage(outDir, error) {
  const busy = ['EBUSY', 'EPERM', 'EACCES', 'EXDEV'].includes(error.code);
  return `新网站已构建完成，但无法替换输出文件夹 ${outDir}（${error.code ?? error.message}）` +
    (busy ? '：它可能正被其他程序打开（如资源管理器、网页服务器），或是一个挂载点。' : '。') +
    '原来的网站保持原样。请关闭占用它的程序后重试，或用 --outDir 指定另一个文件夹。';
}
