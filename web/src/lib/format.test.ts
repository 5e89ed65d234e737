import { describe, expect, it } from 'vitest';
import { badgesOf, change, clock, clockTenths, formatValue, measureKind, scoreOf5 } from './format';

describe('measureKind', () => {
  it.each([
    ['calls', 'count'], ['cat:complaint', 'count'], ['csat_responses', 'count'],
    ['pct:complaint', 'percent'], ['csat_index', 'percent'], ['avg_score', 'score'],
    ['avg_talk', 'seconds'], ['avg_wait', 'seconds'], ['param:overtalk_total', 'seconds'],
    ['param:overtalk_count', 'number'], ['param:talk_share_operator', 'percent'],
    ['param:talk_listen_ratio', 'number'], ['param:first_response_time', 'seconds'], ['param:hold_total', 'seconds'],
    ['param:hits_complaint', 'number'], ['param:no_such_parameter', 'number'],
  ])('%s is %s', (name, kind) => expect(measureKind(name)).toBe(kind));
});

describe('formatting', () => {
  it('clock', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(65.4)).toBe('1:05');
    expect(clock(3725)).toBe('1:02:05');
    expect(clock(NaN)).toBe('—');
    expect(clockTenths(65.44)).toBe('1:05.4');
  });
  it('unknown is never zero', () => {
    expect(formatValue(null, 'seconds')).toBe('—');
    expect(formatValue(undefined, 'count')).toBe('—');
    expect(formatValue(0, 'count')).toBe('0');
  });
  it('kinds', () => {
    expect(formatValue(66.6666, 'percent', 'en')).toBe('66.7%');
    expect(formatValue(3.2857, 'score', 'en')).toBe('3.29');
    expect(formatValue(125, 'seconds')).toBe('2:05');
    expect(formatValue(1450, 'count', 'en')).toBe('1,450');
  });
  it('score on 5 points', () => {
    expect(scoreOf5(7, 10)).toBe(3.5);
    expect(scoreOf5(undefined, 5)).toBeNull();
    expect(scoreOf5(3, 0)).toBeNull();
  });
});

describe('change against the previous period', () => {
  it('points for percentages, and a rising complaint share is bad', () => {
    const c = change('pct:complaint', 12.5, 10, 'en');
    expect(c.delta).toBeCloseTo(2.5);
    expect(c.text).toBe('+2.5 pp');
    expect(c.better).toBe(false);
  });
  it('a rising score is good', () => {
    const c = change('avg_score', 4.1, 3.9, 'en');
    expect(c.text).toBe('+0.20');
    expect(c.better).toBe(true);
  });
  it('per cent for counts, neutral', () => {
    const c = change('calls', 120, 100, 'en');
    expect(c.text).toBe('+20.0%');
    expect(c.better).toBeNull();
  });
  it('unknown when a side is missing or the base is zero', () => {
    expect(change('avg_score', 4, null).delta).toBeNull();
    expect(change('calls', 5, 0).delta).toBeNull();
  });
  it('a longer wait is bad', () => {
    expect(change('avg_wait', 40, 30).better).toBe(false);
  });
});

describe('badgesOf', () => {
  const many: Record<string, number> = {};
  for (let i = 1; i <= 12; i++) many[`topic_${String(i).padStart(2, '0')}`] = 1;
  many.complaint = 3;
  many.farewell = 2;
  it.each([
    ['no categories', undefined, 6, [], []],
    ['fewer than max: all, most hits first, then by name', { greeting: 1, complaint: 2, apology: 1 }, 6,
      [['complaint', 2], ['apology', 1], ['greeting', 1]], []],
    ['exactly max: no "+N"', { a: 1, b: 1, c: 1 }, 3, [['a', 1], ['b', 1], ['c', 1]], []],
    ['one over max: max-1 shown, two hidden', { a: 1, b: 1, c: 1, d: 1 }, 3, [['a', 1], ['b', 1]], ['c', 'd']],
    ['14 categories in 6 badges: the most hit first, the rest named with their counts', many, 6,
      [['complaint', 3], ['farewell', 2], ['topic_01', 1], ['topic_02', 1], ['topic_03', 1]],
      ['topic_04', 'topic_05', 'topic_06', 'topic_07', 'topic_08', 'topic_09', 'topic_10', 'topic_11', 'topic_12']],
    ['hidden keep their counts', { a: 5, b: 4, c: 2 }, 2, [['a', 5]], ['b ×4', 'c ×2']],
  ] as [string, Record<string, number> | undefined, number, [string, number][], string[]][])('%s', (_, cats, max, shown, hidden) => {
    expect(badgesOf(cats, max)).toEqual({ shown, hidden });
  });
});
