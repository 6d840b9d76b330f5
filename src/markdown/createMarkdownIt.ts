// One markdown-it for every page of the site, composed from one plugin per file.
import markdownIt, { type MarkdownIt } from 'markdown-it';
import { chartFencePlugin } from './chartFence.ts';
import { cjkBreaksPlugin } from './cjkBreaks.ts';
import { figurePlugin } from './inlineFigures.ts';
import { headingPlugin } from './headings.ts';
import { linkPlugin } from './links.ts';
import { photoPlugin } from './photos.ts';

export function createMarkdownIt(): MarkdownIt {
  // html: false — raw HTML in a report is shown as text, never executed (contract §4).
  // linkify stays off: bare URLs next to Chinese text would swallow the characters after them.
  return new markdownIt({ html: false, linkify: false, typographer: false })
    .use(linkPlugin)
    .use(photoPlugin)
    .use(chartFencePlugin)
    .use(figurePlugin)
    .use(headingPlugin)
    .use(cjkBreaksPlugin);
}
