// Which photos each page shows.
import type { Tables } from '../data/types.ts';
import { townships, townshipOf } from '../metrics/scope.ts';
import type { Photo, PhotoCatalog } from './catalog.ts';
import { groupPhotos, type PhotoGroups, type PhotoPair } from './groups.ts';

/** What the photo pages read of the project (src/project/project.ts's Project has it). */
export interface PhotoProject {
  tables: Tables;
  photos: PhotoCatalog;
}

/** A village's photos: its own rows and its construction points' rows. */
export function villagePhotos(project: PhotoProject, village: string): Photo[] {
  return project.photos.photos.filter((p) => p.row.village === village);
}

/** A township's photos (its page, §3.11): those of its villages. */
export function townshipPhotos(project: PhotoProject, township: string): Photo[] {
  return project.photos.photos.filter((p) => p.row.village !== null && townshipOf(project.tables, p.row.village) === township);
}

/** The latest pair of a construction point (shown on /construction/). */
export function latestPointPair(project: PhotoProject, point: string): PhotoPair | undefined {
  return groupPhotos(project.photos.photos.filter((p) => p.row.point === point)).pairs[0];
}

/** The village 公示 sheet prints at most one pair: the newest. */
export function printPair(project: PhotoProject, village: string): PhotoPair | undefined {
  return groupPhotos(villagePhotos(project, village)).pairs[0];
}

/** /photos/: every township with photos, in villages.csv order; pairs newest first. */
export function photosByTownship(project: PhotoProject): { township: string; groups: PhotoGroups }[] {
  const { tables } = project;
  const byTown = new Map<string, Photo[]>();
  for (const p of project.photos.photos) {
    const town = townshipOf(tables, p.row.village!) ?? '';
    const list = byTown.get(town);
    if (list) list.push(p);
    else byTown.set(town, [p]);
  }
  return townships(tables)
    .filter((t) => byTown.has(t))
    .map((township) => ({ township, groups: groupPhotos(byTown.get(township)!) }));
}
