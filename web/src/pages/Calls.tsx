import { useState } from 'preact/hooks';
import { get } from '../lib/api';
import type { CallPage, CallRow, User } from '../lib/api';
import { ErrorBox, Loading, useAsync } from '../components/common';
import { FilterBox } from '../components/FilterBox';
import { badgesOf, clock, dateTime, formatValue, scoreOf5 } from '../lib/format';
import { and } from '../lib/filter';
import { locale, t } from '../lib/i18n';
import { lastDay } from '../lib/period';
import { href } from '../lib/router';
import type { Route } from '../lib/router';
import { Badge, setParams, SortButton } from './shared';
import type { SortDir } from './shared';

export const QUICK: { id: string; label: string; filter: string }[] = [
  { id: 'complaint', label: 'complaints', filter: 'has complaint' },
  { id: 'low', label: 'score below 3', filter: 'score < 3' },
  { id: 'churn', label: 'churn threat', filter: 'has churn_threat' },
  { id: 'silence', label: 'long silence', filter: 'silence_longest > 10s' },
  { id: 'noscore', label: 'no score', filter: 'score is unknown' },
];

interface Column { id: string; title: string; cell: (c: CallRow) => preact.ComponentChild; sort?: string; num?: boolean }

// A row shows at most this many category badges (badgesOf): the rest are
// one "+N" badge whose title names them.
const MAX_BADGES = 6;

function CategoryBadges({ categories }: { categories?: Record<string, number> }) {
  const { shown, hidden } = badgesOf(categories, MAX_BADGES);
  return (
    <span class="badges">
      {shown.map(([k, n]) => <Badge category={k} count={n} />)}
      {hidden.length > 0 && <span class="badge more" title={hidden.join(', ')}>+{hidden.length}</span>}
    </span>
  );
}

const COLUMNS: Column[] = [
  { id: 'started', title: 'Started', cell: (c) => <span class="nowrap">{dateTime(c.started_at)}</span>, sort: 'started_at' },
  { id: 'operator', title: 'Operator', cell: (c) => <>{c.operator_name || c.operator_id} <span class="muted">{c.operator_id}</span></> },
  { id: 'department', title: 'Department', cell: (c) => c.department },
  { id: 'queue', title: 'Queue', cell: (c) => c.queue },
  { id: 'direction', title: 'Direction', cell: (c) => c.direction },
  { id: 'duration', title: 'Duration', cell: (c) => clock(c.duration_seconds), sort: 'duration', num: true },
  { id: 'score', title: 'Score', cell: (c) => formatValue(scoreOf5(c.score, c.score_max), 'score', locale()), sort: 'score', num: true },
  { id: 'categories', title: 'Categories', cell: (c) => <CategoryBadges categories={c.categories} /> },
];
const DEFAULT_COLUMNS = COLUMNS.map((c) => c.id);

function useColumns(user: string): [string[], (c: string[]) => void] {
  const key = 'callscope.columns.' + user;
  const [cols, setCols] = useState<string[]>(() => {
    try { return JSON.parse(localStorage.getItem(key) ?? '') as string[]; } catch { return DEFAULT_COLUMNS; }
  });
  return [cols, (c) => { localStorage.setItem(key, JSON.stringify(c)); setCols(c); }];
}

export function Calls({ route, user }: { route: Route; user: User }) {
  const p = route.params;
  const filter = p.get('filter') ?? '';
  const slice = p.getAll('slice');
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  const sort = p.get('sort') ?? '-started_at';
  const quick = p.getAll('quick');
  const limit = Math.min(1000, Math.max(1, Number(p.get('limit')) || 50));
  // the cursors of the pages before this one, for the query they were made
  // for (a cursor is bound to its filter and sort)
  const [cols, setCols] = useColumns(user.name);
  const full = and(filter, ...QUICK.filter((q) => quick.includes(q.id)).map((q) => q.filter));
  const key = JSON.stringify([full, slice, from, to, sort]);
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key, cursors: [] });
  const cursors = paging.key === key ? paging.cursors : [];
  const setCursors = (c: string[]) => setPaging({ key, cursors: c });
  const cursor = cursors[cursors.length - 1] ?? '';
  const page = useAsync(() => get<CallPage>('/calls', { filter: full, slice, from, to, sort, cursor, limit }), [key, cursor, limit]);
  const set = (ch: Record<string, string | string[]>) => setParams('calls', { filter, slice, from, to, sort, quick, limit: p.get('limit') ?? undefined, ...ch });
  const shown = COLUMNS.filter((c) => cols.includes(c.id));
  const sortBy = (s: string) => set({ sort: sort === s ? '-' + s : sort === '-' + s ? s : s === 'started_at' ? '-' + s : s });
  const sortDir = (s: string): SortDir => (sort === s ? 'ascending' : sort === '-' + s ? 'descending' : undefined);
  return (
    <div class="calls">
      <FilterBox value={filter} error={page.error} onSubmit={(v) => set({ filter: v })} />
      <div class="toolbar">
        <span class="muted">{t('Quick filters')}:</span>
        {QUICK.map((q) => (
          <label class="chip">
            <input type="checkbox" checked={quick.includes(q.id)} data-quick={q.id}
              onChange={(e) => set({ quick: e.currentTarget.checked ? [...quick, q.id] : quick.filter((x) => x !== q.id) })} />
            {t(q.label)}
          </label>
        ))}
        {slice.map((s) => (
          <span class="chip slice">{s} <button type="button" class="ghost" aria-label={t('Clear') + ' ' + s}
            onClick={() => set({ slice: slice.filter((x) => x !== s) })}>×</button></span>
        ))}
        {(from || to) && <span class="chip" id="calls-period">{from} … {to ? lastDay(to) : ''}</span>}
        <details class="columns">
          <summary>{t('Columns')}</summary>
          {COLUMNS.map((c) => (
            <label><input type="checkbox" checked={cols.includes(c.id)}
              onChange={(e) => setCols(e.currentTarget.checked ? DEFAULT_COLUMNS.filter((x) => x === c.id || cols.includes(x)) : cols.filter((x) => x !== c.id))} />
              {t(c.title)}</label>
          ))}
        </details>
      </div>
      {page.error && !(page.error as { column?: number }).column ? <ErrorBox error={page.error} /> : null}
      {page.data && (
        <div class="count" id="calls-total" data-total={page.data.total}>
          {formatValue(page.data.total, 'count', locale())} {t('calls')}
        </div>
      )}
      {page.loading && !page.data ? <Loading /> : null}
      {page.data && (
        <table class="list" id="calls-table">
          <thead>
            <tr>
              <th>{t('Call')}</th>
              {shown.map((c) => (
                <th class={c.num ? 'num' : ''} aria-sort={c.sort ? sortDir(c.sort) : undefined}>
                  {c.sort ? <SortButton title={t(c.title)} dir={sortDir(c.sort)} onClick={() => sortBy(c.sort!)} /> : t(c.title)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(page.data.calls ?? []).map((c) => (
              <tr>
                <td><a href={href('call', {}, c.call_id)}>{c.call_id}</a></td>
                {shown.map((col) => <td class={col.num ? 'num' : ''}>{col.cell(c)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.data && !(page.data.calls ?? []).length && <p class="muted">{t('Nothing found')}</p>}
      <div class="pager">
        <button type="button" disabled={!cursors.length} onClick={() => setCursors(cursors.slice(0, -1))}>← {t('Previous')}</button>
        <button type="button" id="next-page" disabled={!page.data?.next_cursor} onClick={() => page.data?.next_cursor && setCursors([...cursors, page.data.next_cursor])}>{t('Next')} →</button>
      </div>
    </div>
  );
}
