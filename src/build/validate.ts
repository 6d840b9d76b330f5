// `npm run build`'s validation step, run inside the Astro process (astro.config.mjs) so that the
// data and content are read and checked once per build: the pages then use the same project.
// `npm run check` runs the same checks (buildChecks): whatever check accepts, the build builds.
import { CHART_ID } from '../charts/rows.ts';
import { formatReport, hasErrors, sortIssues } from '../data/report.ts';
import type { Issue } from '../data/types.ts';
import { MAX_REPORT_NAME, WINDOWS_RESERVED } from '../texts/reports.ts';
import { chartIdSources } from '../views/topics.ts';
import { basePath } from '../paths.ts';
import { clockFromEnv, loadProject, type Project } from '../project/project.ts';
import { timings } from '../project/timings.ts';
import { preparePhotos } from '../photos/prepare.ts';
import { processState } from '../config.mjs';
import { currentRelease } from '../releases/current.ts';
import { linkIssues } from '../project/siteFiles.ts';

/** Characters that break a download address /data/<name>.csv (a space is fine: it is encoded). */
const UNSAFE_DATASET_NAME = /[?#%\\"<>|*:]/;

/**
 * What the build relies on beyond the data and content rules: every chart id is a valid file name
 * and no two charts share one (their downloads would overwrite each other); every free dataset's
 * name can be a download file (/data/<name>.csv) on any server.
 */
export function buildChecks(project: Project): Issue[] {
  const issues: Issue[] = linkIssues(project.root);
  for (const dataset of project.tables.free) {
    const name = dataset.name;
    const file = dataset.file.slice(dataset.file.lastIndexOf('/') + 1);
    const stem = (name.split('.')[0] ?? '').replace(/[ .]+$/, '');
    let problem: string | null = null;
    if (UNSAFE_DATASET_NAME.test(name)) problem = '含有 ? # % \\ " < > | * : 等字符，无法作为下载地址';
    else if (WINDOWS_RESERVED.test(stem)) problem = `以 Windows 的保留名称 "${stem}" 开头（CON、PRN、AUX、NUL、COM1–COM9、LPT1–LPT9），在 Windows 上无法保存或发布`;
    else if ([...name].length > MAX_REPORT_NAME) problem = `过长（${[...name].length} 个字符，最多 ${MAX_REPORT_NAME} 个）`;
    if (problem) issues.push({ path: dataset.file, code: 'constraint-error', message: `文件名 "${file}" ${problem}；请改名` });
  }
  const seen = new Map<string, string>();
  for (const { id, path, what } of chartIdSources(project)) {
    if (!CHART_ID.test(id)) {
      issues.push({ path, code: 'constraint-error', message: `${what}编号 "${id}" 无法用作下载文件名（只能用小写字母、数字、- 和 _）；请联系技术人员` });
      continue;
    }
    const earlier = seen.get(id);
    if (earlier !== undefined && earlier !== what) {
      issues.push({ path, code: 'unique-error', message: `${what}与${earlier}的编号相同（"${id}"），下载文件会互相覆盖；请改用不同的村编号或文件名` });
    }
    seen.set(id, what);
  }
  return issues;
}

/**
 * `url` in site.md with a path (`https://x.gov.cn/rjhj/`) but a build under another base: RSS,
 * canonical links and QR codes follow `url`, the sitemap follows the base, so they would disagree.
 */
export function baseWarnings(project: Project, base: string): Issue[] {
  const url = project.site.url;
  if (!url) return [];
  let pathname: string;
  try {
    pathname = basePath(new URL(url).pathname);
  } catch {
    return [];
  }
  const b = basePath(base);
  if (pathname === b) return [];
  const origin = new URL(url).origin;
  return [{
    path: 'content/site.md',
    code: 'warning',
    message: `url（网站地址）"${url}" 的路径是 ${pathname}，但本次构建的 --base 是 ${b}：网站地图（sitemap）里的地址会与实际地址不符。` +
      `网站若放在 ${origin}${pathname}，请用 npm run build -- --base ${pathname} 构建；否则请把 url 改为 ${origin}${b}`,
  }];
}

/** The issues of `npm run check` and of the build's validation: the project's plus buildChecks. */
export function checkIssues(project: Project, base?: string): { issues: Issue[]; hasErrors: boolean } {
  const extra = [...buildChecks(project), ...(base === undefined ? [] : baseWarnings(project, base))];
  if (extra.length === 0) return { issues: project.issues, hasErrors: project.hasErrors };
  const issues = sortIssues([...project.issues, ...extra]);
  return { issues, hasErrors: hasErrors(issues) };
}

/**
 * Load and check everything; print the report (as `npm run check` does). False on any error.
 * `now` is SITE_NOW's text (src/config.mjs), null for the real clock. `reportShown`: an earlier run
 * of this build printed the same warnings (a retry with more heap), so they are not printed again.
 */
export async function validateForBuild(root: string, base: string, now: string | null, reportShown = false): Promise<boolean> {
  const clock = clockFromEnv(now);
  const project = loadProject(root, { base: basePath(base), ...(clock && { now: clock }) });
  timings().loadMs += project.timings.loadMs;
  const started = performance.now();
  await preparePhotos(project);
  timings().photosMs = performance.now() - started;
  const checked = checkIssues(project, base);
  // The release record (contract §6.3): a previous record that cannot be read stops the build.
  const release = currentRelease(project).issues;
  if (release.length > 0) checked.issues = sortIssues([...checked.issues, ...release]);
  checked.hasErrors ||= hasErrors(release);
  if (checked.hasErrors) {
    console.error(formatReport(checked.issues));
    return false;
  }
  if (checked.issues.length > 0 && !reportShown) console.log(formatReport(checked.issues));
  // The config and the pages are separate module instances in one process (src/config.mjs).
  processState().validatedProject = project;
  return true;
}

/** The project validated for this build, if it matches the root and base asked for. */
export function validatedProject(root: string, base: string): Project | undefined {
  const project = processState().validatedProject as Project | undefined;
  return project && project.root === root && project.base === basePath(base) ? project : undefined;
}
