// The JSON API of callscope serve (docs/api.md): typed requests, the CSRF
// header on state-changing requests, and errors as ApiError with the
// server's code, message, and for a bad filter the column and caret.

export interface User {
  name: string;
  role: 'admin' | 'manager' | 'supervisor' | 'analyst';
  departments?: string[];
  listen: boolean;
  csrf_token?: string;
  auth?: string;
}

export interface Measure { name: string; title: string }
export type Values = Record<string, number | null>;
export interface ReportRow { keys: Record<string, string>; values: Values; previous?: Values }
export interface Report {
  dimensions: string[];
  measures: Measure[];
  from?: string;
  to?: string;
  filter?: string;
  compared?: string;
  rows: ReportRow[];
  total: Values;
}

export interface CallRow {
  call_id: string;
  started_at?: string;
  operator_id: string;
  operator_name: string;
  department: string;
  queue: string;
  direction: string;
  duration_seconds: number;
  categories?: Record<string, number>;
  score?: number;
  score_max?: number;
}
export interface CallPage { total?: number; calls: CallRow[]; next_cursor?: string }

export interface Interval { start: number; end: number }
export interface Word { w: string; start: number; end: number; conf?: number }
export interface TimelineChannel { role: string; speech: Interval[]; words: Word[] }
export interface Timeline {
  duration: number;
  channels: TimelineChannel[];
  holds: Interval[];
  overtalk: Interval[];
}
export interface Hit { category: string; phrase_id: string; channel: string; start: number; end: number; text: string }
// A hit a trained category model made, not a phrase, has this phrase_id
// prefix (analyze/match.ModelPhrasePrefix; internal/drift checks the copy).
export const MODEL_PHRASE_PREFIX = 'model:';
export const isModelHit = (h: Hit): boolean => h.phrase_id.startsWith(MODEL_PHRASE_PREFIX);
export interface Criterion { id: string; text: string; weight: number; outcome: string; evidence?: string; start?: number }
export interface Segment { channel: string; start: number; end: number; text: string }
export interface CallDetail extends CallRow {
  object_key: string;
  language: string;
  client_hash?: string;
  analyzed_at: string;
  dictionary_version: string;
  asr_adapter: string;
  asr_model?: string;
  channels: number;
  wait_seconds?: number;
  transfers?: number;
  csat_score?: number;
  csat_scale?: number;
  operator_talk?: number;
  client_talk?: number;
  total_talk: number;
  tags?: Record<string, string>;
  parameters?: Record<string, number>;
  score_profile?: string;
  score_profile_version?: string;
  criteria?: Criterion[];
  hits?: Hit[];
  segments?: Segment[];
  timeline: Timeline | null;
  audio: boolean;
}

export interface SnippetPart { text: string; hit?: boolean }
export interface SearchHit {
  call_id: string;
  started_at?: string;
  operator_id: string;
  channel: string;
  start: number;
  end: number;
  text: string;
  snippet?: SnippetPart[];
}
export interface SearchResult { hits: SearchHit[] }

export interface Field { name: string; type: string; doc: string; family: boolean }
export interface Fields {
  fields: Field[];
  dimensions: { name: string; title: string }[];
  measures: string[];
  measure_patterns: string[];
  periods: string[];
  slices: string[];
}
export interface FieldValues { field: string; values: { value: string; label: string; calls: number }[] }

// phrases is the count (docs/api.md); a list of phrases is shown when the API gives one.
export interface Dictionary { name: string; category: string; language: string; phrases: number | unknown[] }
export interface Dictionaries { version: string; dictionaries: Dictionary[] }
export interface DictPhrase { id: string; text: string; variants?: string[]; description?: string; channel?: string; exact?: boolean; weight: number; exclude?: string[] }
export interface DictDetail { name: string; category: string; language: string; version: string; description?: string; channel: string; exclude: string[]; phrases: DictPhrase[] }
export interface DictTest { hits: Hit[] }
// The what-if result is report/whatif.Result (docs/api.md).
export interface WhatIfExample { call_id: string; started_at?: string; hit?: Hit }
export interface WhatIfChange {
  category: string; before: number; after: number; gained: number; lost: number; net?: number;
  gained_examples?: WhatIfExample[] | null; lost_examples?: WhatIfExample[] | null;
}
export interface WhatIf {
  dictionary_version?: string; calls: number; compared?: number; without_transcript?: number; changed?: number;
  categories: WhatIfChange[]; elapsed_ns?: number;
}

export class ApiError extends Error {
  status: number;
  code: string;
  param?: string;
  column?: number;
  caret?: string;
  constructor(status: number, code: string, message: string, extra: { param?: string; column?: number; caret?: string } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.param = extra.param;
    this.column = extra.column;
    this.caret = extra.caret;
  }
}

export type Params = Record<string, string | number | boolean | string[] | undefined | null>;

// query encodes parameters, repeating array values (slice=a=1&slice=b=2) and
// leaving out empty ones.
export function query(params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (Array.isArray(v)) v.forEach((x) => x !== '' && q.append(k, x));
    else q.append(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

export function cookie(name: string, source = typeof document === 'undefined' ? '' : document.cookie): string {
  for (const part of source.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return '';
}

let csrfToken = '';
export function setCSRF(token: string | undefined) {
  if (token) csrfToken = token;
}

// onUnauthorized is called when a request finds the session gone.
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(f: () => void) {
  onUnauthorized = f;
}

// errorFrom turns an error body into an ApiError; a body that is not the
// API's JSON still gives a message in plain words.
export function errorFrom(status: number, body: unknown): ApiError {
  const e = (body as { error?: { code?: string; message?: string; param?: string; column?: number; caret?: string } })?.error;
  if (e && typeof e.message === 'string') {
    return new ApiError(status, e.code ?? 'error', e.message, { param: e.param, column: e.column, caret: e.caret });
  }
  return new ApiError(status, status >= 500 ? 'internal' : 'error', `HTTP ${status}`);
}

export async function request<T>(method: string, path: string, params?: Params, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken || cookie('callscope_csrf');
  let res: Response;
  try {
    res = await fetch('/api/v1' + path + query(params), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (res.status === 204) return undefined as T;
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err = errorFrom(res.status, data);
    if (res.status === 401 && path !== '/login') onUnauthorized();
    throw err;
  }
  return data as T;
}

export const get = <T>(path: string, params?: Params) => request<T>('GET', path, params);

// getText fetches a text answer (a CSV export); errors as request's.
export async function getText(path: string, params?: Params): Promise<string> {
  let res: Response;
  try {
    res = await fetch('/api/v1' + path + query(params), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (!res.ok) {
    let data: unknown = null;
    try { data = await res.json(); } catch { data = null; }
    if (res.status === 401) onUnauthorized();
    throw errorFrom(res.status, data);
  }
  return res.text();
}
export const post = <T>(path: string, body: unknown) => request<T>('POST', path, undefined, body);

export const audioURL = (id: string) => `/api/v1/calls/${encodeURIComponent(id)}/audio`;
