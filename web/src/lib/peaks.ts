// Peaks of a WAV recording, read as it streams in: for each of `buckets`
// stretches of the call, the highest and lowest sample of each channel.
// The waveform is drawn from them, so the browser never decodes the whole
// recording (a 30-minute call decodes to ~700 MB of 48 kHz float samples
// in WebAudio; its peaks are a few tens of KB). Reads the formats
// callscope takes in (PCM 8/16/24/32-bit, IEEE float, A-law, mu-law).

export interface Peaks {
  channels: number;
  sampleRate: number;
  duration: number; // seconds
  // per channel: max and min of each bucket, interleaved (max0, min0, max1, min1...), in -1..1
  data: Float32Array[];
}

interface Format { tag: number; channels: number; rate: number; bits: number; block: number }

export class PeakScanner {
  private head = new Uint8Array(0);
  private fmt: Format | null = null;
  private dataLeft = -1; // bytes of the data chunk still to come; -1 before it
  private frames = 0; // frames in the data chunk
  private perBucket = 1;
  private frame = 0; // frames seen
  private carry = new Uint8Array(0); // a frame split between chunks
  private max: Float32Array[] = [];
  private min: Float32Array[] = [];
  private decode: (b: Uint8Array, at: number) => number = () => 0;

  constructor(private buckets = 4000) {}

  // push feeds the next bytes of the file. Throws on a file it cannot read.
  push(chunk: Uint8Array): void {
    if (this.dataLeft < 0) {
      const all = new Uint8Array(this.head.length + chunk.length);
      all.set(this.head);
      all.set(chunk, this.head.length);
      const at = this.parseHeader(all);
      if (at < 0) {
        if (all.length > 1 << 20) throw new Error('wav: no data chunk in the first MB');
        this.head = all;
        return;
      }
      this.head = new Uint8Array(0);
      chunk = all.subarray(at);
    }
    this.scan(chunk);
  }

  // parseHeader finds the fmt and data chunks; the offset of the samples, or -1 for more bytes.
  private parseHeader(b: Uint8Array): number {
    if (b.length < 12) return -1;
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const tag4 = (o: number) => String.fromCharCode(b[o], b[o + 1], b[o + 2], b[o + 3]);
    if (tag4(0) !== 'RIFF' || tag4(8) !== 'WAVE') throw new Error('wav: not a RIFF/WAVE file');
    for (let at = 12; at + 8 <= b.length;) {
      const id = tag4(at);
      const size = v.getUint32(at + 4, true);
      const body = at + 8;
      if (id === 'fmt ') {
        if (body + 16 > b.length) return -1;
        let tag = v.getUint16(body, true);
        const bits = v.getUint16(body + 14, true);
        if (tag === 0xfffe && size >= 40 && body + 26 <= b.length) tag = v.getUint16(body + 24, true); // WAVE_FORMAT_EXTENSIBLE
        this.fmt = { tag, channels: v.getUint16(body + 2, true), rate: v.getUint32(body + 4, true), bits, block: v.getUint16(body + 12, true) };
      } else if (id === 'data') {
        const f = this.fmt;
        if (!f) throw new Error('wav: data before fmt');
        this.start(f, size);
        return body;
      }
      at = body + size + (size & 1);
    }
    return -1;
  }

  private start(f: Format, size: number) {
    if (!f.channels || !f.rate || !f.block) throw new Error('wav: bad fmt chunk');
    const fns: Record<string, (b: Uint8Array, o: number) => number> = {
      '1/8': (b, o) => (b[o] - 128) / 128,
      '1/16': (b, o) => ((b[o] | (b[o + 1] << 8)) << 16 >> 16) / 32768,
      '1/24': (b, o) => ((b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) << 8 >> 8) / 8388608,
      '1/32': (b, o) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) / 2147483648,
      '3/32': (b, o) => new DataView(b.buffer, b.byteOffset + o, 4).getFloat32(0, true),
      '6/8': (b, o) => ALAW[b[o]],
      '7/8': (b, o) => ULAW[b[o]],
    };
    const fn = fns[`${f.tag}/${f.bits}`];
    if (!fn) throw new Error(`wav: format ${f.tag} with ${f.bits} bits is not drawn`);
    this.decode = fn;
    this.fmt = f;
    this.dataLeft = size;
    this.frames = Math.floor(size / f.block);
    this.perBucket = Math.max(1, Math.ceil(this.frames / this.buckets));
    const n = Math.ceil(this.frames / this.perBucket);
    for (let c = 0; c < f.channels; c++) {
      this.max.push(new Float32Array(n).fill(-Infinity));
      this.min.push(new Float32Array(n).fill(Infinity));
    }
  }

  private scan(chunk: Uint8Array) {
    const f = this.fmt!;
    if (chunk.length > this.dataLeft) chunk = chunk.subarray(0, this.dataLeft);
    this.dataLeft -= chunk.length;
    let b = chunk;
    if (this.carry.length) {
      b = new Uint8Array(this.carry.length + chunk.length);
      b.set(this.carry);
      b.set(chunk, this.carry.length);
    }
    const whole = b.length - (b.length % f.block);
    const bytes = f.bits >> 3;
    const dec = this.decode;
    for (let o = 0; o < whole; o += f.block) {
      const k = Math.floor(this.frame / this.perBucket);
      for (let c = 0; c < f.channels; c++) {
        const s = dec(b, o + c * bytes);
        if (s > this.max[c][k]) this.max[c][k] = s;
        if (s < this.min[c][k]) this.min[c][k] = s;
      }
      this.frame++;
    }
    this.carry = b.slice(whole);
  }

  // done says whether the whole data chunk has been read.
  done(): boolean {
    return this.dataLeft === 0;
  }

  // result gives the peaks of what was read (the full call once done).
  result(): Peaks {
    const f = this.fmt;
    if (!f) throw new Error('wav: no data chunk');
    const n = Math.ceil(this.frame / this.perBucket);
    const data = this.max.map((mx, c) => {
      const out = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) {
        out[2 * i] = Number.isFinite(mx[i]) ? mx[i] : 0;
        out[2 * i + 1] = Number.isFinite(this.min[c][i]) ? this.min[c][i] : 0;
      }
      return out;
    });
    return { channels: f.channels, sampleRate: f.rate, duration: this.frames / f.rate, data };
  }
}

// G.711 decoding tables (ITU-T G.711), as -1..1.
const ALAW = new Float32Array(256);
const ULAW = new Float32Array(256);
for (let i = 0; i < 256; i++) {
  let a = i ^ 0x55;
  const seg = (a & 0x70) >> 4;
  let t = (a & 0x0f) << 4;
  t += 8;
  if (seg >= 1) t += 0x100;
  if (seg > 1) t <<= seg - 1;
  ALAW[i] = ((a & 0x80) ? t : -t) / 32768;
  a = ~i & 0xff;
  let u = ((a & 0x0f) << 3) + 0x84;
  u <<= (a & 0x70) >> 4;
  ULAW[i] = ((a & 0x80) ? 0x84 - u : u - 0x84) / 32768;
}

// scanPeaks reads a recording from a stream of bytes.
export async function scanPeaks(body: ReadableStream<Uint8Array>, buckets = 4000): Promise<Peaks> {
  const sc = new PeakScanner(buckets);
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    sc.push(value);
    if (sc.done()) {
      await reader.cancel();
      break;
    }
  }
  return sc.result();
}
