import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cookie, errorFrom, query } from './api';
import type { Field, Timeline } from './api';
import { fromYAML, toYAML } from './definition';
import { and, applyCompletion, complete, quote, tokens } from './filter';
import { callsRange, exclusiveTo, lastDay, previous, sliceParams } from './period';
import { href, parseHash } from './router';
import { hitOf, merge, silences, textParts, turns, wordAt } from './timeline';

const fields: Field[] = [
  { name: 'department', type: 'string', doc: "operator's department", family: false },
  { name: 'duration', type: 'duration', doc: 'length', family: false },
  { name: 'direction', type: 'string', doc: 'in/out', family: false },
  { name: 'category', type: 'category', doc: 'cats', family: false },
  { name: 'criterion.ID', type: 'outcome', doc: 'criterion', family: true },
  { name: 'param.NAME', type: 'number', doc: 'param', family: true },
];
const values = (f: string) => ({ department: ['Поддержка', 'Продажи'], category: ['complaint', 'churn_threat'], direction: ['inbound', 'outbound'] } as Record<string, string[]>)[f] ?? [];

describe('filter language helpers', () => {
  it('quotes what is not a plain word', () => {
    expect(quote('op-12')).toBe('op-12');
    expect(quote('Поддержка')).toBe('Поддержка');
    expect(quote('Иванов И.')).toBe("'Иванов И.'");
    expect(quote("O'Brien")).toBe("'O''Brien'");
    expect(quote('and')).toBe("'and'");
  });
  it('joins conditions, bracketing an or', () => {
    expect(and('a = 1', '', 'b = 2 or c = 3')).toBe('a = 1 and (b = 2 or c = 3)');
    expect(and(undefined, 'x = 1')).toBe('x = 1');
  });
  it('tokenizes with positions', () => {
    expect(tokens("dep = 'a b' and x>=2").map((t) => t.text)).toEqual(['dep', '=', "'a b'", 'and', 'x', '>=', '2']);
  });
  it('completes fields at the start', () => {
    const c = complete('du', 2, fields, values);
    expect(c.items.map((i) => i.label)).toEqual(['duration']);
    expect(c.from).toBe(0);
  });
  it('completes family fields with their dot', () => {
    expect(complete('crit', 4, fields, values).items[0].label).toBe('criterion.');
  });
  it('completes operators after a field', () => {
    const c = complete('duration ', 9, fields, values);
    expect(c.items.map((i) => i.label)).toContain('>=');
  });
  it('completes values after an operator', () => {
    const c = complete('department = По', 15, fields, values);
    expect(c.items.map((i) => i.label)).toEqual(['Поддержка']);
    expect(applyCompletion('department = По', c, c.items[0]).text).toBe('department = Поддержка ');
  });
  it('completes categories after has, and in lists', () => {
    expect(complete('has ch', 6, fields, values).items.map((i) => i.label)).toEqual(['churn_threat']);
    expect(complete('direction in (inbound, ', 23, fields, values).items.map((i) => i.label)).toEqual(['inbound', 'outbound']);
  });
  it('completes outcomes of a criterion', () => {
    expect(complete('criterion.greeting = f', 22, fields, values).items.map((i) => i.label)).toEqual(['failed']);
  });
  it('offers and/or after a condition', () => {
    expect(complete('duration > 5m ', 14, fields, values).items.map((i) => i.label)).toEqual(['and', 'or']);
  });
});

describe('api helpers', () => {
  it('repeats array parameters and drops empty ones', () => {
    expect(query({ slice: ['operator=op-1', 'month=2026-11'], filter: '', compare: false, limit: 50 }))
      .toBe('?slice=operator%3Dop-1&slice=month%3D2026-11&limit=50');
  });
  it('reads the CSRF cookie', () => {
    expect(cookie('callscope_csrf', 'a=1; callscope_csrf=k2V%3D; b=2')).toBe('k2V=');
  });
  it('keeps the filter error column and caret', () => {
    const e = errorFrom(400, { error: { code: 'bad_filter', message: 'column 12: unknown field', param: 'filter', column: 12, caret: 'x\n ^' } });
    expect(e.code).toBe('bad_filter');
    expect(e.column).toBe(12);
    expect(errorFrom(502, 'oops').code).toBe('internal');
  });
});

describe('router', () => {
  it('round-trips pages, ids and repeated params', () => {
    const h = href('calls', { slice: ['operator=op-1', 'day=2026-11-18'], filter: 'has complaint' });
    const r = parseHash(h);
    expect(r.page).toBe('calls');
    expect(r.params.getAll('slice')).toEqual(['operator=op-1', 'day=2026-11-18']);
    expect(r.params.get('filter')).toBe('has complaint');
    expect(parseHash(href('call', { t: 4.5 }, '2026-11-18/0001')).id).toBe('2026-11-18/0001');
    expect(parseHash('').page).toBe('dashboard');
  });
});

describe('periods', () => {
  it('gives the previous period of the same length, as the report compares', () => {
    expect(previous('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')).toEqual({ from: '2026-10-02', to: '2026-10-31' });
    expect(previous('2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });
  it('turns the report period into the call list range', () => {
    expect(callsRange('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    // a call list's excluded "to" shown as the last day it includes, and back
    expect(lastDay('2026-12-01')).toBe('2026-11-30');
    expect(lastDay('2026-03-01')).toBe('2026-02-28');
    expect(lastDay('2027-01-01')).toBe('2026-12-31');
    expect(exclusiveTo(lastDay('2026-11-19'))).toBe('2026-11-19');
  });
  it('makes slice parameters from a cell', () => {
    expect(sliceParams({ operator: 'op-1', operator_name: 'A', month: '2026-11' }, ['operator', 'month'])).toEqual(['operator=op-1', 'month=2026-11']);
  });
});

const tl: Timeline = {
  duration: 30,
  channels: [
    { role: 'operator', speech: [{ start: 0.5, end: 4 }, { start: 20, end: 25 }], words: [
      { w: 'здравствуйте', start: 0.6, end: 1.4 }, { w: 'слушаю', start: 1.5, end: 2.2 }, { w: 'вас', start: 2.3, end: 2.6 }] },
    { role: 'client', speech: [{ start: 3.5, end: 9 }], words: [{ w: 'жалоба', start: 4, end: 4.6 }] },
  ],
  holds: [], overtalk: [],
};

describe('call timeline', () => {
  it('merges intervals', () => {
    expect(merge([{ start: 3, end: 5 }, { start: 0, end: 1 }, { start: 4, end: 6 }])).toEqual([{ start: 0, end: 1 }, { start: 3, end: 6 }]);
  });
  it('finds silences over 3 s where neither side speaks', () => {
    expect(silences(tl)).toEqual([{ start: 9, end: 20 }, { start: 25, end: 30 }]);
    expect(silences(tl, 6)).toEqual([{ start: 9, end: 20 }]);
  });
  it('finds the word spoken at a moment', () => {
    const w = tl.channels[0].words;
    expect(wordAt(w, 1.6)).toBe(1);
    expect(wordAt(w, 1.45)).toBe(-1);
    expect(wordAt(w, 0)).toBe(-1);
    expect(wordAt(w, 2.5)).toBe(2);
  });
  it('groups segments into turns with their words', () => {
    const ts = turns([
      { channel: 'operator', start: 0.5, end: 2, text: 'Здравствуйте' },
      { channel: 'operator', start: 1.5, end: 2.7, text: 'слушаю вас' },
      { channel: 'client', start: 3.9, end: 4.7, text: 'Жалоба' },
    ], tl);
    expect(ts.length).toBe(2);
    expect(ts[0].words.map((w) => w.w)).toEqual(['здравствуйте', 'слушаю', 'вас']);
    expect(ts[1].words[0].index).toBe(0);
    expect(ts[0].segments.map((s) => s.index)).toEqual([0, 1]);
    expect(ts[1].segments[0]).toEqual({ start: 3.9, end: 4.7, text: 'Жалоба', index: 2 });
  });
  it('gives a long call each word once, in its segment, as a full search would', () => {
    // 400 segments of 8 words on two channels, some overlapping the next, words unsorted in the input
    const segs: { channel: string; start: number; end: number; text: string }[] = [];
    const words: Record<string, { w: string; start: number; end: number }[]> = { operator: [], client: [] };
    let at = 0;
    for (let i = 0; i < 400; i++) {
      const channel = i % 3 === 0 ? 'client' : 'operator';
      const start = at;
      for (let k = 0; k < 8; k++) words[channel].push({ w: `w${i}_${k}`, start: at + k * 0.4, end: at + k * 0.4 + 0.3 });
      at += 8 * 0.4 - (i % 5 === 0 ? 0.5 : -0.3); // every fifth overlaps the next
      segs.push({ channel, start, end: start + 8 * 0.4, text: '' });
    }
    const tl2 = { duration: at + 5, channels: ['operator', 'client'].map((role) => ({ role, speech: [], words: [...words[role]].reverse() })), overtalk: [], holds: [] } as unknown as Timeline;
    const ts = turns(segs, tl2);
    const got = ts.flatMap((t) => t.words.map((w) => w.w));
    expect(new Set(got).size).toBe(got.length);
    expect(got.length).toBe(400 * 8);
    // each word lies in a segment of its turn's channel
    for (const t of ts) for (const w of t.words) expect(w.channel).toBe(t.channel);
    expect(ts.flatMap((t) => t.segments).length).toBe(400);
  });
  it('marks the words a hit covers', () => {
    const hits = [{ category: 'complaint', phrase_id: 'p', channel: 'client', start: 3.9, end: 4.7, text: 'жалоба' }];
    expect(hitOf({ channel: 'client', start: 4, end: 4.6 }, hits)?.category).toBe('complaint');
    expect(hitOf({ channel: 'operator', start: 4, end: 4.6 }, hits)).toBeUndefined();
    expect(textParts('Хочу оставить жалобу', [{ ...hits[0], text: 'жалобу' }]).map((p) => !!p.hit)).toEqual([false, true]);
  });
});

describe('exports', () => {
  it('round-trips a report definition through the YAML the CLI reads', () => {
    const d = { name: 'weekly', by: ['operator', 'week'], measures: ['calls', 'pct:complaint'], filter: 'department = "Поддержка"', period: 'last-week', compare: true, sort: 'avg_score', bottom: 10 };
    const y = toYAML(d);
    expect(fromYAML(y)).toEqual(d);
    // the golden file is parsed by report.ParseDefinition in web/web_test.go
    expect(y).toBe(readFileSync(new URL('../../testdata/definition.yaml', import.meta.url), 'utf8'));
    expect(fromYAML('name: x\nby:\n  - operator\n  - month\nmeasures: [calls]\n').by).toEqual(['operator', 'month']);
  });
});

import { formatParam, grouped, PARAMETERS } from './params';

describe('call parameters', () => {
  it('groups by source, unknown where the call lacks a value, hits by category', () => {
    const g = grouped({ duration: 26, talk_operator: 13.2, hits_complaint: 3, hits_greeting: 1, custom_x: 2 });
    const timing = g.find((x) => x.title === 'Timing')!;
    expect(timing.rows.find((r) => r.name === 'duration')?.value).toBe(26);
    expect(timing.rows.find((r) => r.name === 'talk_client')?.value).toBeUndefined();
    expect(g.find((x) => x.title === 'Hits')!.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['hits_complaint', 'hits_greeting', 'hits_total']));
    expect(g[g.length - 1]).toEqual({ title: 'Other', rows: [{ name: 'custom_x', unit: '', description: '', value: 2 }] });
    expect(PARAMETERS.length).toBeGreaterThan(30);
  });
  it('formats by unit, unknown as unknown', () => {
    expect(formatParam(12.345, 's', 'en', '?')).toBe('12.3 s');
    expect(formatParam(12.345, 's', 'ru', '?')).toBe('12,3 с');
    expect(formatParam(undefined, 's', 'ru', 'неизвестно')).toBe('неизвестно');
    expect(formatParam(1, 'flag', 'en', '?')).toBe('yes');
    expect(formatParam(55.68, '%', 'en', '?')).toBe('55.7%');
    expect(formatParam(136.4, 'words/min', 'en', '?')).toBe('136.4 words/min');
  });
});
