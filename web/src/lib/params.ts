// The call parameters as analyze defines them (generated/parameters.json is
// analyze.Parameters(), written by web/internal/genparams in make web): grouping by source
// and formatting by unit. A parameter the call lacks is unknown, not zero.

import catalogue from '../generated/parameters.json';
import { num as fmt } from './num';

export interface Parameter { name: string; unit: string; source: string; description: string }
export const PARAMETERS: Parameter[] = catalogue as Parameter[];

export const GROUPS: { source: string; title: string }[] = [
  { source: 'speech timing', title: 'Timing' },
  { source: 'transcript', title: 'Speech' },
  { source: 'metadata', title: 'Telephony' },
  { source: 'dictionaries', title: 'Hits' },
];

export interface ParamRow { name: string; unit: string; description: string; value: number | undefined }

// grouped lays out a call's parameters by group: every catalogue parameter
// (unknown when the call lacks it), the hits_<category> the call has, and
// then the names the catalogue does not know.
export function grouped(values: Record<string, number>): { title: string; rows: ParamRow[] }[] {
  const known = new Set<string>();
  const out = GROUPS.map((g) => ({ title: g.title, rows: [] as ParamRow[] }));
  for (const p of PARAMETERS) {
    const gi = GROUPS.findIndex((g) => g.source === p.source);
    if (p.name.includes('<')) {
      // a family: hits_<category>
      const prefix = p.name.slice(0, p.name.indexOf('<'));
      for (const name of Object.keys(values).filter((n) => n.startsWith(prefix) && !known.has(n)).sort()) {
        if (PARAMETERS.some((q) => q.name === name)) continue;
        known.add(name);
        out[gi].rows.push({ name, unit: p.unit, description: p.description, value: values[name] });
      }
      continue;
    }
    known.add(p.name);
    out[gi >= 0 ? gi : 0].rows.push({ name: p.name, unit: p.unit, description: p.description, value: values[p.name] });
  }
  const rest = Object.keys(values).filter((n) => !known.has(n)).sort();
  if (rest.length) out.push({ title: 'Other', rows: rest.map((name) => ({ name, unit: '', description: '', value: values[name] })) });
  return out;
}

const unitsRu: Record<string, string> = { s: 'с', '%': '%', 'words/min': 'сл/мин', 'per 100 words': 'на 100 слов', points: 'балл.' };

// formatParam shows a value with its unit; undefined is unknown.
export function formatParam(v: number | undefined, unit: string, lang: 'ru' | 'en', unknown: string): string {
  if (v === undefined || v === null || !Number.isFinite(v)) return unknown;
  const loc = lang === 'ru' ? 'ru-RU' : 'en-US';
  const num = (d: number) => fmt(v, loc, undefined, d);
  const u = lang === 'ru' ? unitsRu[unit] ?? unit : unit;
  switch (unit) {
    case 's': return `${num(1)} ${u}`;
    case '%': return `${num(1)}%`;
    case 'count': return num(0);
    case 'flag': return v ? (lang === 'ru' ? 'да' : 'yes') : (lang === 'ru' ? 'нет' : 'no');
    case 'ratio': return num(2);
    case '': return num(2);
  }
  return `${num(1)} ${u}`;
}
