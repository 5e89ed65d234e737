import { useEffect, useRef, useState } from 'preact/hooks';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/plugins/regions';
import TimelinePlugin from 'wavesurfer.js/plugins/timeline';
import type { Interval } from '../lib/api';
import { t } from '../lib/i18n';
import type { Peaks } from '../lib/peaks';

// PEAK_BUCKETS is how many stretches the waveform is drawn from (more than
// the pixels of the widest card).
const PEAK_BUCKETS = 4000;

export interface Marks { silences: Interval[]; overtalk: Interval[]; holds: Interval[] }

export const MARK_COLORS = { silence: 'rgba(120,120,120,0.22)', overtalk: 'rgba(214,39,40,0.30)', hold: 'rgba(31,119,180,0.22)' };

// Waveform draws the recording with wavesurfer.js, one lane per channel
// (operator and client apart), the silences, overtalk and holds as regions,
// and a time ruler. It plays through the page's <audio> element, so playback
// and seeking work (with HTTP Range) before the waveform is drawn.
export function Waveform({ media, url, duration, roles, marks }: { media: HTMLAudioElement; url: string; duration: number; roles: string[]; marks: Marks }) {
  const el = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!el.current) return;
    const regions = RegionsPlugin.create();
    const colors = ['#3b6fb6', '#c0504d'];
    // The same absolute URL as the media element's: wavesurfer then keeps the
    // element streaming it (with Range) rather than swapping in a blob.
    const abs = new URL(url, location.href).href;
    const ws = WaveSurfer.create({
      container: el.current,
      media,
      // Flat until the peaks come: with peaks and a duration wavesurfer
      // neither fetches nor decodes the recording itself.
      peaks: roles.map(() => new Float32Array(2)),
      duration: duration > 0 ? duration : 1,
      height: roles.length > 1 ? 56 : 80,
      normalize: true,
      cursorColor: '#111',
      cursorWidth: 2,
      dragToSeek: true,
      splitChannels: roles.length > 1 ? roles.map((_, i) => ({ waveColor: colors[i % 2], progressColor: colors[i % 2] + '99' })) : undefined,
      waveColor: '#3b6fb6',
      progressColor: '#3b6fb699',
      plugins: [regions, TimelinePlugin.create({ height: 18 })],
    });
    const drawn = () => {
      setReady(true);
      for (const s of marks.silences) regions.addRegion({ start: s.start, end: s.end, color: MARK_COLORS.silence, drag: false, resize: false });
      for (const s of marks.overtalk) regions.addRegion({ start: s.start, end: s.end, color: MARK_COLORS.overtalk, drag: false, resize: false });
      for (const s of marks.holds) regions.addRegion({ start: s.start, end: s.end, color: MARK_COLORS.hold, drag: false, resize: false });
    };
    // The peaks are read from the recording in a worker as it streams in,
    // never decoding it whole (a long call would cost seconds and hundreds
    // of MB); a format the worker cannot read falls back to wavesurfer's
    // own decoding.
    const worker = new Worker(new URL('../lib/peaks.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ peaks?: Peaks; error?: string }>) => {
      worker.terminate();
      const p = e.data.peaks;
      ws.once('decode', drawn);
      if (p && p.duration > 0) void ws.load(abs, p.data, p.duration).catch(() => {});
      else void ws.load(abs).catch(() => {});
    };
    worker.postMessage({ url: abs, buckets: PEAK_BUCKETS });
    ws.on('error', (e) => setError(String(e)));
    return () => { worker.terminate(); ws.destroy(); };
  }, [media, url]);
  return (
    <div class="waveform-wrap">
      <div class="lane-labels" aria-hidden="true">{roles.map((r) => <div>{t(r)}</div>)}</div>
      <div class="waveform" ref={el} aria-label="waveform" />
      {!ready && !error && <div class="muted small">{t('Waveform loading…')}</div>}
      {error && <div class="error small">{error}</div>}
    </div>
  );
}
