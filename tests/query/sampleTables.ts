// Small hand-made datasets for query and Markdown tests, read through the real loader.
import { loadTables, type DataFile } from '../../src/data/load.ts';
import type { Tables } from '../../src/data/types.ts';

export const sampleCsv: Record<string, string> = {
  villages: [
    'id,name,township,households,population',
    'v1,石塘村,洋江镇,500,2000',
    'v2,长塘村,洋江镇,300,1200',
    'v3,石塘村,白沙镇,200,800',
    'v4,新村,白沙镇,400,1500',
  ].join('\n'),
  cleanup: [
    'month,village,garbage_t,piles',
    '2023-05,v1,120,10',
    '2023-05,长塘村,约80,5',
    '2023-06,v1,130.5,',
    '2023-06,v2,90.25,3',
    '2023-06,v4,"1,000",20',
  ].join('\n'),
  toilets: [
    'month,village,sanitary,converted,public_toilets',
    '2023-05,v1,400,10,2',
    '2023-05,v2,200,5,1',
    '2023-06,v1,450,50,3',
    '2023-06,v4,300,20,',
  ].join('\n'),
  inspections: ['month,village,score,note', '2023-06,v1,95,', '2023-06,v2,90,', '2023-06,v4,95,', '2023-06,v3,80,雨后复查'].join('\n'),
  'construction-points': [
    'id,name,village,year,level,investment_wan',
    'p1,石塘下组,v1,2023,县级,120',
    'p2,长塘上组,v2,2023,镇级,80',
  ].join('\n'),
  'construction-items': [
    'point,item,unit,planned,done',
    'p1,硬化进村主干道,公里,2,1',
    'p1,改户厕,户,10,10',
    'p2,新建公厕,座,1,0',
  ].join('\n'),
};

export function tablesFrom(csv: Record<string, string>): Tables {
  const files: DataFile[] = Object.entries(csv).map(([name, text]) => ({
    path: `data/${name}.csv`,
    bytes: new TextEncoder().encode(text + '\n'),
  }));
  const { tables, issues } = loadTables(files);
  const errors = issues.filter((i) => i.code !== 'warning');
  if (errors.length > 0) throw new Error(`sample data does not load: ${JSON.stringify(errors)}`);
  return tables;
}

export const sampleTables = (): Tables => tablesFrom(sampleCsv);
