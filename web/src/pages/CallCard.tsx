import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { audioURL, get, isModelHit } from '../lib/api';
import type { CallDetail, Hit, Interval, Timeline, User } from '../lib/api';
import { Card, ErrorBox, Loading, useAsync, useDrawn } from '../components/common';
import { MARK_COLORS, Waveform } from '../components/Waveform';
import { categoryColor } from '../lib/colors';
import { clock, clockTenths, dateTime, formatValue, scoreOf5, UNKNOWN } from '../lib/format';
import { formatParam, grouped } from '../lib/params';
import { lang, locale, t } from '../lib/i18n';
import type { Route } from '../lib/router';
import { href } from '../lib/router';
import { hitOf, silences, textParts, turns, wordAt } from '../lib/timeline';
import type { Turn } from '../lib/timeline';

const SPEEDS = [0.75, 1, 1.25, 1.5, 2];

export function CallCard({ id, route, user }: { id: string; route: Route; user: User }) {
  const call = useAsync(() => get<CallDetail>('/calls/' + encodeURIComponent(id)), [id]);
  if (call.error) return <ErrorBox error={call.error} />;
  if (!call.data) return <Loading />;
  return <CallView c={call.data} user={user} startAt={Number(route.params.get('t') ?? '') || 0} />;
}

function CallView({ c, user, startAt }: { c: CallDetail; user: User; startAt: number }) {
  const canListen = user.listen && c.audio;
  const audio = useMemo(() => {
    if (!canListen) return null;
    const a = document.createElement('audio');
    a.id = 'call-audio';
    a.preload = 'metadata';
    a.src = new URL(audioURL(c.call_id), location.href).href;
    return a;
  }, [c.call_id, canListen]);
  const [now, setNow] = useState(startAt);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const nowRef = useRef(startAt);
  const audioHost = useRef<HTMLDivElement>(null);
  const tl = c.timeline;
  const duration = tl?.duration || c.duration_seconds;
  const hits = c.hits ?? [];
  const sil = useMemo(() => (tl ? silences(tl, 3) : []), [tl]);

  const seek = (t0: number) => {
    const t1 = Math.max(0, Math.min(duration, t0));
    nowRef.current = t1;
    setNow(t1);
    if (audio) audio.currentTime = t1;
  };
  const toggle = () => {
    if (!audio) return;
    if (audio.paused) void audio.play(); else audio.pause();
  };
  const changeSpeed = (s: number) => {
    setSpeed(s);
    if (audio) audio.playbackRate = s;
  };
  useEffect(() => {
    if (!audio) return;
    let raf = 0;
    const tick = () => {
      nowRef.current = audio.currentTime;
      setNow(audio.currentTime);
      if (!audio.paused) raf = requestAnimationFrame(tick);
    };
    const onPlay = () => { setPlaying(true); raf = requestAnimationFrame(tick); };
    const onPause = () => { setPlaying(false); cancelAnimationFrame(raf); tick(); };
    const onSeek = () => tick();
    audio.addEventListener('play', onPlay);
    audio.addEventListener('pause', onPause);
    audio.addEventListener('seeked', onSeek);
    // in the page, so that tests and assistive tools find the media element
    audioHost.current?.appendChild(audio);
    if (startAt) audio.currentTime = startAt;
    return () => {
      cancelAnimationFrame(raf);
      audio.pause();
      audio.removeEventListener('play', onPlay);
      audio.removeEventListener('pause', onPause);
      audio.removeEventListener('seeked', onSeek);
      audio.removeAttribute('src');
    };
  }, [audio]);
  // keyboard: space, ← →, [ ]
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement)?.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === ' ' && tag !== 'BUTTON' && tag !== 'A') { toggle(); e.preventDefault(); }
      else if (e.key === 'ArrowLeft') { seek(nowRef.current - 5); e.preventDefault(); }
      else if (e.key === 'ArrowRight') { seek(nowRef.current + 5); e.preventDefault(); }
      else if (e.key === '[') changeSpeed(SPEEDS[Math.max(0, SPEEDS.indexOf(speed) - 1)]);
      else if (e.key === ']') changeSpeed(SPEEDS[Math.min(SPEEDS.length - 1, SPEEDS.indexOf(speed) + 1)]);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [audio, speed, duration]);

  const score5 = scoreOf5(c.score, c.score_max);
  const roles = tl?.channels.map((ch) => ch.role) ?? [];
  return (
    <div class="callcard">
      <header class="call-head">
        <div>
          <h1>{c.call_id}</h1>
          <div class="muted">
            {dateTime(c.started_at)} · {c.operator_name || c.operator_id} ({c.operator_id}) · {c.department} · {c.queue} · {t(c.direction)} · {clock(c.duration_seconds)}
          </div>
        </div>
        <div class="score-big" title={t('Score')}>
          <div class="kpi-title">{t('Score')}</div>
          <div class="kpi-value" id="call-score">{formatValue(score5, 'score', locale())}</div>
        </div>
      </header>
      <Card>
        {canListen && audio ? (
          <>
            <div hidden ref={audioHost} />
            <div class="player" role="group" aria-label="player">
              <button type="button" id="play" onClick={toggle} aria-pressed={playing}>{playing ? '❚❚ ' + t('Pause') : '▶ ' + t('Play')}</button>
              <button type="button" onClick={() => seek(nowRef.current - 5)} aria-label={t('Back 5 s')}>−5 s</button>
              <button type="button" onClick={() => seek(nowRef.current + 5)} aria-label={t('Forward 5 s')}>+5 s</button>
              <label>{t('Speed')}
                <select id="speed" value={String(speed)} onChange={(e) => changeSpeed(Number(e.currentTarget.value))}>
                  {SPEEDS.map((s) => <option value={String(s)}>{s}×</option>)}
                </select>
              </label>
              <span class="mono" id="position">{clockTenths(now)} / {clock(duration)}</span>
              <span class="muted small">{t('Keyboard')}: {t('space play/pause, ← → 5 s, [ ] speed')}</span>
            </div>
            <Waveform media={audio} url={audioURL(c.call_id)} duration={duration} roles={roles} marks={{ silences: sil, overtalk: tl?.overtalk ?? [], holds: tl?.holds ?? [] }} />
          </>
        ) : (
          <p class="muted" id="no-audio">{!user.listen ? t('No audio: you have no permission to listen') : t('No audio in storage')}</p>
        )}
        {tl ? <Lanes tl={tl} silences={sil} hits={hits} now={now} onSeek={seek} /> : <p class="muted">{t('no timeline for this call')}</p>}
      </Card>
      <div class="call-body">
        <Card title={t('Transcript')}>
          <Transcript c={c} now={now} onSeek={seek} />
        </Card>
        <div class="call-side">
          <Card title={`${t('Hits')} (${hits.length})`}>
            <HitList hits={hits} onSeek={seek} />
          </Card>
          <Card title={t('Criteria')}>
            <Criteria c={c} onSeek={seek} />
          </Card>
          <Card title={t('Parameters')}>
            <Parameters c={c} />
          </Card>
          <Card title={t('Metadata')}>
            <Metadata c={c} />
          </Card>
        </div>
      </div>
    </div>
  );
}

// Lanes is the timeline of the call: speech of each side on its lane, the
// silences over 3 s, overtalk and holds across both, hits as ticks, and
// the playhead. A click seeks.
function Lanes({ tl, silences: sil, hits, now, onSeek }: { tl: Timeline; silences: Interval[]; hits: Hit[]; now: number; onSeek: (t: number) => void }) {
  const d = tl.duration || 1;
  const W = 1000;
  const laneH = 16;
  const n = Math.max(1, tl.channels.length);
  const H = n * (laneH + 6) + 14;
  const x = (s: number) => (s / d) * W;
  const click = (e: MouseEvent) => {
    const r = (e.currentTarget as SVGElement).getBoundingClientRect();
    onSeek(((e.clientX - r.left) / r.width) * d);
  };
  return (
    <div class="lanes">
      <div class="lane-labels">{tl.channels.map((c) => <div>{t(c.role)}</div>)}</div>
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" onClick={click} role="img" aria-label="timeline">
        {sil.map((s) => <rect x={x(s.start)} y={0} width={x(s.end) - x(s.start)} height={H - 12} fill={MARK_COLORS.silence}><title>{t('silence')} {clock(s.end - s.start)}</title></rect>)}
        {tl.holds.map((s) => <rect x={x(s.start)} y={0} width={x(s.end) - x(s.start)} height={H - 12} fill={MARK_COLORS.hold}><title>{t('hold')}</title></rect>)}
        {tl.channels.map((c, i) => c.speech.map((s) => (
          <rect x={x(s.start)} y={i * (laneH + 6) + 2} width={Math.max(1, x(s.end) - x(s.start))} height={laneH} fill={i === 0 ? '#3b6fb6' : '#c0504d'} rx={2} />
        )))}
        {tl.overtalk.map((s) => <rect x={x(s.start)} y={0} width={Math.max(2, x(s.end) - x(s.start))} height={H - 12} fill={MARK_COLORS.overtalk}><title>{t('overtalk')}</title></rect>)}
        {hits.map((h) => <rect x={x(h.start)} y={H - 11} width={Math.max(3, x(h.end) - x(h.start))} height={8} fill={categoryColor(h.category)}><title>{h.category}: {h.text}</title></rect>)}
        <line x1={x(now)} x2={x(now)} y1={0} y2={H} stroke="#111" stroke-width={2} />
      </svg>
      <div class="legend small">
        <span><i style={{ background: '#3b6fb6' }} />{t('operator')}</span>
        <span><i style={{ background: '#c0504d' }} />{t('client')}</span>
        <span><i style={{ background: MARK_COLORS.silence }} />{t('silence')} &gt; 3 s</span>
        <span><i style={{ background: MARK_COLORS.overtalk }} />{t('overtalk')}</span>
        <span><i style={{ background: MARK_COLORS.hold }} />{t('hold')}</span>
      </div>
    </div>
  );
}

// Transcript renders the turns once; the word being spoken is lit by
// toggling a class on its element, so playing a long call does not redraw
// thousands of words each frame. A long call's turns are drawn in chunks:
// the first at once, the rest in the following tasks, so the card is
// interactive before the last turn of a 30-minute call is in the page.
const CHUNK = 60;

function Transcript({ c, now, onSeek }: { c: CallDetail; now: number; onSeek: (t: number) => void }) {
  const hits = c.hits ?? [];
  const ts = useMemo(() => turns(c.segments ?? [], c.timeline), [c]);
  useDrawn(true);
  const host = useRef<HTMLDivElement>(null);
  const lit = useRef<HTMLElement[]>([]);
  // each chunk's element is made once: Preact skips an unchanged element
  const chunks = useMemo(() => {
    const out = [];
    for (let i = 0; i < ts.length; i += CHUNK) {
      out.push(<div class="turns">{ts.slice(i, i + CHUNK).map((turn) => <TurnView turn={turn} hits={hits} onSeek={onSeek} />)}</div>);
    }
    return out;
  }, [ts]); // onSeek reads refs and stable values only
  const [shown, setShown] = useState(1);
  useEffect(() => {
    if (shown >= chunks.length) return;
    const id = setTimeout(() => setShown(shown + 1), 0);
    return () => clearTimeout(id);
  }, [shown, chunks]);
  useEffect(() => {
    const next: HTMLElement[] = [];
    for (const ch of c.timeline?.channels ?? []) {
      const i = wordAt(ch.words, now);
      if (i >= 0) {
        const el = host.current?.querySelector<HTMLElement>(`[data-w="${ch.role}/${i}"]`);
        if (el) next.push(el);
      }
    }
    // without word times, the segment being spoken is lit
    if (!next.length && host.current) {
      for (const turn of ts) {
        if (turn.start > now) break;
        for (const sg of turn.segments) {
          if (sg.start <= now && now < sg.end) {
            const el = host.current.querySelector<HTMLElement>(`[data-seg="${sg.index}"]`);
            if (el) next.push(el);
          }
        }
      }
    }
    for (const el of lit.current) if (!next.includes(el)) el.classList.remove('lit');
    for (const el of next) {
      if (!el.classList.contains('lit')) {
        el.classList.add('lit');
        const box = host.current;
        if (box) {
          const r = el.getBoundingClientRect();
          const b = box.getBoundingClientRect();
          if (r.top < b.top || r.bottom > b.bottom) el.scrollIntoView({ block: 'center' });
        }
      }
    }
    lit.current = next;
  }, [now, shown >= chunks.length]);
  return useMemo(() => (
    <div class="transcript" ref={host} id="transcript" data-complete={shown >= chunks.length ? 'true' : undefined}>
      {ts.length === 0 && <p class="muted">{t('Nothing found')}</p>}
      {chunks.slice(0, shown)}
    </div>
  ), [chunks, shown]);
}

// enter runs f on Enter: words and segments are focusable (Tab), and Enter
// seeks to them as a click does.
const enter = (f: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter') { f(); e.preventDefault(); }
};

function TurnView({ turn, hits, onSeek }: { turn: Turn; hits: Hit[]; onSeek: (t: number) => void }) {
  return (
    <div class={'turn turn-' + turn.channel}>
      <button type="button" class="turn-time ghost" onClick={() => onSeek(turn.start)} title={t(turn.channel)}>
        <b>{t(turn.channel)}</b> <span class="mono">{clock(turn.start)}</span>
      </button>
      <p>
        {turn.words.length > 0
          ? turn.words.map((w) => {
            const h = hitOf(w, hits);
            return (
              <>
                <span class={'word' + (h ? ' hit' : '')} data-w={`${w.channel}/${w.index}`} data-start={w.start} tabIndex={0}
                  style={h ? { background: categoryColor(h.category) + '33', borderBottom: '2px solid ' + categoryColor(h.category) } : undefined}
                  title={h ? h.category : undefined} onClick={() => onSeek(w.start)} onKeyDown={enter(() => onSeek(w.start))}>{w.w}</span>{' '}
              </>
            );
          })
          : turn.segments.map((sg) => (
            <>
              <span class="seg" data-seg={sg.index} data-start={sg.start} tabIndex={0} onClick={() => onSeek(sg.start)} onKeyDown={enter(() => onSeek(sg.start))}>
                {textParts(sg.text, hits.filter((h) => (h.channel === turn.channel || h.channel === 'mixed') && h.start < sg.end + 0.05 && h.end > sg.start - 0.05)).map((p) =>
                  p.hit ? <mark style={{ background: categoryColor(p.hit.category) + '33', borderBottom: '2px solid ' + categoryColor(p.hit.category) }}
                    title={p.hit.category} onClick={(e) => { e.stopPropagation(); onSeek(p.hit!.start); }}>{p.text}</mark> : <span>{p.text}</span>)}
              </span>{' '}
            </>
          ))}
      </p>
    </div>
  );
}

function HitList({ hits, onSeek }: { hits: Hit[]; onSeek: (t: number) => void }) {
  if (!hits.length) return <p class="muted">{t('No hits')}</p>;
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  return (
    <ul class="hits" id="hits">
      {sorted.map((h) => (
        <li>
          <button type="button" class="ghost hit-button" data-hit-start={h.start} onClick={() => onSeek(h.start)}>
            <span class="dot" style={{ background: categoryColor(h.category) }} />
            <span class="mono">{clock(h.start)}</span> <b>{h.category}</b>{isModelHit(h) && <span class="tag" title={t('Found by a trained model, not by a phrase of the dictionary')}> {t('model')}</span>} «{h.text}» <span class="muted">{t(h.channel)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function Criteria({ c, onSeek }: { c: CallDetail; onSeek: (t: number) => void }) {
  const cs = c.criteria ?? [];
  if (!cs.length) return <p class="muted">{t('unknown')}</p>;
  const icon = (o: string) => (o === 'passed' ? '✓' : o === 'failed' ? '✗' : '–');
  return (
    <ul class="criteria">
      {cs.map((k) => (
        <li class={'outcome-' + k.outcome.replace('/', '')}>
          <span class="icon" aria-hidden="true">{icon(k.outcome)}</span>
          <div>
            <div>{k.text || k.id} <span class="muted small">({t(k.outcome)}, ×{k.weight})</span></div>
            {k.evidence && (k.start != null
              ? <button type="button" class="ghost evidence" data-start={k.start} onClick={() => onSeek(k.start!)}>{clock(k.start)} · {k.evidence}</button>
              : <div class="muted small">{k.evidence}</div>)}
          </div>
        </li>
      ))}
    </ul>
  );
}

function Parameters({ c }: { c: CallDetail }) {
  const groups = grouped(c.parameters ?? {});
  return (
    <div class="params" id="parameters">
      {c.channels === 1 && <p class="muted small">{t('Mono recording: per-side values are unknown')}</p>}
      {groups.map((g) => (
        <>
          <h3>{t(g.title)}</h3>
          <table class="plain"><tbody>
            {g.rows.map((r) => (
              <tr title={r.description}>
                <th>{r.name}</th>
                <td class={'num' + (r.value === undefined ? ' muted' : '')}>{formatParam(r.value, r.unit, lang(), t('unknown'))}</td>
              </tr>
            ))}
          </tbody></table>
        </>
      ))}
    </div>
  );
}

function Metadata({ c }: { c: CallDetail }) {
  const row = (k: string, v: preact.ComponentChild) => <tr><th>{k}</th><td>{v ?? UNKNOWN}</td></tr>;
  return (
    <table class="plain meta"><tbody>
      {row(t('Operator'), <a href={href('calls', { slice: [`operator=${c.operator_id}`] })}>{c.operator_name || c.operator_id}</a>)}
      {row(t('Department'), c.department)}
      {row(t('Queue'), c.queue)}
      {row(t('Language'), c.language)}
      {row(t('Client'), c.client_hash ? <a href={href('calls', { filter: `client = ${c.client_hash}` })}>{c.client_hash.slice(0, 12)}…</a> : t('unknown'))}
      {row(t('CSAT'), c.csat_score == null ? t('unknown') : `${c.csat_score} / ${c.csat_scale ?? '?'}`)}
      {Object.entries(c.tags ?? {}).map(([k, v]) => row(k, v))}
      {row(t('Analysed'), dateTime(c.analyzed_at))}
      {row(t('Dictionary version'), c.dictionary_version || t('unknown'))}
      {row(t('Scoring profile'), c.score_profile ? `${c.score_profile} ${c.score_profile_version ? '(' + c.score_profile_version.slice(0, 12) + ')' : ''}` : t('unknown'))}
      {row(t('ASR'), `${c.asr_adapter}${c.asr_model ? ' / ' + c.asr_model : ''}`)}
      {row('object', <span class="mono small">{c.object_key}</span>)}
    </tbody></table>
  );
}
