// The release of this build (contract §6.3): the datasets the project publishes, compared with the
// release of the previous site (the output folder before the swap, or `--previous <folder>`, which
// src/cli/astro.mjs passes as SITE_PREVIOUS). Planned once per build and shared by the validation
// step and the pages through the process-wide slot (src/config.mjs).
import path from 'node:path';
import { processState, readConfig } from '../config.mjs';
import { clockFromEnv, type Project } from '../project/project.ts';
import { datasetCsv } from '../outputs/datasetCsv.ts';
import { openDatasets } from '../outputs/datasets.ts';
import type { Issue, Tables } from '../data/types.ts';
import type { DatasetKey } from './compare.ts';
import { rowText } from './text.ts';
import { chinaDay, planRelease, readPrevious, RECORD_FILE, type Plan, type Previous } from './record.ts';

/** Each published dataset's CSV, exactly as /data/<name>.csv serves it. */
export function publishedDatasets(tables: Tables): Map<string, string> {
  return new Map(openDatasets(tables).map((d) => [d.name, datasetCsv(tables, d.dataset)]));
}

const KEY_TYPES = new Set(['text', 'id', 'month', 'date', 'village', 'point', 'enum', 'metric', 'scope']);

/** How each published dataset's rows are told apart: the dataset module's key, by column label. */
export function datasetKeys(tables: Tables): Map<string, DatasetKey> {
  const out = new Map<string, DatasetKey>();
  for (const d of openDatasets(tables)) {
    const columns = d.dataset.columns;
    const label = (key: string) => columns.find((c) => c.key === key)?.label;
    const keys = d.schema
      ? (d.schema.rowKey ?? d.schema.unique?.[0] ?? []).map(label).filter((l): l is string => l !== undefined)
      : columns.filter((c) => KEY_TYPES.has(c.type)).map((c) => c.label); // free datasets: the columns that are not figures
    const month = d.schema ? (d.schema.monthly ? label('month') : undefined) : columns.find((c) => c.type === 'month')?.label;
    const village = columns.find((c) => c.type === 'village')?.label;
    const point = columns.find((c) => c.type === 'point')?.label;
    const note = label('note');
    out.set(d.name, {
      name: d.name, title: d.title, key: keys,
      ...(month !== undefined && { month }), ...(village !== undefined && { village }),
      ...(point !== undefined && { point }), ...(note !== undefined && { note }),
    });
  }
  return out;
}

export interface ReleaseOutcome {
  /** null: the previous record cannot be read (an error in `issues`) */
  plan: Plan | null;
  previous: Previous;
  issues: Issue[];
}

/** A path as a message shows it: relative to the working directory when inside it. */
function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/**
 * Plan the release of `project` against the site in `previousDir` (null: none) on the day of
 * `now`, with its issues: a broken record is an error; a first release, and every changed figure
 * without a reason, are warnings.
 */
export function releaseOf(project: Project, previousDir: string | null, now: Date): ReleaseOutcome {
  const previous = readPrevious(previousDir);
  const issues: Issue[] = [];
  if (previous.kind === 'broken') {
    issues.push({
      path: shown(previous.file),
      code: 'constraint-error',
      message: `上一版网站的发布记录无法读取：${previous.problem}。数据更新与更正记录从不重写，也不会从头再来，构建已停止，` +
        '网站和发布记录都保持原样。请从备份恢复该文件（或整个网站文件夹），或用 --previous 指定一份完整的线上网站副本后重试',
    });
    return { plan: null, previous, issues };
  }
  const plan = planRelease(previous, publishedDatasets(project.tables), datasetKeys(project.tables), chinaDay(now));
  if (previous.kind === 'none' && previousDir !== null) {
    issues.push({ path: RECORD_FILE, code: 'warning', message: `没有上一版网站可以比较（${shown(previousDir)} 不存在或是空文件夹；在另一台电脑上构建时，请用 --previous 指定线上网站的副本）：本次是第 1 次发布，数据更新与更正记录从这里开始` });
  } else if (previous.kind === 'unrecorded') {
    issues.push({ path: RECORD_FILE, code: 'warning', message: `上一版网站 ${shown(previous.dir)} 是加入发布记录之前构建的，没有 ${RECORD_FILE}：本次是第 1 次发布，数据更新与更正记录从这里开始` });
  }
  const open = new Map(openDatasets(project.tables).map((d) => [d.name, d.dataset]));
  for (const c of plan?.corrections ?? []) {
    if (c.new === null || c.reason !== null || c.index === undefined) continue;
    const dataset = open.get(c.dataset);
    const row = dataset?.rows[c.index] as { line?: number } | undefined;
    issues.push({
      path: dataset?.file ?? `data/${c.dataset}.csv`,
      ...(row?.line !== undefined && { row: row.line }),
      code: 'warning',
      message: `「${c.column}」已发布的 ${c.old === '' ? '（空）' : c.old} 改为 ${c.new === '' ? '（空）' : c.new}（${rowText(c.row)}），但本行「备注」没有写明原因：` +
        '更正记录（/changes/）会列为「未说明原因」，请在「备注」里写明为什么改',
    });
  }
  return { plan, previous, issues };
}

/** The release of this build's project (SITE_PREVIOUS, SITE_NOW), planned once per process. */
export function currentRelease(project: Project): ReleaseOutcome {
  const state = processState() as { release?: { project: Project; outcome: ReleaseOutcome } };
  if (state.release?.project === project) return state.release.outcome;
  // dev previews the site as if it were the first release; a build always gets SITE_PREVIOUS
  const outcome = releaseOf(project, readConfig().previous, clockFromEnv() ?? new Date());
  state.release = { project, outcome };
  return outcome;
}
