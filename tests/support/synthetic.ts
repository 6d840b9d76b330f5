// A complete, valid project (data/*.csv for every known dataset, content/site.md, reports) of any
// size, for tests and the benchmark. Values come from a seeded PRNG, so the same options always
// write byte-identical files. Every rule of contract §3 holds: ids valid and unique, names unique
// within a township, keys unique, numbers non-negative, sanitary ≤ households (and never falling),
// done ≤ planned, percent items within 0–100, scores within 0–100, months in 2000–2100.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SyntheticOptions {
  villages: number;
  /** months of monthly data, from 2022-01 on (default 24) */
  months?: number;
  /** number of reports in content/reports/ (default 2) */
  reports?: number;
  /** number of townships the villages are spread over (default: one per ten villages, at least 2 when there are 2+ villages) */
  townships?: number;
  /** PRNG seed (default 1) */
  seed?: number;
}

/** What was written, so tests can compare row counts without re-reading the files. */
export interface SyntheticSummary {
  villages: number;
  townships: string[];
  months: string[];
  points: number;
  items: number;
  reports: string[];
  /** data rows per dataset file name (without `.csv`), header excluded */
  rows: Record<string, number>;
}

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [...'东西南北上下前后新老大小石竹桃李杨柳梅松枫樟荷莲河江湖塘溪坑岭山坪田洲坝桥湾冲源口'];
const TOWN_FIRST = [...'青云白沙龙泉金坑黄岭高田长丰和平安福'];
const TOWN_SECOND = [...'江山溪塘桥坪源洲岗埠'];

const ITEMS: { item: string; unit: string; integer: boolean }[] = [
  { item: '硬化进村主干道', unit: '公里', integer: false },
  { item: '入户便道', unit: '公里', integer: false },
  { item: '改水', unit: '%', integer: false },
  { item: '改户厕', unit: '户', integer: true },
  { item: '新建公厕', unit: '座', integer: true },
  { item: '拆除危旧房空心房', unit: '间', integer: true },
  { item: '拆除危旧房空心房', unit: '平方米', integer: false },
  { item: '新修排水沟渠', unit: '公里', integer: false },
  { item: '改塘', unit: '处', integer: true },
];

const LEVELS = ['省级', '市级', '县级', '镇级'];

function monthList(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const y = 2022 + Math.floor(i / 12);
    out.push(`${y}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** A decimal with at most `digits` decimals, written without float noise. */
function dec(x: number, digits: number): string {
  return String(Number(x.toFixed(digits)));
}

/** CSV text: UTF-8 with BOM, CRLF, as Excel's "CSV UTF-8" writes it. Values never hold commas. */
function csv(header: string[], rows: (string | number)[][]): string {
  const lines = [header.join(',')];
  for (const r of rows) lines.push(r.join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

interface SynVillage {
  id: string;
  name: string;
  township: string;
  households: number;
}

export function writeSyntheticProject(dir: string, opts: SyntheticOptions): SyntheticSummary {
  const n = Math.max(1, Math.floor(opts.villages));
  const monthCount = Math.max(1, Math.floor(opts.months ?? 24));
  const reportCount = Math.max(0, Math.floor(opts.reports ?? 2));
  const townshipCount = Math.max(
    1,
    Math.min(n, Math.floor(opts.townships ?? Math.max(n >= 2 ? 2 : 1, Math.ceil(n / 10)))),
  );
  const rand = prng(opts.seed ?? 1);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const months = monthList(monthCount);
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };

  mkdirSync(join(dir, 'data'), { recursive: true });
  mkdirSync(join(dir, 'content', 'reports'), { recursive: true });
  const rows: Record<string, number> = {};
  const put = (name: string, header: string[], body: (string | number)[][]) => {
    writeFileSync(join(dir, 'data', `${name}.csv`), csv(header, body));
    rows[name] = body.length;
  };

  // Townships: unique two-character names + 镇 (a numbered fallback keeps them unique at any count).
  const townships: string[] = [];
  const usedTowns = new Set<string>();
  for (let t = 0; t < townshipCount; t++) {
    let name = '';
    for (let tries = 0; tries < 20 && (!name || usedTowns.has(name)); tries++) {
      name = `${pick(TOWN_FIRST)}${pick(TOWN_SECOND)}镇`;
    }
    if (usedTowns.has(name)) name = `第${t + 1}镇`;
    usedTowns.add(name);
    townships.push(name);
  }

  // Villages: round-robin over townships; names unique within a township (they may repeat across
  // townships, so the data refers to villages by id, as the contract requires for shared names).
  const villages: SynVillage[] = [];
  const namesByTown = new Map<string, Set<string>>(townships.map((t) => [t, new Set()]));
  const villageRows: (string | number)[][] = [];
  for (let i = 0; i < n; i++) {
    const township = townships[i % townshipCount]!;
    const used = namesByTown.get(township)!;
    let name = '';
    for (let tries = 0; tries < 20 && (!name || used.has(name)); tries++) {
      name = `${pick(SYLLABLES)}${pick(SYLLABLES)}村`;
    }
    if (used.has(name)) name = `${i + 1}号村`;
    used.add(name);
    // the first village of each township is a 社区 (when there are enough villages)
    const community = i < townshipCount && n > 3;
    if (community) name = name.replace(/村$/, '社区');
    const households = int(80, 900);
    const population = Math.round(households * (3 + rand() * 1.2));
    const id = `v${String(i + 1).padStart(4, '0')}`;
    villages.push({ id, name, township, households });
    villageRows.push([id, name, township, community ? '社区' : '行政村', households, population, int(1, 15), '']);
  }
  put('villages', ['编号', '村名', '乡镇', '类型', '户数', '人口', '自然村数', '备注'], villageRows);

  // Cleanup: one row per village per month; about 3% of optional cells not reported.
  const blank = (s: string) => (rand() < 0.03 ? '' : s);
  const cleanup: (string | number)[][] = [];
  for (const m of months) {
    for (const v of villages) {
      const scale = v.households / 400;
      cleanup.push([
        m,
        v.id,
        blank(dec(rand() * 40 * scale, 1)),
        blank(dec(rand() * 3 * scale, 1)),
        blank(String(int(0, 12))),
        blank(String(int(0, 200))),
        blank(String(int(0, 30))),
        blank(dec(rand() * 2 * scale, 2)),
        '',
      ]);
    }
  }
  put(
    'cleanup',
    ['月份', '村', '清理垃圾(吨)', '清理沟渠(公里)', '清理乱堆乱放(处)', '拆除私搭乱建(平方米)', '清理小广告(处)', '投入资金(万元)', '备注'],
    cleanup,
  );

  // Construction points: about one per three villages, items 2–5 distinct (item, unit) pairs each.
  const year = Number(months[months.length - 1]!.slice(0, 4));
  const pointCount = Math.max(1, Math.round(n / 3));
  const points: (string | number)[][] = [];
  const items: (string | number)[][] = [];
  for (let p = 0; p < pointCount; p++) {
    const v = villages[int(0, n - 1)]!;
    const id = `p${String(p + 1).padStart(4, '0')}`;
    const households = int(20, Math.max(20, Math.min(150, v.households)));
    points.push([
      id,
      `${pick(SYLLABLES)}${pick(SYLLABLES)}组`,
      v.id,
      year,
      pick(LEVELS),
      dec(10 + rand() * 50, 1),
      households,
      Math.round(households * (3 + rand())),
      '',
    ]);
    const chosen = shuffle(ITEMS).slice(0, int(2, 5));
    for (const it of chosen) {
      let planned: number;
      let done: number;
      if (it.unit === '%') {
        planned = 100;
        done = int(30, 100);
      } else if (it.integer) {
        planned = int(1, it.unit === '户' ? 60 : 10);
        done = int(0, planned);
      } else {
        planned = Number(dec(0.2 + rand() * (it.unit === '平方米' ? 300 : 2), 1));
        done = Number(dec(planned * rand(), 1));
      }
      items.push([id, it.item, it.unit, planned, done, '']);
    }
  }
  put('construction-points', ['编号', '建设点', '村', '年度', '级别', '投资(万元)', '受益户数', '受益人数', '备注'], points);
  put('construction-items', ['建设点编号', '建设内容', '单位', '计划量', '完成量', '备注'], items);

  // Toilets: sanitary is a stock that only grows and never passes the village's households.
  const toiletState = villages.map((v) => ({
    sanitary: Math.floor(v.households * (0.4 + rand() * 0.4)),
    publicToilets: int(0, 6),
  }));
  const toilets: (string | number)[][] = [];
  for (const m of months) {
    villages.forEach((v, i) => {
      const s = toiletState[i]!;
      const converted = Math.min(v.households - s.sanitary, int(0, Math.max(1, Math.round(v.households / 60))));
      s.sanitary += converted;
      if (rand() < 0.05) s.publicToilets += 1;
      toilets.push([m, v.id, s.sanitary, converted, s.publicToilets, '']);
    });
  }
  put('toilets', ['月份', '村', '无害化卫生户厕(户)', '当月改厕(户)', '公厕(座)', '备注'], toilets);

  // Inspections: a score per village per month, in half points (so ties happen).
  const inspections: (string | number)[][] = [];
  for (const m of months) {
    for (const v of villages) inspections.push([m, v.id, dec(int(120, 200) / 2, 1), '']);
  }
  put('inspections', ['月份', '村', '得分', '备注'], inspections);

  // Targets: a coverage target per township, plus site-wide ones.
  const due = `${year}-12`;
  const targets: (string | number)[][] = townships.map((t) => ['无害化卫生户厕覆盖率', 90, due, t, '']);
  targets.push(['公厕', Math.max(1, Math.round(n * 4)), due, '', '']);
  targets.push(['建设点完成进度', 100, due, '', '']);
  targets.push(['考评得分', 85, due, '', '']);
  targets.push(['清理垃圾', Math.max(1, n * 200), due, townships[0]!, '']);
  put('targets', ['指标', '目标值', '期限', '范围', '备注'], targets);

  writeFileSync(
    join(dir, 'content', 'site.md'),
    [
      '---',
      'title: 合成测试站点',
      'description: 由 tests/support/synthetic.ts 生成的测试数据',
      'organization: 测试单位（示例）',
      'contact: test@example.gov.cn',
      'icp: 测ICP备00000000号-1（示例）',
      'url: https://www.example.gov.cn/synthetic/',
      'sample: true',
      '---',
      '',
      '## 关于本站',
      '',
      `本站数据由程序按固定随机种子生成，共 ${townshipCount} 个乡镇、${n} 个村、${monthCount} 个月。`,
      '',
    ].join('\n'),
  );

  const reports: string[] = [];
  for (let r = 0; r < reportCount; r++) {
    const town = townships[r % townshipCount]!;
    const month = months[Math.min(months.length - 1, Math.floor(((r + 1) * months.length) / (reportCount + 1)))]!;
    const slug = `report-${String(r + 1).padStart(2, '0')}`;
    reports.push(slug);
    writeFileSync(
      join(dir, 'content', 'reports', `${slug}.md`),
      [
        '---',
        `title: ${town}第${r + 1}期人居环境整治通报`,
        `date: ${month}-15`,
        `summary: ${town}村庄清洁行动和厕所革命进展`,
        `township: ${town}`,
        '---',
        '',
        '## 工作进展',
        '',
        `全镇共 {{ count villages.id where township=${town} }} 个村，累计清理垃圾 {{ sum cleanup.garbage_t where township=${town} }} 吨，`,
        `无害化卫生户厕 {{ latest toilets.sanitary where township=${town} }} 户。`,
        '',
        '```chart',
        'data: cleanup',
        'type: line',
        'x: month',
        'y: garbage_t',
        `where: township=${town}`,
        `title: ${town}各月清理垃圾量`,
        'caption: 合成数据',
        '```',
        '',
        '## 厕所革命',
        '',
        `月度考评平均得分 {{ mean inspections.score where township=${town} }} 分。`,
        '',
        '```chart',
        'preset: toilet-coverage',
        `township: ${town}`,
        '```',
        '',
      ].join('\n'),
    );
  }

  return { villages: n, townships, months, points: pointCount, items: items.length, reports, rows };
}
