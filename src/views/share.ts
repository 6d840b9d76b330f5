// Open Graph tags of every page (contract §6.2): og:title, og:description and og:image, the page's
// first chart picture or the site's share picture (/data/share.png). An og:image must be an
// absolute address: without `url` in content/site.md there is no og:image (nor og:url), only the
// title and description (npm run check warns that url is missing).
import type { SiteSettings } from '../texts/settings.ts';

/** The site's share picture, for pages without a chart. */
export const SHARE_PICTURE = 'data/share.png';

export function shareTags(options: {
  site: Pick<SiteSettings, 'url' | 'title'>;
  path: string;
  title: string;
  description: string;
  image?: string | undefined;
}): { property: string; content: string }[] {
  const { site, path, title, description, image } = options;
  const tags = [
    { property: 'og:type', content: path === '/' ? 'website' : 'article' },
    { property: 'og:site_name', content: site.title },
    { property: 'og:title', content: title },
    { property: 'og:description', content: description },
  ];
  if (site.url && path !== '/404.html') {
    const root = site.url.endsWith('/') ? site.url : `${site.url}/`;
    tags.push({ property: 'og:url', content: new URL(encodeURI(path.replace(/^\//, '')), root).href });
    tags.push({ property: 'og:image', content: new URL(encodeURI(image ?? SHARE_PICTURE), root).href });
  }
  return tags;
}
