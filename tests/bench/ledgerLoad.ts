// Child process of the ledger benchmark: load one project's data/ and print what it cost.
//   tsx tests/bench/ledgerLoad.ts <root>
import { loadData } from '../../src/data/load.ts';

const root = process.argv[2]!;
const started = performance.now();
const cpu0 = process.cpuUsage();
const { tables, issues } = loadData(root);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpu0);
const rows = {
  villages: tables.villages.rows.length,
  cleanup: tables.cleanup?.rows.length ?? 0,
  'construction-points': tables.constructionPoints?.rows.length ?? 0,
  'construction-items': tables.constructionItems?.rows.length ?? 0,
  toilets: tables.toilets?.rows.length ?? 0,
  inspections: tables.inspections?.rows.length ?? 0,
  targets: tables.targets?.rows.length ?? 0,
};
console.log(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    rows,
    errors: issues.filter((i) => i.code !== 'warning').length,
    firstErrors: issues.filter((i) => i.code !== 'warning').slice(0, 3).map((i) => `${i.path}:${i.row ?? ''} ${i.message}`),
  }),
);
