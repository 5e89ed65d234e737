import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRussian, lang, setLang, t } from './i18n';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('i18n', () => {
  it('is Russian by default and switches to English', () => {
    expect(lang()).toBe('ru');
    expect(t('Calls')).toBe('Звонки');
    setLang('en');
    expect(t('Calls')).toBe('Calls');
    setLang('ru');
  });
  it('has a Russian text for every message the pages use', () => {
    const root = new URL('..', import.meta.url).pathname;
    const missing = new Set<string>();
    for (const f of sources(root)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('((?:[^'\\]|\\.)*)'\)/g)) {
        if (!hasRussian(m[1])) missing.add(`${m[1]} (${f.slice(root.length)})`);
      }
    }
    // labels passed as data (KPI titles, quick filters, parameter groups)
    for (const k of ['Call count', 'Average score', 'CSAT index', 'Complaints', 'Repeat contacts', 'Incompetence', 'Churn threat',
      'Average wait', 'Average talk', 'Average silence', 'complaints', 'score below 3', 'churn threat', 'long silence', 'no score',
      'Timing', 'Speech', 'Telephony', 'Hits', 'Other', 'Started', 'Operator', 'Department', 'Queue', 'Direction', 'Duration', 'Score', 'Categories']) {
      if (!hasRussian(k)) missing.add(k);
    }
    expect([...missing]).toEqual([]);
  });
});
