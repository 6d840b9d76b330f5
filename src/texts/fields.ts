// Reading front matter fields: each value checked at the edge, with the key's line in messages.
import type { Issue } from '../data/types.ts';
import { nearest, suggestion } from '../data/cells/names.ts';
import type { FrontMatter } from './frontMatter.ts';

export interface FieldSpec {
  key: string;
  /** Chinese name of the setting, for messages */
  label: string;
  required?: boolean;
}

export interface FieldReader {
  /** text value (numbers are taken as written); null when absent or wrong */
  text(field: FieldSpec): string | null;
  /** true/false; null when absent or wrong */
  boolean(field: FieldSpec): boolean | null;
  /** file line of a key (the opening `---` when the key is absent) */
  line(key: string): number;
  error(key: string, message: string): void;
  warning(key: string, message: string): void;
}

export function fieldReader(fm: FrontMatter, file: string, issues: Issue[], known: readonly FieldSpec[]): FieldReader {
  const line = (key: string) => fm.lines.get(key) ?? 1;
  const push = (code: 'frontmatter-error' | 'warning', key: string, message: string) =>
    issues.push({ path: file, row: line(key), code, message });
  const present = (field: FieldSpec): unknown => {
    const value = fm.data[field.key];
    if (value === undefined || value === null || value === '') {
      // A front matter that is not valid YAML was reported once; its settings are not "missing".
      if (field.required && !fm.broken) push('frontmatter-error', field.key, `缺少必填的设置 ${field.key}（${field.label}）`);
      return undefined;
    }
    return value;
  };

  // A misspelt key (`titel`) would silently drop a setting: say so.
  for (const key of Object.keys(fm.data)) {
    if (known.some((f) => f.key === key)) continue;
    const near = nearest(key, known.map((f) => [f.key, f.key] as const));
    push('warning', key, `未知的设置 "${key}"，将被忽略${near === undefined ? `（可用：${known.map((f) => f.key).join('、')}）` : suggestion(near)}`);
  }

  return {
    line,
    error: (key, message) => push('frontmatter-error', key, message),
    warning: (key, message) => push('warning', key, message),
    text(field) {
      const value = present(field);
      if (value === undefined) return null;
      if (typeof value === 'string') return value.trim();
      if (typeof value === 'number') return String(value);
      push('frontmatter-error', field.key, `${field.key}（${field.label}）应为一段文字`);
      return null;
    },
    boolean(field) {
      const value = present(field);
      if (value === undefined) return null;
      if (typeof value === 'boolean') return value;
      push('frontmatter-error', field.key, `${field.key}（${field.label}）应为 true 或 false，实际为 "${String(value)}"`);
      return null;
    },
  };
}
