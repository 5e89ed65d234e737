// Helpers for the filter language (docs/filters.md): quoting values,
// joining conditions, and autocomplete of fields, operators and values at
// the caret. The server parses and checks the expression; the UI only helps
// to write it and shows the server's error at its column.

import type { Field } from './api';

export const KEYWORDS = ['and', 'or', 'not', 'in', 'has', 'is', 'known', 'unknown', 'null'];

// quote gives a value as the filter language reads it: bare when it is a
// plain word, else in single quotes with '' for a quote.
export function quote(v: string): string {
  if (/^[\p{L}\p{N}_\-.:%+@/]+$/u.test(v) && !KEYWORDS.includes(v.toLowerCase())) return v;
  return "'" + v.replace(/'/g, "''") + "'";
}

// and joins conditions, parenthesising those with a top-level "or".
export function and(...parts: (string | undefined | null | false)[]): string {
  const ps = parts.filter((p): p is string => !!p && p.trim() !== '').map((p) => p.trim());
  if (ps.length <= 1) return ps[0] ?? '';
  return ps.map((p) => (/\bor\b|\|\|/i.test(p) ? `(${p})` : p)).join(' and ');
}

export function eq(field: string, value: string): string {
  return `${field} = ${quote(value)}`;
}

export interface Token { text: string; start: number; end: number; quoted: boolean }

// tokens splits an expression into words, quoted strings, operators and
// parentheses, with their positions.
export function tokens(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) { i++; continue; }
    const start = i;
    if (c === "'" || c === '"') {
      i++;
      while (i < s.length) {
        if (s[i] === '\\') { i += 2; continue; }
        if (s[i] === c) {
          if (s[i + 1] === c) { i += 2; continue; }
          i++;
          break;
        }
        i++;
      }
      out.push({ text: s.slice(start, i), start, end: i, quoted: true });
      continue;
    }
    if ('(),'.includes(c)) { out.push({ text: c, start, end: i + 1, quoted: false }); i++; continue; }
    if ('=!<>~&|'.includes(c)) {
      while (i < s.length && '=!<>~&|'.includes(s[i])) i++;
      out.push({ text: s.slice(start, i), start, end: i, quoted: false });
      continue;
    }
    while (i < s.length && !/\s/.test(s[i]) && !"(),=!<>~&|'\"".includes(s[i])) i++;
    out.push({ text: s.slice(start, i), start, end: i, quoted: false });
  }
  return out;
}

const OPERATORS = ['=', '!=', '<', '<=', '>', '>=', '~', '!~', 'in', 'not in', 'is known', 'is unknown'];
const isOp = (t: string) => ['=', '==', '!=', '<>', '<', '<=', '>', '>=', '~', '!~'].includes(t);

export interface Suggestion { label: string; insert: string; detail?: string }
export interface Completion { from: number; to: number; items: Suggestion[]; field?: string }

// complete says what may be typed at the caret: a field (or keyword) where a
// condition starts, an operator after a field, a value after an operator.
// values(field) gives the known values of a field (the API's /values).
export function complete(text: string, caret: number, fields: Field[], values: (field: string) => string[] = () => []): Completion {
  const toks = tokens(text.slice(0, caret));
  let cur: Token | undefined = toks[toks.length - 1];
  // the caret right after a space starts a new token
  if (cur && cur.end < caret) cur = undefined;
  if (cur && (cur.text === '(' || cur.text === ')' || cur.text === ',' || isOp(cur.text))) {
    // after an operator or bracket a new token starts at the caret
    if (!(isOp(cur.text) && /[=<>!~]$/.test(cur.text) && false)) cur = undefined;
  }
  const before = cur ? toks.slice(0, -1) : toks;
  const prefix = cur ? cur.text.replace(/^['"]/, '') : '';
  const from = cur ? cur.start : caret;
  const prev = before[before.length - 1]?.text.toLowerCase();
  const prev2 = before[before.length - 2]?.text;
  const match = (s: string) => s.toLowerCase().startsWith(prefix.toLowerCase());
  const fieldNames = (): Suggestion[] => {
    const items: Suggestion[] = [];
    for (const f of fields) {
      const name = f.family ? f.name.replace(/\.[A-Z]+$/, '.') : f.name;
      if (match(name)) items.push({ label: name, insert: name + (f.family ? '' : ' '), detail: f.doc });
    }
    for (const k of ['has', 'not']) if (match(k)) items.push({ label: k, insert: k + ' ' });
    return items;
  };
  const fieldByName = (n: string | undefined): Field | undefined => (!n ? undefined : fields.find((f) => f.name === n || (f.family && n.startsWith(f.name.replace(/\.[A-Z]+$/, '.')))));
  // value after "has"
  if (prev === 'has') {
    const items = values('category').filter(match).map((v) => ({ label: v, insert: quote(v) + ' ' }));
    return { from, to: caret, items, field: 'category' };
  }
  // value after FIELD OP, or inside "in (" lists
  let field: string | undefined;
  if (prev && isOp(prev) && prev2) field = prev2;
  if (prev === '(' || prev === ',') {
    // walk back to "FIELD in ("
    for (let i = before.length - 1; i >= 2; i--) {
      if (before[i].text === '(' && before[i - 1].text.toLowerCase() === 'in') {
        field = before[i - 2].text.toLowerCase() === 'not' ? before[i - 3]?.text : before[i - 2].text;
        break;
      }
      if (before[i].text === ')') break;
    }
  }
  if (field) {
    const f = fieldByName(field);
    const vs = f?.type === 'outcome' ? ['passed', 'failed', 'n/a'] : values(f?.type === 'category' ? 'category' : field);
    return { from, to: caret, items: vs.filter(match).map((v) => ({ label: v, insert: quote(v) + ' ' })), field };
  }
  // operator after a field
  const pf = fieldByName(before[before.length - 1]?.text);
  if (prev && pf && !KEYWORDS.includes(prev)) {
    return { from, to: caret, items: OPERATORS.filter(match).map((o) => ({ label: o, insert: o + ' ' })) };
  }
  // after a value: and / or
  if (prev && prev !== 'and' && prev !== 'or' && prev !== 'not' && prev !== '(' && before.length > 0) {
    const items = ['and', 'or'].filter(match).map((k) => ({ label: k, insert: k + ' ' }));
    return { from, to: caret, items };
  }
  return { from, to: caret, items: fieldNames() };
}

// applyCompletion puts a suggestion into the text, returning the new text and caret.
export function applyCompletion(text: string, c: Completion, s: Suggestion): { text: string; caret: number } {
  const next = text.slice(0, c.from) + s.insert + text.slice(c.to);
  return { text: next, caret: c.from + s.insert.length };
}
