package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"

	"github.com/callscope/callscope/schemas"
)

// badVoice says the one word of the hostile inputs that hold real audio.
var badVoice = voice{"ru+m3", 45, 180}

// badCase is one hostile input: a recording and, where it matters, its
// sidecar and transcript. testdata/README.md documents the expected stage
// and reason of each failure.
type badCase struct {
	name       string
	wav        []byte
	sidecar    []byte // nil: none
	transcript []byte // nil: none
}

// writeBad writes the hostile inputs. They are tiny (a fraction of a
// second) and each breaks exactly one thing.
func writeBad(dir string, syn *synth) error {
	word, err := syn.speak(badVoice, "Алло")
	if err != nil {
		return err
	}
	// The speech starts at 50 ms on the left (operator) channel of a 0.5 s
	// recording; the right channel has line noise only.
	const totalMS, startMS = 500, 50
	left := make([]int16, totalMS*perMS)
	right := make([]int16, totalMS*perMS)
	if len(word) > len(left)-startMS*perMS {
		word = word[:len(left)-startMS*perMS]
	}
	copy(left[startMS*perMS:], word)
	addLineNoise(left, "bad", 0)
	addLineNoise(right, "bad", 1)
	good := encodePCM16(interleave([][]int16{left, right}), 2, sampleRate)
	pcm := good[44:]

	endMS := startMS + (len(word)+perMS-1)/perMS
	transcript := func(name string, end, duration float64) []byte {
		tr := schemas.Transcript{
			CallID: "bad-" + name, Language: "ru", Duration: duration,
			ASR: schemas.ASRInfo{Adapter: "import", Model: "espeak-script"},
			Channels: []schemas.TranscriptChannel{
				{Role: schemas.RoleOperator, Segments: []schemas.Segment{{Start: ms(startMS), End: end, Text: "Алло"}}},
				{Role: schemas.RoleClient, Segments: []schemas.Segment{}},
			},
		}
		b, _ := marshal(tr)
		return b
	}
	sidecar := func(name string) []byte {
		b, _ := marshal(schemas.Metadata{
			CallID: "bad-" + name, StartedAt: at(20, 18, 0), Direction: "inbound", Language: "ru",
			Operator: schemas.Operator{ID: "op-11", Name: "Анна Петрова", Department: "Поддержка"},
			Tags:     map[string]string{"scenario": "bad/" + name},
		})
		return b
	}
	valid := func(name string, wav []byte) badCase {
		return badCase{name: name, wav: wav, sidecar: sidecar(name), transcript: transcript(name, ms(endMS), ms(totalMS))}
	}

	var cases []badCase

	cases = append(cases, badCase{name: "empty", wav: []byte{}, sidecar: sidecar("empty")})

	cases = append(cases, badCase{name: "not_wav_text", sidecar: sidecar("not_wav_text"),
		wav: []byte("This is not a WAV file. It is a text note that was saved with a .wav name.\n")})

	cases = append(cases, badCase{name: "not_wav_mp3", sidecar: sidecar("not_wav_mp3"), wav: fakeMP3()})

	// Cut inside the fmt chunk: RIFF header, "fmt ", its size, and 10 of
	// its 16 bytes.
	cases = append(cases, badCase{name: "truncated_fmt", sidecar: sidecar("truncated_fmt"), wav: good[:30]})

	// The header promises 2 s, the file holds 0.5 s and half a frame more.
	{
		var b bytes.Buffer
		writeHeader(&b, wavHeader{format: 1, channels: 2, rate: sampleRate, bits: 16, dataLen: 4 * len(pcm)})
		b.Write(pcm)
		b.WriteByte(pcm[0])
		cases = append(cases, valid("truncated_data", b.Bytes()))
	}

	// Sizes near 4 GiB: a decoder that allocates what the header says dies.
	{
		var b bytes.Buffer
		writeHeader(&b, wavHeader{format: 1, channels: 2, rate: sampleRate, bits: 16, dataLen: 0xFFFFFFF0, riffLen: 0xFFFFFFFF})
		b.Write(pcm)
		cases = append(cases, valid("data_size_huge", b.Bytes()))
	}

	// IMA ADPCM (format tag 0x11): a real codec, not one callscope decodes.
	{
		var b bytes.Buffer
		writeHeader(&b, wavHeader{format: 0x11, channels: 2, rate: sampleRate, bits: 4, dataLen: 2000})
		b.Write(bytes.Repeat([]byte{0x17, 0x71}, 1000))
		cases = append(cases, valid("unsupported_format", b.Bytes()))
	}

	// Three channels of valid PCM16: operator, client and a third party.
	{
		third := make([]int16, len(left))
		addLineNoise(third, "bad", 2)
		n := 300 * perMS // 0.3 s keeps it under 20 KB
		wav := encodePCM16(interleave([][]int16{left[:n], right[:n], third[:n]}), 3, sampleRate)
		c := valid("three_channels", wav)
		c.transcript = transcript("three_channels", min(ms(endMS), 0.3), 0.3)
		cases = append(cases, c)
	}

	{
		c := valid("bad_sidecar_syntax", good)
		c.sidecar = []byte("{\n  \"call_id\": \"bad-bad_sidecar_syntax\",\n  \"operator\": {\"id\": \"op-11\",}\n  \"language\": \"ru\"\n}\n")
		cases = append(cases, c)
	}
	{
		c := valid("bad_sidecar_types", good)
		c.sidecar = []byte("{\n  \"call_id\": \"bad-bad_sidecar_types\",\n  \"started_at\": \"yesterday\",\n  \"wait_seconds\": \"long\"\n}\n")
		cases = append(cases, c)
	}
	{
		c := valid("bad_channel_map", good)
		c.sidecar = []byte("{\n  \"call_id\": \"bad-bad_channel_map\",\n  \"channels\": {\"left\": \"agent\", \"right\": \"client\"}\n}\n")
		cases = append(cases, c)
	}
	{
		c := valid("bad_transcript", good)
		full := transcript("bad_transcript", ms(endMS), ms(totalMS))
		c.transcript = full[:len(full)/2] // cut mid-document: a JSON syntax error
		cases = append(cases, c)
	}
	cases = append(cases, valid("transcript_mismatch", good))
	cases[len(cases)-1].transcript = transcript("transcript_mismatch", 95, ms(totalMS))
	{
		c := valid("no_transcript", good)
		c.transcript = nil
		cases = append(cases, c)
	}

	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var files []file
	for _, c := range cases {
		files = append(files, file{c.name + ".wav", c.wav})
		if c.sidecar != nil {
			files = append(files, file{c.name + ".json", c.sidecar})
		}
		if c.transcript != nil {
			files = append(files, file{c.name + ".transcript.json", c.transcript})
		}
	}
	return replaceFiles(dir, files)
}

// fakeMP3 is an ID3v2.4 tag followed by MPEG-1 Layer III frame headers
// (128 kbit/s, 44.1 kHz) with empty frames: what an MP3 renamed to .wav
// starts with.
func fakeMP3() []byte {
	var b bytes.Buffer
	b.Write([]byte{'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0})
	frame := make([]byte, 417)
	binary.BigEndian.PutUint32(frame, 0xFFFB9064)
	for range 3 {
		b.Write(frame)
	}
	return b.Bytes()
}

// replaceFiles writes files into dir and removes the .wav and .json files
// there that the generator no longer makes, so a renamed call leaves no
// stale copy behind.
func replaceFiles(dir string, files []file) error {
	keep := map[string]bool{}
	for _, f := range files {
		keep[f.name] = true
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, 0o644); err != nil {
			return err
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if e.Type().IsRegular() && (ext == ".wav" || ext == ".json") && !keep[e.Name()] {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return fmt.Errorf("remove stale %s: %w", e.Name(), err)
			}
		}
	}
	return nil
}
