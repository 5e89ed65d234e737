package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
)

// synth speaks text with espeak-ng and reads real recordings, both through
// sox into 8 kHz mono PCM16 with telephone bandwidth and a common level.
type synth struct {
	tmp    string
	sounds string
	cache  map[string][]int16
	seq    int
}

// telephone is the sox effect chain every clip goes through: the 300-3400 Hz
// band of a phone line (a little wider), 8 kHz, peaks at -6 dBFS.
var telephone = []string{"sinc", "200-3400", "rate", "8000", "gain", "-n", "-6"}

// speak synthesizes text in voice v, trimmed to the speech.
func (s *synth) speak(v voice, text string) ([]int16, error) {
	key := fmt.Sprintf("%s/%d/%d/%s", v.name, v.pitch, v.speed, text)
	if clip, ok := s.cache[key]; ok {
		return clip, nil
	}
	s.seq++
	wav := filepath.Join(s.tmp, fmt.Sprintf("tts-%d.wav", s.seq))
	cmd := exec.Command("espeak-ng", "-v", v.name, "-p", strconv.Itoa(v.pitch), "-s", strconv.Itoa(v.speed), "-w", wav, text)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("espeak-ng %q: %w: %s", text, err, out)
	}
	clip, err := toTelephone(wav)
	if err != nil {
		return nil, err
	}
	clip = trimSilence(clip)
	if len(clip) == 0 {
		return nil, fmt.Errorf("espeak-ng said nothing for %q", text)
	}
	if s.cache == nil {
		s.cache = map[string][]int16{}
	}
	s.cache[key] = clip
	return clip, nil
}

// promptGapMS is the pause between consecutive real prompts (digits read
// one by one).
const promptGapMS = 120

// prompts joins real recordings, each trimmed, with short pauses.
func (s *synth) prompts(names []string) ([]int16, error) {
	var out []int16
	for i, name := range names {
		path := filepath.Join(s.sounds, name)
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("real speech %s (apt-get install asterisk-core-sounds-ru-wav): %w", name, err)
		}
		clip, err := toTelephone(path)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			out = append(out, make([]int16, promptGapMS*perMS)...)
		}
		out = append(out, trimSilence(clip)...)
	}
	return out, nil
}

// toTelephone converts an audio file to 8 kHz mono PCM16 samples. -D: no
// dither, which is random and would break byte-identical output.
func toTelephone(path string) ([]int16, error) {
	args := append([]string{"-D", path, "-t", "raw", "-e", "signed-integer", "-b", "16", "-c", "1", "-L", "-"}, telephone...)
	cmd := exec.Command("sox", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	raw, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("sox %s: %w: %s", path, err, stderr.Bytes())
	}
	samples := make([]int16, len(raw)/2)
	for i := range samples {
		samples[i] = int16(binary.LittleEndian.Uint16(raw[2*i:]))
	}
	return samples, nil
}

// trimThreshold is the amplitude (of 32767) taken as speech; espeak-ng pads
// its output with silence, which would shift the transcript's times.
const trimThreshold = 200

// trimMarginMS keeps a little of the quiet onset and decay.
const trimMarginMS = 10

func trimSilence(clip []int16) []int16 {
	first, last := -1, -1
	for i, v := range clip {
		if v > trimThreshold || v < -trimThreshold {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return nil
	}
	first = max(0, first-trimMarginMS*perMS)
	last = min(len(clip)-1, last+trimMarginMS*perMS)
	return clip[first : last+1]
}

// companding re-encodes a PCM16 WAV as G.711 mu-law or A-law with sox, so
// the file has the header layout (fmt extension, fact chunk) that telephony
// tools write.
func (s *synth) companding(pcm []byte, enc encoding) ([]byte, error) {
	s.seq++
	in := filepath.Join(s.tmp, fmt.Sprintf("mix-%d.wav", s.seq))
	out := filepath.Join(s.tmp, fmt.Sprintf("mix-%d-%s.wav", s.seq, enc))
	if err := os.WriteFile(in, pcm, 0o644); err != nil {
		return nil, err
	}
	soxEnc := map[encoding]string{encULaw: "u-law", encALaw: "a-law"}[enc]
	if soxEnc == "" {
		return nil, fmt.Errorf("%w: unknown encoding %q", errScript, enc)
	}
	if b, err := exec.Command("sox", "-D", in, "-e", soxEnc, "-b", "8", out).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("sox %s: %w: %s", soxEnc, err, b)
	}
	return os.ReadFile(out)
}

// encodePCM16 writes a canonical 44-byte-header PCM WAV.
func encodePCM16(samples []int16, channels, rate int) []byte {
	dataLen := 2 * len(samples)
	buf := bytes.NewBuffer(make([]byte, 0, 44+dataLen))
	writeHeader(buf, wavHeader{format: 1, channels: channels, rate: rate, bits: 16, dataLen: dataLen})
	for _, s := range samples {
		_ = binary.Write(buf, binary.LittleEndian, s)
	}
	return buf.Bytes()
}

// wavHeader is what a RIFF/WAVE header says; the hostile inputs in bad.go
// make it lie.
type wavHeader struct {
	format   uint16
	channels int
	rate     int
	bits     int
	dataLen  int // what the data chunk claims
	riffLen  int // 0: computed from dataLen
}

func writeHeader(buf *bytes.Buffer, h wavHeader) {
	le := binary.LittleEndian
	riffLen := h.riffLen
	if riffLen == 0 {
		riffLen = 36 + h.dataLen
	}
	blockAlign := h.channels * h.bits / 8
	buf.WriteString("RIFF")
	_ = binary.Write(buf, le, uint32(riffLen))
	buf.WriteString("WAVEfmt ")
	_ = binary.Write(buf, le, uint32(16))
	_ = binary.Write(buf, le, h.format)
	_ = binary.Write(buf, le, uint16(h.channels))
	_ = binary.Write(buf, le, uint32(h.rate))
	_ = binary.Write(buf, le, uint32(h.rate*blockAlign))
	_ = binary.Write(buf, le, uint16(blockAlign))
	_ = binary.Write(buf, le, uint16(h.bits))
	buf.WriteString("data")
	_ = binary.Write(buf, le, uint32(h.dataLen))
}
