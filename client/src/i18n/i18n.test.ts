import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import i18next from 'i18next';
import { describe, expect, it } from 'vitest';

import en from './locales/en.json';
import sv from './locales/sv.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

const svKeys = flatten(sv as Tree);
const enKeys = flatten(en as Tree);
const srcDir = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('locales', () => {
  it('has every English key in Swedish', () => {
    expect([...enKeys.keys()].filter((k) => !svKeys.has(k))).toEqual([]);
  });
  it('has every Swedish key in English', () => {
    expect([...svKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });
  it('has no empty translations and the same placeholders in both', () => {
    for (const [key, text] of enKeys) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(svKeys.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });
  it('defines every literal key used in the source', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.]+)'/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(20);
    // A counted text is defined by its plural forms (i18next picks `_one` or `_other` by count).
    const isDefined = (k: string) => enKeys.has(k) || (enKeys.has(`${k}_one`) && enKeys.has(`${k}_other`));
    expect([...used].filter((k) => !isDefined(k))).toEqual([]);
  });

  it('says "1 aktör" and "2 aktörer": counts go through plural forms', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { sv: { translation: sv }, en: { translation: en } }, lng: 'sv' });
    expect(i18n.t('count.actors', { count: 1 })).toBe('1 aktör');
    expect(i18n.t('count.actors', { count: 2 })).toBe('2 aktörer');
    expect(i18n.t('count.links', { count: 1, lng: 'en' })).toBe('1 link');
  });
});
