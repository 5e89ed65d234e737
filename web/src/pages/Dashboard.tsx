import { useState } from 'preact/hooks';
import { get } from '../lib/api';
import type { CallPage, Report, User, Values } from '../lib/api';
import { Card, ErrorBox, Loading, useAsync, useDrawn } from '../components/common';
import { Chart } from '../components/Chart';
import { change, formatValue, measureKind, scoreOf5, clock } from '../lib/format';
import { and, eq } from '../lib/filter';
import { locale, t } from '../lib/i18n';
import { href } from '../lib/router';
import type { Route } from '../lib/router';
import { callsRange, previous } from '../lib/period';
import { categoryColor } from '../lib/colors';
import { PeriodPicker, Select, setParams, useValues } from './shared';
import { valueLabels } from '../components/FilterBox';

// The KPI tiles: measure, title, and the filter of the calls behind it.
export const KPIS: { measure: string; title: string; filter?: string }[] = [
  { measure: 'calls', title: 'Call count' },
  { measure: 'avg_score', title: 'Average score', filter: 'score is known' },
  { measure: 'csat_index', title: 'CSAT index', filter: 'csat is known' },
  { measure: 'pct:complaint', title: 'Complaints', filter: 'has complaint' },
  { measure: 'pct:repeat_contact', title: 'Repeat contacts', filter: 'has repeat_contact' },
  { measure: 'pct:incompetence', title: 'Incompetence', filter: 'has incompetence' },
  { measure: 'pct:churn_threat', title: 'Churn threat', filter: 'has churn_threat' },
  { measure: 'avg_wait', title: 'Average wait', filter: 'wait is known' },
  { measure: 'avg_talk', title: 'Average talk' },
  { measure: 'param:silence_total', title: 'Average silence', filter: 'silence_total is known' },
];

// How many category shares the dashboard shows before "Show all".
const SHARES_SHOWN = 15;

export function Dashboard({ route }: { route: Route; user: User }) {
  const p = route.params;
  // no period in the URL: the last 30 days; "all" is all time
  const periodParam = p.get('period') ?? (p.get('from') || p.get('to') ? '' : 'last-30-days');
  const period = periodParam === 'all' ? '' : periodParam;
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  const department = p.get('department') ?? '';
  const queue = p.get('queue') ?? '';
  const operator = p.get('operator') ?? '';
  // over all time by month (a year of days is no chart, and months are
  // read from the monthly rollup); otherwise by day
  const trend = p.get('trend') ?? (periodParam === 'all' ? 'month' : 'day');
  const scope = and(department && eq('department', department), queue && eq('queue', queue), operator && eq('operator', operator));
  const set = (ch: Record<string, string>) =>
    setParams('dashboard', { period: periodParam, from, to, department, queue, operator, trend: p.get('trend') ?? '', ...ch });
  const base = { filter: scope, period, from, to };
  const measures = KPIS.map((k) => k.measure).join(',');
  const main = useAsync(() => get<Report>('/report', { ...base, by: 'operator', measures }), [scope, period, from, to]);
  useDrawn(!!main.data);
  const prev = useAsync(async () => {
    const r = main.data;
    if (!r?.from || !r?.to) return null;
    // the previous period, as the report's compare reads it
    const pp = previous(r.from, r.to);
    return get<Report>('/report', { filter: scope, from: pp.from, to: pp.to, by: 'operator', measures });
  }, [main.data]);
  // The tiles come first; the rest is asked for once they are drawn, so that
  // the first meaningful render does not queue behind five other queries.
  const ready = main.data ?? null;
  const after = <T,>(f: () => Promise<T>) => (): Promise<T | null> => (ready ? f() : Promise.resolve(null));
  const trendR = useAsync(after(() => get<Report>('/report', { ...base, by: trend, measures: 'calls,avg_score,pct:complaint' })), [ready, trend]);
  const cats = useAsync(after(() => get<Report>('/report', { ...base, by: 'category', measures: 'calls' })), [ready]);
  const range = callsRange(main.data?.from, main.data?.to);
  const departments = useValues('department', !!ready);
  const queues = useValues('queue', !!ready);
  const operators = useValues('operator', !!ready);
  // The short lists skip the count of all their calls (total=false): the
  // churn threats' count is the tiles' share of the calls.
  const lowest = useAsync(after(() => get<CallPage>('/calls', { filter: and(scope, 'score is known'), ...range, sort: 'score', limit: 6, total: 'false' })), [ready]);
  const churn = useAsync(after(() => get<CallPage>('/calls', { filter: and(scope, 'has churn_threat'), ...range, sort: '-started_at', limit: 6, total: 'false' })), [ready]);
  const callsLink = (filter?: string, slice?: string[]) => href('calls', { filter: and(scope, filter), slice, ...range });
  const total = main.data?.total;
  // The most frequent categories first; with dozens of them the card shows
  // the first SHARES_SHOWN until asked for all.
  const shares = [...(cats.data?.rows ?? [])].filter((r) => r.keys.category && r.keys.category !== '(none)')
    .sort((a, b) => (b.values.calls ?? 0) - (a.values.calls ?? 0));
  const [allShares, setAllShares] = useState(false);
  const ptotal: Values | undefined = prev.data?.total;
  const ops = (main.data?.rows ?? []).filter((r) => r.values.avg_score != null);
  ops.sort((a, b) => (b.values.avg_score ?? 0) - (a.values.avg_score ?? 0));
  const best = ops.slice(0, 5);
  const worst = ops.slice(-5).reverse();
  return (
    <div class="dashboard">
      <div class="toolbar">
        <PeriodPicker period={period} from={from} to={to} onChange={(x) => set({ ...x, period: x.period || (x.from || x.to ? '' : 'all') })} />
        <Select label={t('Department')} id="scope-department" value={department} options={departments} onChange={(v) => set({ department: v })} />
        <Select label={t('Queue')} id="scope-queue" value={queue} options={queues} onChange={(v) => set({ queue: v })} />
        <Select label={t('Operator')} id="scope-operator" value={operator} options={operators} onChange={(v) => set({ operator: v })}
          labels={(v) => { const n = valueLabels.get('operator\u0000' + v); return n ? `${n} (${v})` : v; }} />
      </div>
      <ErrorBox error={main.error} />
      {main.loading && !main.data ? <Loading /> : null}
      {total && (
        <div class="kpis" id="kpis">
          {KPIS.map((k) => {
            const v = total[k.measure];
            const c = change(k.measure, v, ptotal?.[k.measure], locale());
            return (
              <a class="kpi" href={callsLink(k.filter)} data-measure={k.measure} data-value={v == null ? '' : String(v)}>
                <div class="kpi-title">{t(k.title)}</div>
                <div class="kpi-value">{formatValue(v, measureKind(k.measure), locale())}</div>
                <div class={'kpi-change ' + (c.better === true ? 'good' : c.better === false ? 'bad' : '')}
                  title={t('vs previous period')}>
                  {!ptotal ? t('no previous period') : !ptotal.calls ? t('no calls in the previous period') : `${c.text} ${t('vs previous period')}`}
                </div>
              </a>
            );
          })}
        </div>
      )}
      {total && total.calls === 0 && <p class="muted">{t('No calls in this period')}</p>}
      <div class="grid2">
        <Card title={t('Trend')} actions={
          <select aria-label={t('Trend')} value={trend} onChange={(e) => set({ trend: e.currentTarget.value })}>
            <option value="day">{t('by day')}</option><option value="week">{t('by week')}</option><option value="month">{t('by month')}</option>
          </select>}>
          <ErrorBox error={trendR.error} />
          {trendR.data && (() => {
            const rows = [...trendR.data.rows].sort((a, b) => (a.keys[trend] < b.keys[trend] ? -1 : 1));
            return (
              <>
                <Chart labels={rows.map((r) => r.keys[trend])} onPick={(i) => (location.hash = callsLink(undefined, [`${trend}=${rows[i].keys[trend]}`]))}
                  series={[
                    { label: t('Call count'), values: rows.map((r) => r.values.calls), color: '#4c72b0' },
                    { label: t('Average score'), values: rows.map((r) => r.values.avg_score), color: '#2ca02c', scale: 'y2' },
                  ]} />
                <div class="trend-links">
                  {rows.map((r) => <a href={callsLink(undefined, [`${trend}=${r.keys[trend]}`])}>{r.keys[trend]}: {formatValue(r.values.calls, 'count', locale())}</a>)}
                </div>
              </>
            );
          })()}
        </Card>
        <Card title={t('Category shares')}>
          <ErrorBox error={cats.error} />
          {cats.data && total && (
            <table class="bars" id="category-shares">
              <tbody>
                {shares.slice(0, allShares ? shares.length : SHARES_SHOWN).map((r) => {
                  const share = total.calls ? ((r.values.calls ?? 0) / total.calls) * 100 : 0;
                  return (
                    <tr>
                      <th><a href={callsLink(undefined, [`category=${r.keys.category}`])}>{r.keys.category}</a></th>
                      <td class="bar-cell"><span class="bar" style={{ width: share + '%', background: categoryColor(r.keys.category) }} /></td>
                      <td class="num"><a href={callsLink(undefined, [`category=${r.keys.category}`])}>{formatValue(share, 'percent', locale())}</a></td>
                      <td class="num muted">{formatValue(r.values.calls, 'count', locale())}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {shares.length > SHARES_SHOWN && (
            <button type="button" class="ghost small" id="all-category-shares" onClick={() => setAllShares(!allShares)}>
              {allShares ? t('Show fewer') : `${t('Show all')} (${shares.length})`}
            </button>
          )}
        </Card>
        <Card title={t('Best operators')}>
          {main.data ? <OperatorTable rows={best} link={(op) => callsLink(undefined, [`operator=${op}`])} /> : <Loading />}
        </Card>
        <Card title={t('Worst operators')}>
          {main.data ? <OperatorTable rows={worst} link={(op) => callsLink(undefined, [`operator=${op}`])} /> : <Loading />}
        </Card>
      </div>
      <Card title={t('Calls needing attention')}>
        <div class="grid2">
          <div>
            <h3><a href={href('calls', { filter: and(scope, 'score is known'), sort: 'score', ...range })}>{t('Lowest scores')}</a></h3>
            <MiniCalls page={lowest.data} error={lowest.error} />
          </div>
          <div>
            <h3><a href={callsLink('has churn_threat')}>{t('Churn threats')}</a> {total && total.calls != null && total['pct:churn_threat'] != null ? <span class="muted" id="churn-count">({formatValue(Math.round((total.calls * total['pct:churn_threat']) / 100), 'count', locale())})</span> : null}</h3>
            <MiniCalls page={churn.data} error={churn.error} />
          </div>
        </div>
      </Card>
    </div>
  );
}

function OperatorTable({ rows, link }: { rows: Report['rows']; link: (op: string) => string }) {
  if (!rows.length) return <p class="muted">{t('Nothing found')}</p>;
  return (
    <table class="plain">
      <thead><tr><th>{t('Operator')}</th><th class="num">{t('Average score')}</th><th class="num">{t('Call count')}</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td><a href={link(r.keys.operator)}>{r.keys.operator_name || r.keys.operator}</a> <span class="muted">{r.keys.operator}</span></td>
            <td class="num">{formatValue(r.values.avg_score, 'score', locale())}</td>
            <td class="num"><a href={link(r.keys.operator)}>{formatValue(r.values.calls, 'count', locale())}</a></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MiniCalls({ page, error }: { page?: CallPage | null; error?: unknown }) {
  if (error) return <ErrorBox error={error} />;
  if (!page) return <Loading />;
  const calls = page.calls ?? [];
  if (!calls.length) return <p class="muted">{t('Nothing found')}</p>;
  return (
    <ul class="mini-calls">
      {calls.map((c) => (
        <li>
          <a href={href('call', {}, c.call_id)}>{c.call_id}</a>{' '}
          <span class="muted">{c.operator_name || c.operator_id} · {clock(c.duration_seconds)}</span>{' '}
          <b>{formatValue(scoreOf5(c.score, c.score_max), 'score', locale())}</b>
        </li>
      ))}
    </ul>
  );
}
