// Settings declared once (content/site.md front matter): each entry gives the front-matter key, its
// Chinese name, the default and how a value is read and checked; the settings' type, the parse and
// the fallback all come from the entries, as Starlight's zod schemas give its config's type and
// defaults. A wrong value is a frontmatter-error at the key's line and the setting keeps its
// default, so one run reports every mistake.
import type { FieldReader, FieldSpec } from './fields.ts';

export interface Setting<T> extends FieldSpec {
  /** the value when the key is absent or its value is wrong (the reader reports a wrong one) */
  default: T;
  /** the value while the settings file is missing (an error is reported), when it differs from `default` */
  fallback?: T;
  /** the checked value; null when absent or wrong (already reported) */
  read(reader: FieldReader): T | null;
}

export type SettingSchema = Record<string, Setting<unknown>>;

/** The settings a schema declares: `{ title: string; url: string | null; … }`. */
export type SettingValues<S extends SettingSchema> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

interface TextOptions<T, D> {
  required?: boolean;
  default: D;
  fallback?: T | D;
  /** the value of the trimmed text (numbers as written), or undefined when it is not what is expected */
  parse?: (text: string) => T | undefined;
  /** what a wrong value should have been, for `key（label）<expected>，实际为 "value"` */
  expected?: string;
}

/** A setting written as text (a YAML number is taken as written). */
export function text<T = string, D = null>(key: string, label: string, options: TextOptions<T, D>): Setting<T | D> {
  const { parse = (value: string) => value as T, expected = '' } = options;
  const field: Setting<T | D> = {
    key,
    label,
    ...(options.required && { required: true }),
    default: options.default,
    ...(options.fallback !== undefined && { fallback: options.fallback }),
    read(reader) {
      const value = reader.text(field);
      if (value === null) return null;
      const parsed = parse(value);
      if (parsed !== undefined) return parsed;
      reader.error(key, `${key}（${label}）${expected}，实际为 "${value}"`);
      return null;
    },
  };
  return field;
}

/** Optional text, null when not set. */
export const optionalText = (key: string, label: string): Setting<string | null> => text(key, label, { default: null });

/** An http(s) address, null when not set. */
export const link = (key: string, label: string): Setting<string | null> =>
  text(key, label, { default: null, parse: (value) => (isHttpUrl(value) ? value : undefined), expected: '应为以 http:// 或 https:// 开头的网址' });

/** true or false. */
export function flag(key: string, label: string, byDefault: boolean): Setting<boolean> {
  const field: Setting<boolean> = { key, label, default: byDefault, read: (reader) => reader.boolean(field) };
  return field;
}

/** A whole number from 0 up (at most three digits); 0 hides what it counts. */
export const count = (key: string, label: string, byDefault: number): Setting<number> =>
  text(key, label, {
    default: byDefault,
    parse: (value) => (/^\d{1,3}$/.test(value) ? Number(value) : undefined),
    expected: '应为 0 或正整数（0 表示不显示）',
  });

function mapSettings<S extends SettingSchema>(schema: S, value: (setting: Setting<unknown>) => unknown): SettingValues<S> {
  return Object.fromEntries(Object.entries(schema).map(([name, setting]) => [name, value(setting)])) as SettingValues<S>;
}

/** Every setting read in declaration order; a missing or wrong one takes its default. */
export function readSettings<S extends SettingSchema>(schema: S, reader: FieldReader): SettingValues<S> {
  return mapSettings(schema, (setting) => setting.read(reader) ?? setting.default);
}

/** The settings while their file is missing: each setting's fallback, else its default. */
export function fallbackSettings<S extends SettingSchema>(schema: S): SettingValues<S> {
  return mapSettings(schema, (setting) => (setting.fallback !== undefined ? setting.fallback : setting.default));
}

function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}
