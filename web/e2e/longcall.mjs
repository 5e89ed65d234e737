// A long call for the e2e tests, made at test time from the shipped demo
// calls (no 100 MB recording in the repository): the two-channel PCM16
// calls of testdata/calls (made by testdata/gen) are laid end to end, with
// a second of silence between them, until the call is `seconds` long. The
// transcript keeps their segments, shifted to where they now are, and
// gives every segment word times: the segment's span shared among its
// words by their length (an estimate, good to a fraction of a second, like
// an ASR's word alignment; the demo transcripts themselves have no words).
//
//   node web/e2e/longcall.mjs DIR [SECONDS]      (default 1800: 30 minutes)
//
// writes DIR/30_long_call.{wav,json,transcript.json}, ready for
// `callscope run DIR`.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const RATE = 8000;
const FRAME = 4; // 16-bit stereo
export const LONG_CALL_ID = '2026-11-21-003000';

// pcm16Stereo returns the data chunk of an 8 kHz 16-bit stereo PCM WAV, or
// null for any other format.
function pcm16Stereo(buf) {
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') return null;
  let fmt = null;
  for (let at = 12; at + 8 <= buf.length;) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ') fmt = { tag: buf.readUInt16LE(body), channels: buf.readUInt16LE(body + 2), rate: buf.readUInt32LE(body + 4), bits: buf.readUInt16LE(body + 14) };
    if (id === 'data') {
      if (!fmt || fmt.tag !== 1 || fmt.channels !== 2 || fmt.rate !== RATE || fmt.bits !== 16) return null;
      return buf.subarray(body, Math.min(buf.length, body + size));
    }
    at = body + size + (size & 1);
  }
  return null;
}

// wordTimes shares a segment's span among its words by their length.
export function wordTimes(seg) {
  const words = seg.text.split(/\s+/).filter(Boolean);
  const weight = words.map((w) => w.length + 1);
  const total = weight.reduce((a, b) => a + b, 0);
  const span = seg.end - seg.start;
  let at = seg.start;
  return words.map((w, i) => {
    const len = (span * weight[i]) / total;
    const word = { w, start: round(at), end: round(at + len * 0.92) };
    at += len;
    return word;
  });
}

const round = (x) => Math.round(x * 1000) / 1000;

export function makeLongCall(root, dir, seconds = 1800) {
  const calls = join(root, 'testdata/calls');
  const sources = [];
  for (const f of readdirSync(calls).filter((n) => n.endsWith('.transcript.json')).sort()) {
    const name = f.replace(/\.transcript\.json$/, '');
    const side = JSON.parse(readFileSync(join(calls, name + '.json'), 'utf8'));
    const tr = JSON.parse(readFileSync(join(calls, f), 'utf8'));
    const pcm = pcm16Stereo(readFileSync(join(calls, name + '.wav')));
    // plain two-channel calls: operator left, client right, no declared holds
    if (!pcm || side.channels || side.holds || tr.channels.map((c) => c.role).join() !== 'operator,client') continue;
    sources.push({ side, tr, pcm });
  }
  if (!sources.length) throw new Error('longcall: no two-channel PCM16 call in testdata/calls');
  const total = Math.round(seconds * RATE) * FRAME;
  const pcm = Buffer.alloc(total); // silence
  const segs = { operator: [], client: [] };
  const gap = RATE * FRAME; // one second
  for (let at = 0, i = 0; ; i++) {
    const s = sources[i % sources.length];
    if (at + s.pcm.length > total) break;
    s.pcm.copy(pcm, at);
    const off = at / FRAME / RATE;
    for (const ch of s.tr.channels) {
      for (const sg of ch.segments) {
        const seg = { start: round(sg.start + off), end: round(sg.end + off), text: sg.text };
        segs[ch.role].push({ ...seg, words: wordTimes(seg) });
      }
    }
    at += s.pcm.length + gap;
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + total, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * FRAME, 28);
  header.writeUInt16LE(FRAME, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(total, 40);
  mkdirSync(dir, { recursive: true });
  const name = '30_long_call';
  writeFileSync(join(dir, name + '.wav'), Buffer.concat([header, pcm]));
  const first = sources[0].side;
  const side = {
    call_id: LONG_CALL_ID, started_at: '2026-11-21T10:00:00+03:00', direction: 'inbound', language: 'ru',
    operator: first.operator, client: { id: '+79265550130' }, queue: first.queue, wait_seconds: 20,
    tags: { scenario: name },
  };
  writeFileSync(join(dir, name + '.json'), JSON.stringify(side, null, 2) + '\n');
  const tr = {
    call_id: LONG_CALL_ID, language: 'ru', duration: seconds, asr: { adapter: 'import', model: 'espeak-script' },
    channels: [{ role: 'operator', segments: segs.operator }, { role: 'client', segments: segs.client }],
  };
  writeFileSync(join(dir, name + '.transcript.json'), JSON.stringify(tr, null, 2) + '\n');
  return { id: LONG_CALL_ID, seconds, segments: segs.operator.length + segs.client.length,
    words: [...segs.operator, ...segs.client].reduce((n, s) => n + s.words.length, 0) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node web/e2e/longcall.mjs DIR [SECONDS]');
    process.exit(2);
  }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  console.log(JSON.stringify(makeLongCall(root, dir, Number(process.argv[3] || 1800))));
}
