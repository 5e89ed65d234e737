package realspeech

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var updateBlind5 = flag.Bool("update-blind5", false, "rewrite blind5.sha256 from the calls the generator makes now")

// blind5Digests is the SHA-256 of every file `gen -wav DIR -split blind5`
// writes (NAME.wav and NAME.truth.json), as sha256sum prints it, so the
// lead can check a directory of them with `sha256sum -c`.
const blind5Digests = "blind5.sha256"

// The reserved split is the same calls at every measure: the same seeds
// give the same bytes, build after build and session after session. The
// digests pin the split as the lead measured it; a change to the generator
// that touches blind5 shows here (rewrite with -update-blind5 only if the
// split may change: the lead's before-and-after figures need the same
// calls).
func TestBlind5Digests(t *testing.T) {
	needSounds(t)
	if testing.Short() {
		t.Skip("builds the 114 blind5 calls")
	}
	var got bytes.Buffer
	for _, sp := range Set() {
		if sp.Split != SplitBlind5 {
			continue
		}
		c, err := Build(sp)
		if errors.Is(err, ErrNoSounds) {
			t.Skip(err) // names the missing package
		}
		if err != nil {
			t.Fatal(err)
		}
		truth, err := json.MarshalIndent(c.Truth, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		// As gen -wav writes them.
		fmt.Fprintf(&got, "%x  %s.wav\n", sha256.Sum256(c.WAV), sp.Name)
		fmt.Fprintf(&got, "%x  %s.truth.json\n", sha256.Sum256(append(truth, '\n')), sp.Name)
	}
	if *updateBlind5 {
		if err := os.WriteFile(blind5Digests, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(blind5Digests)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(got.String(), "\n"); n != 2*3*(3*12+2) { // 3 bases
		t.Errorf("%d files in the blind5 split, want %d", n, 2*3*(3*12+2))
	}
	if !bytes.Equal(got.Bytes(), want) {
		gotLines, wantLines := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
		var differ []string
		for _, l := range gotLines {
			if !slices.Contains(wantLines, l) {
				differ = append(differ, l[strings.LastIndex(l, " ")+1:])
			}
		}
		// The music is decoded by sox and libvorbis, which may round
		// otherwise on another machine: music calls alone differing says
		// that, not a changed generator.
		musicOnly := true
		for _, f := range differ {
			name := strings.TrimSuffix(strings.TrimSuffix(f, ".wav"), ".truth.json")
			if !strings.HasSuffix(name, "-moh") && !strings.HasSuffix(name, "-all") {
				musicOnly = false
			}
		}
		if musicOnly {
			t.Skipf("only music calls differ from %s (%v): this machine's sox or libvorbis decodes the songs otherwise; the other calls are as pinned", blind5Digests, differ)
		}
		t.Errorf("the blind5 split is not the one pinned in %s: %d files differ (%v)", blind5Digests, len(differ), differ)
	}
}

// oggInfo reads what an Ogg Vorbis file declares: the sample rate (the
// Vorbis identification header, the first packet) and the length in
// samples per channel (the granule position of the last page).
func oggInfo(data []byte) (rate int, samples int64, err error) {
	if !bytes.HasPrefix(data, []byte("OggS")) || len(data) < 28 {
		return 0, 0, errors.New("not an Ogg stream")
	}
	// The first page holds the identification packet alone: after the
	// 27-byte page header and its segment table, "\x01vorbis", the
	// version (4 bytes), the channels (1), the rate (4, little-endian).
	id := data[27+int(data[26]):]
	if len(id) < 16 || !bytes.HasPrefix(id, []byte("\x01vorbis")) {
		return 0, 0, errors.New("no Vorbis identification header")
	}
	rate = int(binary.LittleEndian.Uint32(id[12:16]))
	last := bytes.LastIndex(data, []byte("OggS"))
	if last < 0 || len(data) < last+14 {
		return 0, 0, errors.New("no last page")
	}
	return rate, int64(binary.LittleEndian.Uint64(data[last+6 : last+14])), nil
}

// The blind5 music decodes to what the Ogg files declare: each song's
// rate and every sample of it, mono; resample brings it to 8 kHz at the
// length the rates give; the songs played are at -20 dBFS RMS and long
// enough for a hold.
func TestFrozenBubbleSongsDecode(t *testing.T) {
	for _, name := range frozenBubbleSongs {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(FrozenBubbleDir(), name)
			data, err := os.ReadFile(path)
			if errors.Is(err, os.ErrNotExist) {
				t.Skipf("frozen-bubble-data not installed (scripts/setup.sh apt): %v", err)
			}
			if err != nil {
				t.Fatal(err)
			}
			rate, n, err := oggInfo(data)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			s, gotRate, err := decodeOgg(path)
			if errors.Is(err, ErrNoSounds) {
				t.Skip(err)
			}
			if err != nil {
				t.Fatal(err)
			}
			if gotRate != rate || int64(len(s)) != n {
				t.Errorf("decoded %d samples at %d Hz, the file declares %d at %d Hz", len(s), gotRate, n, rate)
			}
			if len(s) < 60*rate {
				t.Errorf("%.1f s: a song, not a sound effect, was expected", float64(len(s))/float64(rate))
			}
			if got, want := len(resample(s, gotRate)), int(n*Rate/int64(rate)); got != want {
				t.Errorf("resampled to %d samples, want %d", got, want)
			}
		})
	}
	songs, err := blind5MOH()
	if errors.Is(err, ErrNoSounds) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(songs) != len(frozenBubbleSongs) {
		t.Fatalf("%d songs, want %d", len(songs), len(frozenBubbleSongs))
	}
	for i, s := range songs {
		if db := rmsDB(s); math.Abs(db+20) > 0.01 || len(s) < 15*Rate {
			t.Errorf("%s: %.2f dBFS RMS over %.1f s, want -20 over at least 15 s", frozenBubbleSongs[i], db, float64(len(s))/Rate)
		}
	}
}

// Without the package, or without sox to decode it, the blind5 music is
// not made and the error says what to install; the split's calls without
// music still build.
func TestBlind5MusicMissing(t *testing.T) {
	needSounds(t)
	for _, tt := range []struct {
		name  string
		setup func(t *testing.T)
		want  string
	}{
		{"no package", func(t *testing.T) { t.Setenv("CALLSCOPE_FROZEN_BUBBLE_DIR", t.TempDir()) }, "frozen-bubble-data"},
		{"no sox", func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(FrozenBubbleDir(), frozenBubbleSongs[0])); err != nil {
				t.Skipf("frozen-bubble-data not installed (scripts/setup.sh apt): %v", err)
			}
			t.Setenv("CALLSCOPE_CACHE", t.TempDir()) // nothing decoded yet
			t.Setenv("PATH", t.TempDir())
		}, "sox"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.setup(t)
			_, err := blind5MOH()
			if !errors.Is(err, ErrNoSounds) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want ErrNoSounds naming %s", err, tt.want)
			}
			sp, _ := Find("ru_es-blind5s20-hold-clean")
			if _, err := Build(sp); err != nil {
				t.Errorf("%s: %v", sp.Name, err)
			}
		})
	}
}

// The music is heard on every blind5 hold: on the operator channel, over
// the hold (its 50 ms fades left out), music on hold brings the level from
// the clean call's digital silence to that of the song, and with the
// line's noise, echo and codec (all) it stays over them.
func TestBlind5HoldMusicAudible(t *testing.T) {
	needSounds(t)
	for _, sp := range Set() {
		if sp.Split != SplitBlind5 || sp.Scenario != Hold || sp.Impairment != "clean" {
			continue
		}
		level := map[string]float64{}
		for _, im := range []string{"clean", "snr20_xtalk25", "moh", "all"} {
			s, _ := Find(strings.TrimSuffix(sp.Name, "clean") + im)
			c, err := Build(s)
			if errors.Is(err, ErrNoSounds) {
				t.Skip(err)
			}
			if err != nil {
				t.Fatal(err)
			}
			h := c.Truth.Holds[0]
			level[im] = rmsDB(c.Channels[0][int(h.Start*Rate)+Rate/20 : int(h.End*Rate)-Rate/20])
		}
		t.Logf("%s: operator's level over the hold: clean %.1f, snr20_xtalk25 %.1f, moh %.1f, all %.1f dBFS", sp.Name, level["clean"], level["snr20_xtalk25"], level["moh"], level["all"])
		if level["clean"] > -90 {
			t.Errorf("%s: the clean hold is at %.1f dBFS, not silent", sp.Name, level["clean"])
		}
		// A piece of 8-14 s of a song at -20 dBFS RMS is within 6 dB of it.
		if level["moh"] < -26 || level["moh"] > -14 {
			t.Errorf("%s: music at %.1f dBFS RMS over the hold, want -20 ± 6", sp.Name, level["moh"])
		}
		if level["all"]-level["snr20_xtalk25"] < 10 {
			t.Errorf("%s: with the line's impairments the hold is at %.1f dBFS with music, %.1f without", sp.Name, level["all"], level["snr20_xtalk25"])
		}
	}
}

// rmsDB is the RMS of s in dBFS (-300 for silence).
func rmsDB(s []float32) float64 {
	var e float64
	for _, v := range s {
		e += float64(v) * float64(v)
	}
	return 10 * math.Log10(e/float64(max(1, len(s)))+1e-30)
}

// The digests file lists every blind5 call, in Set's order, with its
// truth: the list sha256sum -c reads.
func TestBlind5DigestsFileLists(t *testing.T) {
	f, err := os.Open(blind5Digests)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 {
			t.Fatalf("not a sha256sum line: %q", sc.Text())
		}
		names = append(names, name)
	}
	var want []string
	for _, sp := range Set() {
		if sp.Split == SplitBlind5 {
			want = append(want, sp.Name+".wav", sp.Name+".truth.json")
		}
	}
	if !slices.Equal(names, want) {
		t.Errorf("%s lists %d files, want the %d of the blind5 calls in Set's order", blind5Digests, len(names), len(want))
	}
}
