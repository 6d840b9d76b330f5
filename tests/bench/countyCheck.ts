// Child process of the county benchmark: `npm run check`'s work (load every file, validate every
// report and chart) on one project, and what it cost.
//   tsx tests/bench/countyCheck.ts <root>
import { arrangeIssues, formatIssue } from '../../src/data/report.ts';
import { loadProject } from '../../src/project/project.ts';
import { checkIssues } from '../../src/build/validate.ts';

const root = process.argv[2]!;
const started = performance.now();
const cpu0 = process.cpuUsage();
const project = loadProject(root);
const { issues } = checkIssues(project);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpu0);
const { tables } = project;
const errors = arrangeIssues(issues).filter((i) => i.code !== 'warning');
console.log(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    rows: {
      villages: tables.villages.rows.length,
      cleanup: tables.cleanup?.rows.length ?? 0,
      'construction-points': tables.constructionPoints?.rows.length ?? 0,
      'construction-items': tables.constructionItems?.rows.length ?? 0,
      toilets: tables.toilets?.rows.length ?? 0,
      inspections: tables.inspections?.rows.length ?? 0,
      targets: tables.targets?.rows.length ?? 0,
    },
    errors: errors.length,
    firstErrors: errors.slice(0, 3).map(formatIssue),
  }),
);
