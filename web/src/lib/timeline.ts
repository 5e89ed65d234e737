// Pure logic of the call card: silences, the word at a moment, turns of the
// transcript, and which words a dictionary hit covers.

import type { Hit, Interval, Segment, Timeline, Word } from './api';

// merge unions intervals.
export function merge(list: Interval[]): Interval[] {
  const s = [...list].filter((x) => x.end > x.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const x of s) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
    else out.push({ start: x.start, end: x.end });
  }
  return out;
}

// silences are the stretches where neither channel speaks, longer than min
// seconds (the card draws those over 3 s).
export function silences(tl: Timeline, min = 3): Interval[] {
  const speech = merge(tl.channels.flatMap((c) => c.speech));
  const out: Interval[] = [];
  let at = 0;
  for (const s of speech) {
    if (s.start - at > min) out.push({ start: at, end: s.start });
    at = Math.max(at, s.end);
  }
  if (tl.duration - at > min) out.push({ start: at, end: tl.duration });
  return out;
}

// wordAt finds the word being spoken at t (binary search over words sorted
// by start); -1 when none is.
export function wordAt(words: Word[], t: number): number {
  let lo = 0;
  let hi = words.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].start <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found >= 0 && t < words[found].end) return found;
  return -1;
}

export interface TurnWord extends Word { channel: string; index: number }
export interface TurnSegment { start: number; end: number; text: string; index: number }
export interface Turn { channel: string; start: number; end: number; text: string; words: TurnWord[]; segments: TurnSegment[] }

// turns groups the transcript into turns: consecutive segments of the same
// channel, with the words (and their index in the channel's word list) of
// each segment's time span.
export function turns(segments: Segment[], tl: Timeline | null): Turn[] {
  const byRole = new Map<string, { words: Word[]; used: Uint8Array; from: number }>();
  for (const c of tl?.channels ?? []) {
    const words = [...c.words].sort((a, b) => a.start - b.start);
    byRole.set(c.role, { words, used: new Uint8Array(words.length), from: 0 });
  }
  const out: Turn[] = [];
  const segs = [...segments].sort((a, b) => a.start - b.start);
  // Segments and words are both in time order, so each segment's words are
  // looked for from where the previous segment's began (a long call has
  // thousands of both).
  segs.forEach((s, si) => {
    const ch = byRole.get(s.channel);
    const ws: TurnWord[] = [];
    if (ch) {
      const { words, used } = ch;
      // words ending before this segment can belong to no later one either
      while (ch.from < words.length && (words[ch.from].start + words[ch.from].end) / 2 < s.start - 0.05) ch.from++;
      for (let i = ch.from; i < words.length && words[i].start <= s.end + 0.05; i++) {
        const w = words[i];
        const mid = (w.start + w.end) / 2;
        if (mid >= s.start - 0.05 && mid <= s.end + 0.05 && !used[i]) {
          used[i] = 1;
          ws.push({ ...w, channel: s.channel, index: i });
        }
      }
    }
    const last = out[out.length - 1];
    if (last && last.channel === s.channel) {
      last.end = Math.max(last.end, s.end);
      last.text += ' ' + s.text;
      last.words.push(...ws);
      last.segments.push({ start: s.start, end: s.end, text: s.text, index: si });
    } else {
      out.push({ channel: s.channel, start: s.start, end: s.end, text: s.text, words: ws, segments: [{ start: s.start, end: s.end, text: s.text, index: si }] });
    }
  });
  return out;
}

// hitOf gives the hit covering a word (same channel, overlapping in time),
// or undefined.
export function hitOf(w: { channel: string; start: number; end: number }, hits: Hit[]): Hit | undefined {
  return hits.find((h) => (h.channel === w.channel || h.channel === 'mixed' || w.channel === 'mixed') && w.start < h.end - 0.01 && w.end > h.start + 0.01);
}

// textParts cuts a segment's text where the hits' words occur, for
// transcripts without word times.
export function textParts(text: string, hits: Hit[]): { text: string; hit?: Hit }[] {
  const marks: { from: number; to: number; hit: Hit }[] = [];
  const low = text.toLowerCase();
  for (const h of hits) {
    const needle = h.text.toLowerCase().trim();
    if (!needle) continue;
    const at = low.indexOf(needle);
    if (at >= 0 && !marks.some((m) => at < m.to && at + needle.length > m.from)) marks.push({ from: at, to: at + needle.length, hit: h });
  }
  marks.sort((a, b) => a.from - b.from);
  const out: { text: string; hit?: Hit }[] = [];
  let i = 0;
  for (const m of marks) {
    if (m.from > i) out.push({ text: text.slice(i, m.from) });
    out.push({ text: text.slice(m.from, m.to), hit: m.hit });
    i = m.to;
  }
  if (i < text.length) out.push({ text: text.slice(i) });
  return out;
}
