import { useState } from 'preact/hooks';
import { get, post } from '../lib/api';
import type { DictDetail, DictTest, Dictionaries as Dicts, Dictionary, User, WhatIf, WhatIfExample } from '../lib/api';
import { exclusiveTo } from '../lib/period';
import { Card, ErrorBox, Loading, useAsync } from '../components/common';
import { FilterBox } from '../components/FilterBox';
import { categoryColor } from '../lib/colors';
import { clock } from '../lib/format';
import { t } from '../lib/i18n';
import { href } from '../lib/router';
import type { Route } from '../lib/router';
import { Badge } from './shared';

// Phrases shows a dictionary's phrases, asked for when its row is opened.
function Phrases({ d }: { d: Dictionary }) {
  const [open, setOpen] = useState(false);
  const detail = useAsync(() => (open ? get<DictDetail>(`/dictionaries/${encodeURIComponent(d.language)}/${encodeURIComponent(d.category)}`) : Promise.resolve(null)), [open]);
  return (
    <details class="dict-phrases" data-dict={d.name} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{typeof d.phrases === 'number' ? d.phrases : d.phrases.length} {t('phrases')}</summary>
      <ErrorBox error={detail.error} />
      {open && !detail.data && !detail.error && <Loading />}
      {detail.data && (
        <div>
          {detail.data.description && <p class="muted small">{detail.data.description}</p>}
          <p class="small">{t('Channel')}: {t(detail.data.channel)}</p>
          <ul class="phrase-list">
            {detail.data.phrases.map((p) => (
              <li data-phrase={p.id} title={p.description}>
                <b>{p.text}</b>
                {p.variants?.length ? <span class="muted"> · {p.variants.join(' · ')}</span> : null}
                {' '}<span class="mono small muted">{p.id}{p.weight !== 1 ? ` ×${p.weight}` : ''}{p.channel ? ` · ${t(p.channel)}` : ''}{p.exact ? ' · exact' : ''}</span>
                {p.description && <div class="muted small">{p.description}</div>}
              </li>
            ))}
          </ul>
          {detail.data.exclude.length > 0 && (
            <>
              <p class="small">{t('Not counted when said with')}:</p>
              <ul class="phrase-list exclude">{detail.data.exclude.map((x) => <li class="mono small">{x}</li>)}</ul>
            </>
          )}
        </div>
      )}
    </details>
  );
}

export function Dictionaries({ user }: { route: Route; user: User }) {
  const dicts = useAsync(() => get<Dicts>('/dictionaries'), []);
  const [sentence, setSentence] = useState('');
  const [callId, setCallId] = useState('');
  const [language, setLanguage] = useState('ru');
  const [test, setTest] = useState<{ data?: DictTest; error?: unknown; busy?: boolean; call?: boolean }>({});
  const [yaml, setYaml] = useState('');
  const [filter, setFilter] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [whatif, setWhatif] = useState<{ data?: WhatIf; error?: unknown; busy?: boolean }>({});
  const mayTest = user.role !== 'supervisor';
  const runTest = async (body: { text?: string; language?: string; call_id?: string }) => {
    const call = !!body.call_id;
    setTest({ busy: true, call });
    try { setTest({ data: await post<DictTest>('/dictionaries/test', body), call }); } catch (e) { setTest({ error: e, call }); }
  };
  const runWhatif = async () => {
    setWhatif({ busy: true });
    // The page's "To" is the last day, included, as in the links to the
    // calls below; the API's to is the day after it.
    try { setWhatif({ data: await post<WhatIf>('/dictionaries/whatif', { dictionary: yaml, filter, from, to: to ? exclusiveTo(to) : '' }) }); } catch (e) { setWhatif({ error: e }); }
  };
  return (
    <div class="dicts">
      <Card title={t('Dictionaries') + (dicts.data ? ` · ${dicts.data.version}` : '')}>
        <ErrorBox error={dicts.error} />
        {dicts.loading && <Loading />}
        {dicts.data && (
          <table class="list" id="dictionaries">
            <thead><tr><th>{t('Category')}</th><th>{t('Dictionary')}</th><th>{t('Language')}</th><th>{t('Phrases')}</th></tr></thead>
            <tbody>
              {dicts.data.dictionaries.map((d) => (
                <tr>
                  <td><Badge category={d.category} /> <a href={href('calls', { filter: `has ${d.category}` })} class="small">{t('Open the calls')}</a></td>
                  <td>{d.name}</td>
                  <td>{d.language}</td>
                  <td class="phrases"><Phrases d={d} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {mayTest && (
        <div class="grid2">
          <Card title={t('Test a sentence')}>
            <form onSubmit={(e) => { e.preventDefault(); void runTest({ text: sentence, language }); }}>
              <textarea id="dict-sentence" rows={3} value={sentence} onInput={(e) => setSentence(e.currentTarget.value)} placeholder="я хочу оставить жалобу" />
              <div class="toolbar">
                <select aria-label={t('Language')} value={language} onChange={(e) => setLanguage(e.currentTarget.value)}><option>ru</option><option>en</option></select>
                <button type="submit" id="dict-test">{t('Test')}</button>
              </div>
            </form>
            <form class="toolbar" onSubmit={(e) => { e.preventDefault(); void runTest({ call_id: callId }); }}>
              <input aria-label={t('Call id')} placeholder={t('Call id')} value={callId} onInput={(e) => setCallId(e.currentTarget.value)} />
              <button type="submit">{t('Test a call')}</button>
            </form>
            <ErrorBox error={test.error} />
            {test.busy && <Loading />}
            {test.data && (test.data.hits.length ? (
              <ul class="hits" id="dict-hits">
                {test.data.hits.map((h) => (
                  <li><span class="dot" style={{ background: categoryColor(h.category) }} /><b>{h.category}</b> «{h.text}» <span class="muted small">{h.phrase_id}</span>
                    {test.call && <> · <a href={href('call', { t: h.start.toFixed(2) }, callId)}>{clock(h.start)}</a> <span class="muted small">{t(h.channel)}</span></>}</li>
                ))}
              </ul>
            ) : <p class="muted">{t('No hits')}</p>)}
          </Card>
          <Card title={t('What-if')}>
            <textarea id="whatif-yaml" rows={8} class="mono" aria-label={t('Dictionary YAML')} placeholder={'category: complaint\nlanguage: ru\nchannel: client\nphrases:\n  - id: zhaloba\n    text: жалоба\n  - id: bezobrazie\n    text: безобразие'} value={yaml} onInput={(e) => setYaml(e.currentTarget.value)} />
            <FilterBox id="whatif-filter" value={filter} error={whatif.error} onSubmit={setFilter} />
            <div class="toolbar">
              <label>{t('From')}<input type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} /></label>
              <label>{t('To')}<input type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} /></label>
              <button type="button" id="whatif-run" onClick={runWhatif} disabled={!yaml.trim()}>{t('Run')}</button>
            </div>
            {whatif.error && !(whatif.error as { column?: number }).column ? <ErrorBox error={whatif.error} /> : null}
            {whatif.busy && <Loading />}
            {whatif.data && (
              <div id="whatif-result">
                <div class="count">
                  {whatif.data.calls} {t('calls checked')}
                  {whatif.data.changed != null && <> · {t('changed')}: {whatif.data.changed}</>}
                  {whatif.data.without_transcript ? <span class="muted small"> · {t('without transcript')}: {whatif.data.without_transcript}</span> : null}
                </div>
                <table class="list">
                  <thead><tr><th>{t('Category')}</th><th class="num">{t('Before')}</th><th class="num">{t('After')}</th><th class="num">{t('Gained')}</th><th class="num">{t('Lost')}</th></tr></thead>
                  <tbody>
                    {[...(whatif.data.categories ?? [])].sort((a, b) => b.gained + b.lost - a.gained - a.lost).map((c) => (
                      <tr>
                        <td><Badge category={c.category} /></td>
                        <td class="num"><a href={href('calls', { filter: `has ${c.category}`, from, to: to ? exclusiveTo(to) : '' })}>{c.before}</a></td>
                        <td class="num">{c.after}</td>
                        <td class="num good">+{c.gained}<Examples list={c.gained_examples} /></td>
                        <td class="num bad">−{c.lost}<Examples list={c.lost_examples} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </div>
      )}
    </div>
  );
}

// Examples links the calls a change gains or loses, opening each card at the hit.
function Examples({ list }: { list?: WhatIfExample[] | null }) {
  if (!list?.length) return null;
  return (
    <ul class="examples small">
      {list.map((e) => (
        <li><a href={href('call', { t: e.hit ? e.hit.start.toFixed(2) : undefined }, e.call_id)}>{e.call_id}</a>{e.hit ? <span class="muted"> «{e.hit.text}»</span> : null}</li>
      ))}
    </ul>
  );
}
