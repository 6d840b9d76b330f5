// The metrics a target (targets.csv) may name. Apart from datasets/targets.ts because reading a
// `metric` cell (cells/readCell.ts) needs the list, and targets.ts needs readCell.
/** Target metrics: key, Chinese name (accepted in the file) and unit. */
export const targetMetrics = [
  { key: 'toilet_coverage', name: '无害化卫生户厕覆盖率', unit: '%' },
  { key: 'public_toilets', name: '公厕', unit: '座' },
  { key: 'garbage_t', name: '清理垃圾', unit: '吨' },
  { key: 'construction_progress', name: '建设点完成进度', unit: '%' },
  { key: 'inspection_score', name: '考评得分', unit: '分' },
] as const;

export type TargetMetric = (typeof targetMetrics)[number]['key'];
