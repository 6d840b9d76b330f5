// `npm run check`: validate data/ and content/, print every error and warning (contract §5),
// exit 1 on any error. `npm run build` runs the same validation inside Astro (src/build/validate.ts),
// including the checks the build relies on (buildChecks). `npm run check -- --base /town/` also
// says whether content/site.md's url agrees with that base. `npm run check -- --previous <folder>`
// compares with that copy of the live site and lists the corrections the next build would publish
// (src/releases/), warning for each without a reason.
import { clockFromEnv, loadProject, siteRoot } from '../project/project.ts';
import { basePath } from '../paths.ts';
import { checkIssues } from '../build/validate.ts';
import { formatReport, hasErrors, sortIssues } from '../data/report.ts';
import { preparePhotos } from '../photos/prepare.ts';
import { takePrevious } from './previous.mjs';
import { releaseOf } from '../releases/current.ts';
import { correctionLines } from '../releases/text.ts';

function baseArg(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--base') return args[i + 1];
    if (args[i]!.startsWith('--base=')) return args[i]!.slice('--base='.length);
  }
  return undefined;
}

const root = siteRoot();
const base = baseArg(process.argv.slice(2));
let previous: string | null;
try {
  previous = takePrevious(process.argv.slice(2)).previous;
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
let checked;
let listing: string[] = [];
try {
  const now = clockFromEnv();
  const project = loadProject(root, { ...(base !== undefined && { base: basePath(base) }), ...(now && { now }) });
  await preparePhotos(project);
  checked = checkIssues(project, base);
  if (previous !== null) {
    const release = releaseOf(project, previous, now ?? new Date());
    checked = { issues: sortIssues([...checked.issues, ...release.issues]), hasErrors: checked.hasErrors || hasErrors(release.issues) };
    if (release.plan) listing = correctionLines(release.plan, previous);
  }
} catch (error) {
  // A bug, not a data problem: say so plainly, with the stack for developers.
  console.error('检查程序出错（这不是数据问题，请联系技术人员）：');
  console.error(error);
  process.exit(2);
}
const report = formatReport(checked.issues);
if (checked.hasErrors) {
  console.error(report);
  process.exit(1);
}
console.log(report);
if (listing.length > 0) console.log(`\n${listing.join('\n')}`);
