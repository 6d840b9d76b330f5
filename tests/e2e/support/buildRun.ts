// globalSetup of the build project (tests/vitest.config.ts): a run id for buildSiteOnce
// (./buildOnce.ts), new on every run and every watch-mode rerun, and the run's shared builds
// removed at the end.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from './build.ts';

export default function setup(project: TestProject): () => void {
  const ids: string[] = [];
  const next = () => {
    const id = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    ids.push(id);
    project.provide('buildRunId', id);
  };
  next();
  project.onTestsRerun(() => {
    for (const id of ids.splice(0)) rmSync(sharedBuildsDir(id), { recursive: true, force: true });
    next();
  });
  return () => {
    for (const id of ids) rmSync(sharedBuildsDir(id), { recursive: true, force: true });
  };
}

/** Where the shared builds of one run live. */
export function sharedBuildsDir(runId: string): string {
  if (!/^[\w-]+$/.test(runId ?? '')) throw new Error(`buildSiteOnce: no run id from the build project's globalSetup (tests/vitest.config.ts), got ${String(runId)}`);
  return path.join(REPO_ROOT, 'tests/.tmp', `shared-${runId}`);
}
