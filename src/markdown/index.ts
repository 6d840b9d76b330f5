// The Markdown pipeline's public API.
export { renderMarkdown, type RenderedMarkdown } from './render.ts';
export { createMarkdownIt } from './createMarkdownIt.ts';
export { presetNames, type MarkdownContext, type PresetChart, type PresetName, type PresetScope, type TocEntry } from './env.ts';
