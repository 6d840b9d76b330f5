// The one stylesheet: site.css plus the charts' CSS (emitted once, not per chart), under a
// content-hashed name so static servers can cache it for long.
import { createHash } from 'node:crypto';
import siteCss from '../styles/site.css?raw';
import { chartCss } from '../charts/css.ts';
import { photoCss } from '../photos/css.ts';

export const css = `${siteCss}\n${chartCss}\n${photoCss}`;
export const cssFile = `site-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`;
