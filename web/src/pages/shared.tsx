import { useEffect, useState } from 'preact/hooks';
import { loadFields, loadValues } from '../components/FilterBox';
import { categoryColor } from '../lib/colors';
import { lang, t } from '../lib/i18n';

export const PERIODS = ['today', 'yesterday', 'this-week', 'last-week', 'this-month', 'last-month', 'this-quarter',
  'last-quarter', 'this-year', 'last-year', 'last-7-days', 'last-30-days', 'last-90-days'];

// periodLabel names a period for people: "last 30 days", «последние 30 дней».
export function periodLabel(p: string): string {
  return lang() === 'ru' ? t(p) : p.replace(/-/g, ' ');
}

export function usePeriods(): string[] {
  const [p, setP] = useState(PERIODS);
  useEffect(() => { loadFields().then((f) => f.periods?.length && setP(f.periods), () => {}); }, []);
  return p;
}

// useValues gives the known values of a field; when is false it waits (the
// dashboard asks once its tiles are drawn, not in front of them).
export function useValues(field: string, when = true): string[] {
  const [v, setV] = useState<string[]>([]);
  useEffect(() => { if (when) loadValues(field).then(setV); }, [field, when]);
  return v;
}

// PeriodPicker chooses a named period or two days (both included), or all time.
export function PeriodPicker({ period, from, to, onChange }: {
  period: string; from: string; to: string;
  onChange: (p: { period: string; from: string; to: string }) => void;
}) {
  const periods = usePeriods();
  const mode = period ? period : from || to ? 'dates' : '';
  return (
    <div class="period">
      <label>{t('Period')}
        <select id="period" value={mode} onChange={(e) => {
          const v = e.currentTarget.value;
          if (v === 'dates') onChange({ period: '', from: from || new Date().toISOString().slice(0, 10), to });
          else onChange({ period: v, from: '', to: '' });
        }}>
          <option value="">{t('All time')}</option>
          {periods.map((p) => <option value={p}>{periodLabel(p)}</option>)}
          <option value="dates">{t('From')} … {t('To')}</option>
        </select>
      </label>
      {mode === 'dates' && (
        <>
          <label>{t('From')}<input type="date" value={from} onChange={(e) => onChange({ period: '', from: e.currentTarget.value, to })} /></label>
          <label>{t('To')}<input type="date" value={to} onChange={(e) => onChange({ period: '', from, to: e.currentTarget.value })} /></label>
        </>
      )}
    </div>
  );
}

export function Select({ label, id, value, options, onChange, labels }: {
  label: string; id: string; value: string; options: string[]; onChange: (v: string) => void; labels?: (v: string) => string;
}) {
  return (
    <label>{label}
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('All')}</option>
        {options.map((o) => <option value={o}>{labels ? labels(o) : o}</option>)}
      </select>
    </label>
  );
}

export function Badge({ category, count }: { category: string; count?: number }) {
  return (
    <span class="badge" style={{ background: categoryColor(category) }} title={category}>
      {category}{count && count > 1 ? ' ×' + count : ''}
    </span>
  );
}

// SortDir is the direction a table is sorted by a column, in aria-sort's
// words; undefined: the table is not sorted by it.
export type SortDir = 'ascending' | 'descending' | undefined;

// SortButton is a column's title that sorts the table by the column, with
// ▲ or ▼ while the table is sorted by it.
export function SortButton({ title, dir, onClick }: { title: string; dir: SortDir; onClick: () => void }) {
  return <button type="button" class="sort" onClick={onClick}>{title} {dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : ''}</button>;
}

// setParams replaces the page's URL parameters (keeps the page).
export function setParams(page: string, params: Record<string, string | string[] | undefined>, id?: string) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else q.set(k, v);
  }
  const s = q.toString();
  location.hash = '/' + page + (id ? '/' + encodeURIComponent(id) : '') + (s ? '?' + s : '');
}
