// The waveform's peaks, computed off the page's thread: fetches the
// recording (the same URL the player streams, with the session cookie) and
// answers its peaks, or an error message.
import { scanPeaks } from './peaks';

self.onmessage = async (e: MessageEvent<{ url: string; buckets: number }>) => {
  try {
    const r = await fetch(e.data.url, { credentials: 'same-origin' });
    if (!r.ok || !r.body) throw new Error(`audio: HTTP ${r.status}`);
    const p = await scanPeaks(r.body, e.data.buckets);
    (self as unknown as Worker).postMessage({ peaks: p }, p.data.map((d) => d.buffer));
  } catch (err) {
    (self as unknown as Worker).postMessage({ error: String((err as Error)?.message ?? err) });
  }
};
