package realspeech

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
)

// The checks a reserved split with music decoded from a package's Ogg
// Vorbis songs needs (blind5 to blind8): its calls pinned by digests, the
// songs decoded as the files declare, a missing package or decoder named,
// the music heard on every hold; and, for the splits whose voices speak
// only prompts no earlier split plays (blind7, blind8), that they do.

// testSplitDigests builds every call of split and compares the SHA-256 of
// every file `gen -wav DIR -split SPLIT` would write (NAME.wav and
// NAME.truth.json), as sha256sum prints them, with digestsFile; update
// rewrites digestsFile first.
func testSplitDigests(t *testing.T, split, digestsFile string, update bool) {
	needSounds(t)
	if testing.Short() {
		t.Skipf("builds the 114 %s calls", split)
	}
	var got bytes.Buffer
	for _, sp := range Set() {
		if sp.Split != split {
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
	if update {
		if err := os.WriteFile(digestsFile, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(digestsFile)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(got.String(), "\n"); n != 2*3*(3*12+2) { // 3 bases
		t.Errorf("%d files in the %s split, want %d", n, split, 2*3*(3*12+2))
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
			t.Skipf("only music calls differ from %s (%v): this machine's sox or libvorbis decodes the songs otherwise; the other calls are as pinned", digestsFile, differ)
		}
		t.Errorf("the %s split is not the one pinned in %s: %d files differ (%v)", split, digestsFile, len(differ), differ)
	}
}

// testDigestsFileLists checks that digestsFile lists every call of split,
// in Set's order, with its truth: the list sha256sum -c reads.
func testDigestsFileLists(t *testing.T, split, digestsFile string) {
	f, err := os.Open(digestsFile)
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
		if sp.Split == split {
			want = append(want, sp.Name+".wav", sp.Name+".truth.json")
		}
	}
	if !slices.Equal(names, want) {
		t.Errorf("%s lists %d files, want the %d of the %s calls in Set's order", digestsFile, len(names), len(want), split)
	}
}

// oggDecl is what an Ogg Vorbis file declares.
type oggDecl struct {
	rate    int   // the sample rate
	samples int64 // the length in samples per channel
	// longBlock is the long block size in samples; audioOnHeaderPage says
	// that the encoder put audio packets on the page that ends the
	// headers, which the Vorbis I specification forbids (the first audio
	// packet begins a fresh page): sox (libvorbisfile) then decodes up to
	// a long block fewer samples than the last page declares.
	longBlock         int
	audioOnHeaderPage bool
}

// oggInfo reads what an Ogg Vorbis file declares: the sample rate and the
// block sizes (the Vorbis identification header, the first packet), the
// length in samples per channel (the granule position of the last page),
// and whether the page on which the third header packet ends carries
// audio packets too.
func oggInfo(data []byte) (oggDecl, error) {
	if !bytes.HasPrefix(data, []byte("OggS")) || len(data) < 28 {
		return oggDecl{}, errors.New("not an Ogg stream")
	}
	// The first page holds the identification packet alone: after the
	// 27-byte page header and its segment table, "\x01vorbis", the
	// version (4 bytes), the channels (1), the rate (4, little-endian),
	// three bitrates (12), the two block sizes' exponents (a byte).
	id := data[27+int(data[26]):]
	if len(id) < 29 || !bytes.HasPrefix(id, []byte("\x01vorbis")) {
		return oggDecl{}, errors.New("no Vorbis identification header")
	}
	d := oggDecl{rate: int(binary.LittleEndian.Uint32(id[12:16])), longBlock: 1 << (id[28] >> 4)}
	last := bytes.LastIndex(data, []byte("OggS"))
	if last < 0 || len(data) < last+14 {
		return oggDecl{}, errors.New("no last page")
	}
	d.samples = int64(binary.LittleEndian.Uint64(data[last+6 : last+14]))
	// Count the packets the pages complete (a lacing value under 255 ends
	// one) up to the page on which the third header packet ends.
	packets := 0
	for at := 0; packets < 3; {
		if len(data) < at+27 || !bytes.Equal(data[at:at+4], []byte("OggS")) {
			return oggDecl{}, errors.New("the headers run past the pages")
		}
		lacing := data[at+27 : min(len(data), at+27+int(data[at+26]))]
		size := 0
		for _, l := range lacing {
			size += int(l)
			if l < 255 {
				packets++
			}
		}
		at += 27 + len(lacing) + size
	}
	d.audioOnHeaderPage = packets > 3
	return d, nil
}

// oggSource is a package of Ogg Vorbis songs a split's music is made of.
type oggSource struct {
	pkg    string // the Debian package
	dirEnv string // the variable that overrides dir
	dir    func() string
	songs  []string
	// minSeconds is the shortest of the package's songs, with a margin:
	// a file shorter is a sound effect, not a song.
	minSeconds int
	load       func() ([][]float32, error) // the split's music
}

// testOggSongsDecode checks that the music decodes to what the Ogg files
// declare: each song's rate and every sample of it, mono; resample brings
// it to 8 kHz at the length the rates give; the songs played are at
// -20 dBFS RMS and long enough for a hold.
func testOggSongsDecode(t *testing.T, src oggSource) {
	for _, name := range src.songs {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(src.dir(), name)
			data, err := os.ReadFile(path)
			if errors.Is(err, os.ErrNotExist) {
				t.Skipf("%s not installed (scripts/setup.sh apt): %v", src.pkg, err)
			}
			if err != nil {
				t.Fatal(err)
			}
			decl, err := oggInfo(data)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			rate, n := decl.rate, decl.samples
			s, gotRate, err := decodeOgg(path)
			if errors.Is(err, ErrNoSounds) {
				t.Skip(err)
			}
			if err != nil {
				t.Fatal(err)
			}
			// Exactly the declared length, or, when the encoder put audio
			// on the header page, less by up to a long block (sox leaves
			// out up to 1728 samples, 39 ms, of five neverball songs).
			short := int64(0)
			if decl.audioOnHeaderPage {
				short = int64(decl.longBlock)
			}
			if gotRate != rate || int64(len(s)) > n || int64(len(s)) < n-short {
				t.Errorf("decoded %d samples at %d Hz, the file declares %d at %d Hz (%d fewer allowed)", len(s), gotRate, n, rate, short)
			}
			if len(s) < src.minSeconds*rate {
				t.Errorf("%.1f s: a song, not a sound effect, was expected", float64(len(s))/float64(rate))
			}
			if got, want := len(resample(s, gotRate)), len(s)*Rate/gotRate; got != want {
				t.Errorf("resampled to %d samples, want %d", got, want)
			}
		})
	}
	songs, err := src.load()
	if errors.Is(err, ErrNoSounds) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(songs) != len(src.songs) {
		t.Fatalf("%d songs, want %d", len(songs), len(src.songs))
	}
	for i, s := range songs {
		if db := rmsDB(s); math.Abs(db+20) > 0.01 || len(s) < 15*Rate {
			t.Errorf("%s: %.2f dBFS RMS over %.1f s, want -20 over at least 15 s", src.songs[i], db, float64(len(s))/Rate)
		}
	}
}

// testMusicMissing checks that without the package, or without sox to
// decode it, the music is not made and the error says what to install,
// and that the split's call holdCall (a hold without music) still builds.
func testMusicMissing(t *testing.T, src oggSource, holdCall string) {
	needSounds(t)
	for _, tt := range []struct {
		name  string
		setup func(t *testing.T)
		want  string
	}{
		{"no package", func(t *testing.T) { t.Setenv(src.dirEnv, t.TempDir()) }, src.pkg},
		{"no sox", func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(src.dir(), src.songs[0])); err != nil {
				t.Skipf("%s not installed (scripts/setup.sh apt): %v", src.pkg, err)
			}
			t.Setenv("CALLSCOPE_CACHE", t.TempDir()) // nothing decoded yet
			t.Setenv("PATH", t.TempDir())
		}, "sox"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.setup(t)
			_, err := src.load()
			if !errors.Is(err, ErrNoSounds) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want ErrNoSounds naming %s", err, tt.want)
			}
			sp, ok := Find(holdCall)
			if !ok {
				t.Fatalf("no call %s", holdCall)
			}
			if _, err := Build(sp); err != nil {
				t.Errorf("%s: %v", sp.Name, err)
			}
		})
	}
}

// testHoldMusicAudible checks that the music is heard on every hold of
// split: on the operator channel, over the hold (its 50 ms fades left
// out), music on hold brings the level from the clean call's digital
// silence to that of the song, and with the line's noise, echo and codec
// (all) it stays over them.
func testHoldMusicAudible(t *testing.T, split string) {
	needSounds(t)
	holds := 0
	for _, sp := range Set() {
		if sp.Split != split || sp.Scenario != Hold || sp.Impairment != "clean" {
			continue
		}
		holds++
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
	if holds != 3 {
		t.Errorf("%d hold calls in the %s split, want 3", holds, split)
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

// playedBeforeSplit returns split's base calls' truths and, per language, how
// many times each prompt is played by the splits listed before split in
// bases.
func playedBeforeSplit(t *testing.T, split string) (mine []Truth, earlier map[string]map[string]int) {
	t.Helper()
	order := map[string]int{} // split -> its first base's index
	for i, b := range bases {
		if _, ok := order[b.split]; !ok {
			order[b.split] = i
		}
	}
	earlier = map[string]map[string]int{} // language -> prompt -> plays
	for _, tr := range mustTruths(t) {
		if tr.Split == split {
			mine = append(mine, tr)
			continue
		}
		if order[tr.Split] > order[split] {
			continue
		}
		for _, p := range tr.Prompts {
			lang := voiceOf(tr, p)
			if earlier[lang] == nil {
				earlier[lang] = map[string]int{}
			}
			earlier[lang][p.Prompt]++
		}
	}
	return mine, earlier
}

// voiceOf is the language of the voice that speaks p in tr.
func voiceOf(tr Truth, p Placed) string {
	if p.Role == schemas.RoleClient && tr.ClientLanguage != "" {
		return tr.ClientLanguage
	}
	return tr.Language
}

// testPromptsUnplayed checks that every voice of split speaks only prompts
// that no split listed before it in bases plays, that the Russian voice is
// in two of its three bases (6 base calls of 9), and that each voice has
// enough prompts left for every scenario (short ones for the rapid calls,
// long ones for the interruptions).
func testPromptsUnplayed(t *testing.T, split string) {
	needSounds(t)
	mine, earlier := playedBeforeSplit(t, split)
	if len(mine) != 9 {
		t.Fatalf("%d %s base calls, want 9", len(mine), split)
	}
	russian := 0
	for _, tr := range mine {
		if tr.Language == "ru" || tr.ClientLanguage == "ru" {
			russian++
		}
		for _, p := range tr.Prompts {
			lang := tr.Language
			if p.Role == schemas.RoleClient {
				lang = tr.ClientLanguage
			}
			if earlier[lang][p.Prompt] > 0 {
				t.Errorf("%s: the %s prompt %s (%s) is played by an earlier split", tr.Name, lang, p.Prompt, p.Role)
			}
		}
	}
	if russian != 6 { // 2 bases × 3 scenarios
		t.Errorf("%d of the 9 %s base calls have the Russian voice, want 6", russian, split)
	}
	played, err := playedBefore(split)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"ru", "en", "fr", "it", "es"} {
		p, err := loadPool(lang)
		if err != nil {
			t.Fatal(err)
		}
		left := unplayed(p.all, played[lang])
		short, long := shortAndLong(left)
		t.Logf("%s: %d usable prompts, %d played before %s, %d left (%d short, %d long)", lang, len(p.all), len(played[lang]), split, len(left), len(short), len(long))
		if len(left)+len(played[lang]) != len(p.all) || len(short) < 10 || len(long) < 10 {
			t.Errorf("%s: %d prompts left of %d, %d short and %d long: too few for the scenarios", lang, len(left), len(p.all), len(short), len(long))
		}
	}
}
