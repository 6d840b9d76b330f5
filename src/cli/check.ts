// `npm run check`: validate data/ and content/, print every error and warning (contract §5),
// exit 1 on any error. `npm run build` runs the same validation inside Astro (src/build/validate.ts).
import { loadProject, siteRoot } from '../build/project.ts';
import { formatReport } from '../data/report.ts';
import { preparePhotos } from '../photos/prepare.ts';

const root = siteRoot();
let project;
try {
  project = loadProject(root);
  await preparePhotos(project);
} catch (error) {
  // A bug, not a data problem: say so plainly, with the stack for developers.
  console.error('检查程序出错（这不是数据问题，请联系技术人员）：');
  console.error(error);
  process.exit(2);
}
const report = formatReport(project.issues);
if (project.hasErrors) {
  console.error(report);
  process.exit(1);
}
console.log(report);
