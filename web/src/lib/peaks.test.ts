import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PeakScanner } from './peaks';

// wav builds a RIFF/WAVE file with the given fmt fields and data bytes.
function wav(tag: number, channels: number, rate: number, bits: number, data: Uint8Array, extra = 0): Uint8Array {
  const block = channels * (bits >> 3);
  const b = new Uint8Array(44 + extra + data.length);
  const v = new DataView(b.buffer);
  const s = (o: number, t: string) => [...t].forEach((c, i) => (b[o + i] = c.charCodeAt(0)));
  s(0, 'RIFF'); v.setUint32(4, b.length - 8, true); s(8, 'WAVE');
  s(12, 'fmt '); v.setUint32(16, 16, true); v.setUint16(20, tag, true); v.setUint16(22, channels, true);
  v.setUint32(24, rate, true); v.setUint32(28, rate * block, true); v.setUint16(32, block, true); v.setUint16(34, bits, true);
  let at = 36;
  if (extra) { s(at, 'LIST'); v.setUint32(at + 4, extra - 8, true); at += extra; }
  s(at, 'data'); v.setUint32(at + 4, data.length, true);
  b.set(data, at + 8);
  return b;
}

// feed pushes the file in pieces of n bytes (so headers and frames split).
function feed(sc: PeakScanner, file: Uint8Array, n: number) {
  for (let i = 0; i < file.length; i += n) sc.push(file.subarray(i, i + n));
}

describe('waveform peaks', () => {
  it('reads 16-bit stereo in any chunking, per channel and bucket', () => {
    // 8 frames: left ramps up, right is the negated ramp
    const pcm = new Int16Array(16);
    for (let i = 0; i < 8; i++) { pcm[2 * i] = i * 4096; pcm[2 * i + 1] = -i * 4096; }
    const file = wav(1, 2, 8000, 16, new Uint8Array(pcm.buffer), 20);
    for (const n of [1, 3, 7, 64]) {
      const sc = new PeakScanner(4);
      feed(sc, file, n);
      expect(sc.done()).toBe(true);
      const p = sc.result();
      expect(p.channels).toBe(2);
      expect(p.duration).toBeCloseTo(8 / 8000);
      // bucket k holds frames 2k, 2k+1: max then min
      expect([...p.data[0]]).toEqual([1, 0, 3, 2, 5, 4, 7, 6].map((i) => (i * 4096) / 32768));
      expect([...p.data[1]]).toEqual([0, -1, -2, -3, -4, -5, -6, -7].map((i) => (i * 4096) / 32768 || 0));
    }
  });
  it('decodes G.711 A-law and mu-law', () => {
    const a = new PeakScanner(1);
    a.push(wav(6, 1, 8000, 8, new Uint8Array([0xd5, 0x55, 0x2a])));
    const pa = a.result();
    expect(pa.data[0][0]).toBeCloseTo(8 / 32768); // 0xd5: +8
    expect(pa.data[0][1]).toBeCloseTo(-32256 / 32768); // 0x2a: the lowest
    const u = new PeakScanner(1);
    u.push(wav(7, 1, 8000, 8, new Uint8Array([0xff, 0x00, 0x80])));
    const pu = u.result();
    expect(pu.data[0][0]).toBeCloseTo(32124 / 32768);
    expect(pu.data[0][1]).toBeCloseTo(-32124 / 32768);
  });
  it('refuses what it cannot draw', () => {
    expect(() => new PeakScanner().push(new TextEncoder().encode('not a wav file at all'))).toThrow(/RIFF/);
    expect(() => new PeakScanner().push(wav(2, 1, 8000, 16, new Uint8Array(4)))).toThrow(/not drawn/);
  });
  it('finds the speech of the demo calls where their transcripts say', () => {
    for (const name of ['01_polite_model', '02_complaint', '09_long_hold']) {
      const file = readFileSync(`../testdata/calls/${name}.wav`);
      const tr = JSON.parse(readFileSync(`../testdata/calls/${name}.transcript.json`, 'utf8'));
      const sc = new PeakScanner(1000);
      feed(sc, new Uint8Array(file.buffer, file.byteOffset, file.byteLength), 4096);
      const p = sc.result();
      expect(p.duration).toBeCloseTo(tr.duration, 2);
      tr.channels.forEach((ch: { segments: { start: number; end: number }[] }, c: number) => {
        // the loudest sample between two moments
        const level = (from: number, to: number) => {
          const n = p.data[c].length / 2;
          let m = 0;
          for (let k = Math.floor((from / p.duration) * n); k < Math.ceil((to / p.duration) * n); k++) m = Math.max(m, p.data[c][2 * k]);
          return m;
        };
        const sg = ch.segments[0];
        expect(level(sg.start, sg.end), `${name} ch ${c} speech`).toBeGreaterThan(0.05);
        expect(level(0, 0.3), `${name} ch ${c} before speech`).toBeLessThan(0.01);
      });
    }
  });
});
