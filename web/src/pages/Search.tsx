import { useState } from 'preact/hooks';
import { get } from '../lib/api';
import type { SearchResult } from '../lib/api';
import { ErrorBox, Loading, useAsync } from '../components/common';
import { FilterBox } from '../components/FilterBox';
import { clock, dateTime } from '../lib/format';
import { t } from '../lib/i18n';
import { href } from '../lib/router';
import type { Route } from '../lib/router';
import { setParams } from './shared';

export function Search({ route }: { route: Route }) {
  const p = route.params;
  const q = p.get('q') ?? '';
  const filter = p.get('filter') ?? '';
  const channel = p.get('channel') ?? '';
  const [text, setText] = useState(q);
  const set = (ch: Record<string, string>) => setParams('search', { q, filter, channel, ...ch });
  const res = useAsync(() => (q ? get<SearchResult>('/search', { q, filter, channel, limit: 100 }) : Promise.resolve(null)), [q, filter, channel]);
  return (
    <div class="search">
      <form class="toolbar" onSubmit={(e) => { e.preventDefault(); set({ q: text.trim() }); }}>
        <label class="grow">{t('Phrase')} <span class="muted small">({t('any inflection')})</span>
          <input id="search-q" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="хочу оставить жалобу" />
        </label>
        <label>{t('Channel')}
          <select value={channel} onChange={(e) => set({ channel: e.currentTarget.value })}>
            <option value="">{t('any')}</option><option value="operator">{t('operator')}</option>
            <option value="client">{t('client')}</option><option value="mixed">{t('mixed')}</option>
          </select>
        </label>
        <button type="submit" id="search-go">{t('Search')}</button>
      </form>
      <FilterBox id="search-filter" value={filter} error={res.error} onSubmit={(v) => set({ filter: v })} />
      {res.error && !(res.error as { column?: number }).column ? <ErrorBox error={res.error} /> : null}
      {res.loading && q ? <Loading /> : null}
      {res.data && (
        <>
          <div class="count">{t('Results')}: {(res.data.hits ?? []).length}</div>
          {!(res.data.hits ?? []).length && <p class="muted">{t('Nothing found')}</p>}
          <ul class="results" id="search-results">
            {(res.data.hits ?? []).map((h) => (
              <li>
                <a href={href('call', { t: h.start.toFixed(2) }, h.call_id)}>
                  <span class="mono">{h.call_id}</span> · {clock(h.start)} · <span class="muted">{t(h.channel)} · {h.operator_id} · {dateTime(h.started_at)}</span>
                </a>
                <p>{h.snippet?.length ? h.snippet.map((s) => (s.hit ? <mark>{s.text}</mark> : <span>{s.text}</span>)) : h.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
