// Formatting of report values and call times for people. A value the API
// gives as null (no data: an average of no calls, a parameter a mono
// recording cannot have) is shown as unknown, never as zero.

import { PARAMETERS } from './params';
import { num } from './num';

export type Kind = 'count' | 'percent' | 'score' | 'seconds' | 'number';

// measureKind tells how to show a measure, from its name (the API's
// measures carry a name and a title; the kinds follow docs/reports.md).
export function measureKind(name: string): Kind {
  if (name === 'calls' || name === 'scored' || name === 'csat_responses' || name.startsWith('cat:')) return 'count';
  if (name === 'csat_index' || name.startsWith('pct:')) return 'percent';
  if (name === 'avg_score') return 'score';
  if (name === 'avg_duration' || name === 'avg_talk' || name === 'avg_wait') return 'seconds';
  if (name.startsWith('param:')) return paramKind(name.slice(6));
  return 'number';
}

// paramKind follows the parameter's unit in analyze's catalogue
// (generated/parameters.json), so a renamed or new parameter cannot be
// shown in the wrong kind; a name the catalogue lacks is a plain number.
const unitOf = new Map(PARAMETERS.map((p) => [p.name, p.unit]));

export function paramKind(name: string): Kind {
  switch (unitOf.get(name)) {
    case 's': return 'seconds';
    case '%': return 'percent';
    default: return 'number';
  }
}

// clock formats seconds as m:ss, or h:mm:ss from an hour.
export function clock(sec: number): string {
  if (!Number.isFinite(sec)) return '—';
  const neg = sec < 0;
  let s = Math.round(Math.abs(sec));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const ss = String(s).padStart(2, '0');
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
  return neg ? '-' + body : body;
}

// clockTenths formats a position in a call: m:ss.t
export function clockTenths(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) return '0:00.0';
  const m = Math.floor(sec / 60);
  const s = sec - m * 60;
  return `${m}:${s.toFixed(1).padStart(4, '0')}`;
}

export const UNKNOWN = '—';


export function formatValue(v: number | null | undefined, kind: Kind, locale = 'ru'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return UNKNOWN;
  switch (kind) {
    case 'count':
      return num(Math.round(v), locale);
    case 'percent':
      return num(v, locale, 1, 1) + '%';
    case 'score':
      return num(v, locale, 2, 2);
    case 'seconds':
      return clock(v);
  }
  return num(v, locale, undefined, 2);
}

export interface Change {
  // delta is points for percentages and scores, a relative % for the rest;
  // null when either side is unknown or the base is zero.
  delta: number | null;
  text: string;
  // better says whether the change is good news for this measure (null: neutral).
  better: boolean | null;
}

// Measures where a rise is bad news.
function lowerIsBetter(name: string): boolean {
  if (name.startsWith('pct:') || name.startsWith('cat:')) {
    const cat = name.slice(4);
    return !['greeting', 'apology', 'farewell', 'thanks', 'politeness'].includes(cat);
  }
  return name === 'avg_wait' || name.includes('silence') || name.includes('overtalk') || name.includes('interruption');
}

// change compares a value with the previous period's, as the CLI's Δ column:
// points for percentages and scores, per cent for the rest.
export function change(name: string, cur: number | null | undefined, prev: number | null | undefined, locale = 'ru'): Change {
  const kind = measureKind(name);
  if (cur == null || prev == null || !Number.isFinite(cur) || !Number.isFinite(prev)) {
    return { delta: null, text: UNKNOWN, better: null };
  }
  let delta: number;
  let text: string;
  const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±');
  if (kind === 'percent') {
    delta = cur - prev;
    text = `${sign(delta)}${num(Math.abs(delta), locale, 1, 1)} п.п.`;
    if (locale.startsWith('en')) text = text.replace(' п.п.', ' pp');
  } else if (kind === 'score') {
    delta = cur - prev;
    text = `${sign(delta)}${num(Math.abs(delta), locale, 2, 2)}`;
  } else {
    if (prev === 0) return { delta: null, text: UNKNOWN, better: null };
    delta = ((cur - prev) / Math.abs(prev)) * 100;
    text = `${sign(delta)}${num(Math.abs(delta), locale, 1, 1)}%`;
  }
  let better: boolean | null = null;
  if (delta !== 0 && name !== 'calls' && kind !== 'count' || name.startsWith('cat:')) {
    better = lowerIsBetter(name) ? delta < 0 : delta > 0;
    if (kind === 'seconds' && !lowerIsBetter(name)) better = null; // longer talk is neither
  }
  if (delta === 0) better = null;
  return { delta, text, better };
}

// dateTime formats an RFC 3339 time for a list: 2026-11-18 10:15.
export function dateTime(iso: string | undefined): string {
  if (!iso) return UNKNOWN;
  const d = new Date(iso);
  if (isNaN(d.getTime())) return UNKNOWN;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

// scoreOf5 puts a call's score on the 5-point scale the reports use.
export function scoreOf5(score: number | undefined | null, max: number | undefined | null): number | null {
  if (score == null || max == null || !(max > 0)) return null;
  return (score * 5) / max;
}

// badgesOf orders a call's categories for a row of badges, the most hits
// first (then by name), and keeps at most max of them: with 40 categories
// a call can have 15, which made a calls-list row seven lines high and
// squeezed its other columns. hidden are the rest, as "name ×n" for a
// title; the row shows them as one "+N" badge.
export function badgesOf(categories: Record<string, number> | undefined, max: number): { shown: [string, number][]; hidden: string[] } {
  const all = Object.entries(categories ?? {}).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (all.length <= max) return { shown: all, hidden: [] };
  const keep = Math.max(0, max - 1);
  return { shown: all.slice(0, keep), hidden: all.slice(keep).map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)) };
}
