// The RSS items of the release record (contract §6.3): a release with corrections is an item
// `数据更正`, linking to its part of /changes/.
import type { Project } from '../project/project.ts';
import { currentRelease } from './current.ts';

export interface FeedItem {
  title: string;
  pubDate: Date;
  description: string;
  link: string;
}

export function correctionItems(project: Project, root: string): FeedItem[] {
  return (currentRelease(project).plan?.record.releases ?? [])
    .filter((r) => r.corrections.length > 0)
    .map((r) => ({
      title: '数据更正',
      pubDate: new Date(`${r.date}T00:00:00+08:00`),
      description: `第 ${r.number} 次发布更正了 ${r.corrections.length} 处已公开的数据`,
      link: new URL(`changes/#release-${r.number}`, root).href,
    }));
}
