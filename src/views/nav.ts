// Site navigation: a topic whose dataset file is absent is left out (contract §2).
import type { Project } from '../project/project.ts';
import { topicsOf } from './topics.ts';

export interface NavItem { path: string; label: string }

export function navItems(project: Project): NavItem[] {
  const items: NavItem[] = [{ path: '/', label: '首页' }];
  for (const topic of topicsOf(project.tables)) items.push({ path: `/${topic.slug}/`, label: topic.label });
  items.push({ path: '/villages/', label: '各村情况' });
  if (project.tables.photos) items.push({ path: '/photos/', label: '整治前后' });
  if (project.reports.length > 0) items.push({ path: '/reports/', label: '工作动态' });
  items.push({ path: '/data/', label: '开放数据' });
  items.push({ path: '/about/', label: '关于本站' });
  return items;
}
