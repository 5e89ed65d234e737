import { useEffect, useMemo, useState } from 'preact/hooks';
import { get, getText } from '../lib/api';
import type { Dictionaries, Fields, Report, ReportRow, User } from '../lib/api';
import { Card, download, ErrorBox, Loading, useAsync, useDrawn } from '../components/common';
import { FilterBox, loadFields } from '../components/FilterBox';
import { Chart } from '../components/Chart';
import { fromYAML, toYAML } from '../lib/definition';
import type { Definition } from '../lib/definition';
import { change, formatValue, measureKind } from '../lib/format';
import { locale, t } from '../lib/i18n';
import { href } from '../lib/router';
import type { Route } from '../lib/router';
import { callsRange, sliceParams } from '../lib/period';
import { PeriodPicker, setParams, SortButton } from './shared';
import type { SortDir } from './shared';

const DEFAULT_MEASURES = ['calls', 'pct:complaint', 'pct:repeat_contact', 'pct:incompetence', 'avg_score', 'csat_index', 'avg_talk', 'avg_duration'];
const TIME_DIMS = ['day', 'week', 'month', 'year', 'hour', 'weekday'];

function useSaved(user: string): [Definition[], (d: Definition[]) => void] {
  const key = 'callscope.reports.' + user;
  const [defs, setDefs] = useState<Definition[]>(() => {
    try { return (JSON.parse(localStorage.getItem(key) ?? '[]') as string[]).map(fromYAML); } catch { return []; }
  });
  return [defs, (d) => { localStorage.setItem(key, JSON.stringify(d.map(toYAML))); setDefs(d); }];
}

export function Slices({ route, user }: { route: Route; user: User }) {
  const p = route.params;
  const by = (p.get('by') ?? 'operator').split(',').filter(Boolean);
  const measures = (p.get('measures') ?? DEFAULT_MEASURES.join(',')).split(',').filter(Boolean);
  const filter = p.get('filter') ?? '';
  const period = p.get('period') ?? '';
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  const compare = p.get('compare') === 'true';
  const [sort, setSort] = useState<{ col: string; desc: boolean } | null>(null);
  const [fields, setFields] = useState<Fields | null>(null);
  const [saved, setSaved] = useSaved(user.name);
  const [name, setName] = useState('');
  const [askValues, setAskValues] = useState(false);
  // the categories of the dictionaries in use (no query of the archive:
  // the stored values of category over 10 million calls cost a second)
  const dicts = useAsync(() => (askValues ? get<Dictionaries>('/dictionaries') : Promise.resolve(null)), [askValues]);
  const categories = useMemo(() => [...new Set((dicts.data?.dictionaries ?? []).map((d) => d.category))].sort(), [dicts.data]);
  useEffect(() => { loadFields().then(setFields, () => {}); }, []);
  const state = { by: by.join(','), measures: measures.join(','), filter, period, from, to, compare: compare ? 'true' : '' };
  const set = (ch: Record<string, string>) => setParams('slices', { ...state, ...ch });
  const rep = useAsync(() => get<Report>('/report', { by: by.join(','), measures: measures.join(','), filter, period, from, to, compare }),
    [state.by, state.measures, filter, period, from, to, compare]);
  const r = rep.data;
  useDrawn(!!r);
  // the category measures are listed once the table is drawn
  useEffect(() => { if (r) setAskValues(true); }, [r]);
  const dims = r?.dimensions ?? by;
  const rows: ReportRow[] = useMemo(() => {
    const rs = [...(r?.rows ?? [])];
    if (sort) {
      rs.sort((a, b) => {
        const va = sort.col.startsWith('k:') ? a.keys[sort.col.slice(2)] : a.values[sort.col];
        const vb = sort.col.startsWith('k:') ? b.keys[sort.col.slice(2)] : b.values[sort.col];
        if (va == null && vb == null) return 0;
        if (va == null) return 1;
        if (vb == null) return -1;
        const c = va < vb ? -1 : va > vb ? 1 : 0;
        return sort.desc ? -c : c;
      });
    }
    return rs;
  }, [r, sort]);
  // A long table (hundreds of operators) is drawn 100 rows at a time, the
  // first at once and the rest in the following tasks.
  const [shown, setShown] = useState(100);
  useEffect(() => setShown(100), [r]);
  useEffect(() => {
    if (shown >= rows.length) return;
    const id = setTimeout(() => setShown(shown + 100), 0);
    return () => clearTimeout(id);
  }, [shown, rows]);
  const range = callsRange(r?.from, r?.to);
  const cellLink = (row: ReportRow) => href('calls', { filter, slice: sliceParams(row.keys, dims), ...range });
  const allMeasures = [...(fields?.measures ?? DEFAULT_MEASURES), ...categories.flatMap((c) => [`pct:${c}`, `cat:${c}`])];
  const dimOptions = fields?.dimensions ?? [];
  const toggle = (list: string[], v: string, on: boolean) => (on ? [...list.filter((x) => x !== v), v] : list.filter((x) => x !== v));
  const title = (m: string) => r?.measures.find((x) => x.name === m)?.title ?? m;
  const sortOn = (col: string) => setSort(sort?.col === col ? { col, desc: !sort.desc } : { col, desc: true });
  const sortDir = (col: string): SortDir => (sort?.col === col ? (sort.desc ? 'descending' : 'ascending') : undefined);
  // The server writes the CSV (as `callscope report --format csv`) and
  // records the export in the audit trail.
  const [exported, setExported] = useState<{ busy?: boolean; error?: unknown }>({});
  const exportCSV = async () => {
    setExported({ busy: true });
    try {
      const csv = await getText('/report/export', { by: by.join(','), measures: measures.join(','), filter, period, from, to, compare });
      download('report.csv', csv, 'text/csv;charset=utf-8');
      setExported({});
    } catch (e) { setExported({ error: e }); }
  };
  const current = (): Definition => ({ name: name || 'report', by, measures, filter: filter || undefined, period: period || undefined,
    from: from || undefined, to: to || undefined, compare: compare || undefined });
  const open = (d: Definition) => setParams('slices', { by: d.by.join(','), measures: d.measures.join(','), filter: d.filter, period: d.period, from: d.from, to: d.to, compare: d.compare ? 'true' : '' });
  const timeDim = dims.length === 1 && TIME_DIMS.includes(dims[0]);
  const chartRows = timeDim ? [...rows].sort((a, b) => (a.keys[dims[0]] < b.keys[dims[0]] ? -1 : 1)) : rows.slice(0, 40);
  const m0 = measures[0];
  return (
    <div class="slices">
      <div class="builder">
        <details class="picker" open>
          <summary>{t('Dimensions')}: {by.join(', ')}</summary>
          <div class="checks" id="dimensions">
            {dimOptions.map((d) => (
              <label><input type="checkbox" value={d.name} checked={by.includes(d.name)} onChange={(e) => set({ by: toggle(by, d.name, e.currentTarget.checked).join(',') })} />{d.name}</label>
            ))}
          </div>
        </details>
        <details class="picker">
          <summary>{t('Measures')}: {measures.length}</summary>
          <div class="checks" id="measures">
            {[...new Set(allMeasures)].map((m) => (
              <label><input type="checkbox" value={m} checked={measures.includes(m)} onChange={(e) => set({ measures: toggle(measures, m, e.currentTarget.checked).join(',') })} />{m}</label>
            ))}
          </div>
        </details>
        <div class="toolbar">
          <PeriodPicker period={period} from={from} to={to} onChange={(x) => set(x)} />
          <label class="chip"><input type="checkbox" id="compare" checked={compare} onChange={(e) => set({ compare: e.currentTarget.checked ? 'true' : '' })} />{t('Compare')}</label>
        </div>
        <FilterBox id="slice-filter" value={filter} error={rep.error} onSubmit={(v) => set({ filter: v })} />
      </div>
      {rep.error && !(rep.error as { column?: number }).column ? <ErrorBox error={rep.error} /> : null}
      {rep.loading && !r ? <Loading /> : null}
      {r && (
        <>
          <Card title={t('Chart')}>
            {rows.length > 0 && m0 && (
              <Chart kind={timeDim ? 'line' : 'bars'} labels={chartRows.map((row) => dims.map((d) => row.keys[d + '_name'] || row.keys[d] || '(none)').join(' / '))}
                series={[{ label: title(m0), values: chartRows.map((row) => row.values[m0]), color: '#4c72b0' }]}
                onPick={(i) => (location.hash = cellLink(chartRows[i]))} />
            )}
          </Card>
          <Card title={`${t('Rows')}: ${r.rows.length}`} actions={<>
            <button type="button" onClick={() => void exportCSV()} id="export-csv" disabled={exported.busy}>{t('Export CSV')}</button>
          </>}>
            <ErrorBox error={exported.error} />
            <div class="table-scroll">
              <table class="list report" id="report-table">
                <thead>
                  <tr>
                    {dims.map((d) => <th><SortButton title={d} dir={sortDir('k:' + d)} onClick={() => sortOn('k:' + d)} /></th>)}
                    {r.measures.map((m) => (
                      <th class="num" aria-sort={sortDir(m.name)}>
                        <SortButton title={m.title} dir={sortDir(m.name)} onClick={() => sortOn(m.name)} />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, shown).map((row) => {
                    const link = cellLink(row);
                    return (
                    <tr>
                      {dims.map((d) => <td>{row.keys[d] || '(none)'}{row.keys[d + '_name'] ? <span class="muted"> {row.keys[d + '_name']}</span> : null}</td>)}
                      {r.measures.map((m) => {
                        const ch = compare && row.previous ? change(m.name, row.values[m.name], row.previous[m.name], locale()) : null;
                        return (
                          <td class="num">
                            <a href={link} data-cell={m.name}>{formatValue(row.values[m.name], measureKind(m.name), locale())}</a>
                            {ch && <div class={'small ' + (ch.better === true ? 'good' : ch.better === false ? 'bad' : 'muted')}>{ch.text}</div>}
                          </td>
                        );
                      })}
                    </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr>
                    {dims.map((_, i) => <th>{i === 0 ? t('Total') : ''}</th>)}
                    {r.measures.map((m) => <th class="num"><a href={href('calls', { filter, ...range })}>{formatValue(r.total[m.name], measureKind(m.name), locale())}</a></th>)}
                  </tr>
                </tfoot>
              </table>
            </div>
          </Card>
        </>
      )}
      <Card title={t('Saved reports')}>
        <div class="toolbar">
          <input aria-label={t('Report name')} placeholder={t('Report name')} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          <button type="button" id="save-report" onClick={() => setSaved([...saved.filter((d) => d.name !== current().name), current()])}>{t('Save')}</button>
          <button type="button" onClick={() => download((name || 'report') + '.yaml', toYAML(current()), 'application/yaml')}>{t('Download YAML')}</button>
          <label class="button">{t('Load YAML')}
            <input type="file" accept=".yaml,.yml" hidden onChange={async (e) => {
              const f = e.currentTarget.files?.[0];
              if (f) open(fromYAML(await f.text()));
            }} />
          </label>
        </div>
        <ul class="saved">
          {saved.map((d) => (
            <li>
              <button type="button" class="ghost" onClick={() => open(d)}>{d.name}</button>
              <span class="muted small">{d.by.join(', ')} · {d.period ?? [d.from, d.to].filter(Boolean).join('…')} {d.filter}</span>
              <button type="button" class="ghost" aria-label={t('Delete') + ' ' + d.name} onClick={() => setSaved(saved.filter((x) => x !== d))}>×</button>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
