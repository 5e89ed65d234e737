package realspeech

import (
	"flag"
	"maps"
	"slices"
	"testing"
)

var updateBlind10 = flag.Bool("update-blind10", false, "rewrite blind10.sha256 from the calls the generator makes now")

// blind10Digests is the SHA-256 of every file `gen -wav DIR -split
// blind10` writes (NAME.wav and NAME.truth.json), as sha256sum prints it,
// so the lead can check a directory of them with `sha256sum -c`.
const blind10Digests = "blind10.sha256"

// pushover is the blind10 split's music source.
var pushover = oggSource{
	pkg: "pushover-data", dirEnv: "CALLSCOPE_PUSHOVER_DIR", dir: PushoverDir,
	songs: pushoverSongs, minSeconds: 60, load: blind10MOH,
}

// blind10 was the lead's reserved split of session 11: the same calls
// when the lead measured it at the session's start and after the
// session's VAD changes, so the digests pin them (measured since: never
// rewrite them with -update-blind10 but with a change of the generator
// that is meant to change the calls). These tests build the calls and check
// their bytes, prompts and music; none runs the detector on them.
func TestBlind10Digests(t *testing.T) {
	testSplitDigests(t, SplitBlind10, blind10Digests, *updateBlind10)
}

// The blind10 music decodes to what the Ogg files declare.
func TestPushoverSongsDecode(t *testing.T) { testOggSongsDecode(t, pushover) }

// Without pushover-data, or without sox to decode it, the blind10 music
// is not made and the error says what to install; the split's calls
// without music still build.
func TestBlind10MusicMissing(t *testing.T) {
	testMusicMissing(t, pushover, "ru_es-blind10s35-hold-clean")
}

// The music is heard on every blind10 hold.
func TestBlind10HoldMusicAudible(t *testing.T) { testHoldMusicAudible(t, SplitBlind10) }

// The digests file lists every blind10 call, in Set's order, with its
// truth: the list sha256sum -c reads.
func TestBlind10DigestsFileLists(t *testing.T) {
	testDigestsFileLists(t, SplitBlind10, blind10Digests)
}

// The blind10 voices speak only prompts that no earlier split plays,
// but for the Russian voice, too few of whose are left: its pool tops
// them up with prompts played once (leastPlayed).
func TestBlind10PromptsLeastPlayed(t *testing.T) {
	testPromptsLeastPlayed(t, SplitBlind10)
}

// leastPlayed keeps every unplayed clip and, while the pool is short of
// prompts, short or long clips, adds the least played: never one played
// more often than one it leaves out.
func TestLeastPlayed(t *testing.T) {
	mk := func(name string, seconds float64) *clip {
		return &clip{name: name, samples: make([]float32, int(seconds*Rate))}
	}
	var clips []*clip
	for i := range 60 {
		clips = append(clips, mk(string(rune('a'+i%26))+string(rune('A'+i/26)), 1.2)) // short and long
	}
	names := func(cs []*clip) map[string]bool {
		m := map[string]bool{}
		for _, c := range cs {
			m[c.name] = true
		}
		return m
	}
	tests := []struct {
		name    string
		played  func(i int) int
		wantLen int
		// wantAll: every clip played at most this often is in the pool.
		wantAll int
	}{
		{"enough unplayed: all of them, nothing else", func(i int) int { return 1 - min(i%4, 1) }, 45, 0},
		{"none played: the whole pool", func(int) int { return 0 }, 60, 0},
		{"too few unplayed: topped up to 40 with those played once", func(i int) int { return min(i/20, 2) }, 40, 1},
		{"none unplayed: the 40 played least", func(i int) int { return 1 + i/20 }, 40, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			played := map[string]int{}
			for i, c := range clips {
				if n := tt.played(i); n > 0 {
					played[c.name] = n
				}
			}
			pool := leastPlayed(clips, played)
			if len(pool) != tt.wantLen {
				t.Errorf("%d clips in the pool, want %d", len(pool), tt.wantLen)
			}
			in := names(pool)
			most := 0
			for _, c := range pool {
				most = max(most, played[c.name])
			}
			for _, c := range clips {
				if !in[c.name] && (played[c.name] <= tt.wantAll || played[c.name] < most) {
					t.Errorf("%s (played %d) left out of a pool with a clip played %d", c.name, played[c.name], most)
				}
			}
			if !slices.IsSortedFunc(pool, func(a, b *clip) int {
				return slices.Index(clips, a) - slices.Index(clips, b)
			}) {
				t.Error("the pool is not in the clips' order")
			}
		})
	}
	// Short clips missing: long ones played less do not fill the pool
	// alone; short ones join until there are 10.
	var mixed []*clip
	played := map[string]int{}
	for i := range 50 {
		c := mk(string(rune('a'+i%26))+string(rune('A'+i/26)), 2) // long only
		if i >= 45 {
			c.samples = c.samples[:Rate] // 1 s: short and long
		}
		if i >= 40 {
			played[c.name] = 1
		}
		mixed = append(mixed, c)
	}
	for i := range 20 {
		c := mk("s"+string(rune('a'+i)), 0.5) // short only
		played[c.name] = 2
		mixed = append(mixed, c)
	}
	pool := leastPlayed(mixed, played)
	short := 0
	for _, c := range pool {
		if c.isShort() {
			short++
		}
	}
	if short != minPoolShort || len(pool) != 55 {
		t.Errorf("%d clips, %d short, want 55 (40 unplayed, 10 played once, 5 played twice) with %d short", len(pool), short, minPoolShort)
	}
}

// testPromptsLeastPlayed checks, from the base calls' truths, that every
// voice of split speaks only prompts that no split listed before it in
// bases plays, but for the voices whose unplayed prompts are too few for
// a pool (minPoolPrompts, minPoolShort short, minPoolLong long; see
// leastPlayed), which may speak prompts played once too (the Russian
// voice from blind10 on, the Italian too in blind12 and blind13); that
// the Russian voice is in two of its three bases; and that each voice's
// pool has enough prompts for every scenario.
func testPromptsLeastPlayed(t *testing.T, split string) {
	needSounds(t)
	mine, earlier := playedBeforeSplit(t, split)
	if len(mine) != 9 {
		t.Fatalf("%d %s base calls, want 9", len(mine), split)
	}
	played, err := playedBefore(split)
	if err != nil {
		t.Fatal(err)
	}
	// toppedUp: the voices whose unplayed prompts cannot make a pool.
	toppedUp := map[string]bool{}
	for _, lang := range []string{"ru", "en", "fr", "it", "es"} {
		p, err := loadPool(lang)
		if err != nil {
			t.Fatal(err)
		}
		left := unplayed(p.all, played[lang])
		short, long := shortAndLong(left)
		toppedUp[lang] = len(left) < minPoolPrompts || len(short) < minPoolShort || len(long) < minPoolLong
	}
	russian := 0
	type tally struct{ unplayed, once map[string]bool }
	spoken := map[string]tally{}
	for _, tr := range mine {
		if tr.Language == "ru" || tr.ClientLanguage == "ru" {
			russian++
		}
		for _, p := range tr.Prompts {
			lang := voiceOf(tr, p)
			if spoken[lang].unplayed == nil {
				spoken[lang] = tally{map[string]bool{}, map[string]bool{}}
			}
			switch n := earlier[lang][p.Prompt]; {
			case n == 0:
				spoken[lang].unplayed[p.Prompt] = true
			case n == 1 && toppedUp[lang]:
				spoken[lang].once[p.Prompt] = true
			default:
				t.Errorf("%s: the %s prompt %s (%s) is played %d times by earlier splits", tr.Name, lang, p.Prompt, p.Role, n)
			}
		}
	}
	if russian != 6 { // 2 bases × 3 scenarios
		t.Errorf("%d of the 9 %s base calls have the Russian voice, want 6", russian, split)
	}
	langs := slices.Sorted(maps.Keys(spoken))
	for _, lang := range langs {
		sp := spoken[lang]
		p, err := loadPool(lang)
		if err != nil {
			t.Fatal(err)
		}
		pool := leastPlayed(p.all, played[lang])
		short, long := shortAndLong(pool)
		left := unplayed(p.all, played[lang])
		t.Logf("%s: %d usable prompts, %d unplayed before %s; a pool of %d (%d short, %d long); the split speaks %d unplayed and %d played once", lang, len(p.all), len(left), split, len(pool), len(short), len(long), len(sp.unplayed), len(sp.once))
		if len(pool) < minPoolPrompts || len(short) < minPoolShort || len(long) < minPoolLong {
			t.Errorf("%s: a pool of %d prompts, %d short and %d long: too few for the scenarios", lang, len(pool), len(short), len(long))
		}
	}
}
