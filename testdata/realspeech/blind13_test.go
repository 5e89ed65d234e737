package realspeech

import (
	"flag"
	"testing"
)

var updateBlind13 = flag.Bool("update-blind13", false, "rewrite blind13.sha256 from the calls the generator makes now")

// blind13Digests is the SHA-256 of every file `gen -wav DIR -split
// blind13` writes (NAME.wav and NAME.truth.json), as sha256sum prints it,
// so the lead can check a directory of them with `sha256sum -c`.
const blind13Digests = "blind13.sha256"

// phlipple is the blind13 split's music source: one song of 85 s, the
// package's other sounds being effects of under 3.6 s.
var phlipple = oggSource{
	pkg: "phlipple-data", dirEnv: "CALLSCOPE_PHLIPPLE_DIR", dir: PhlippleDir,
	songs: phlippleSongs, minSeconds: 80, load: blind13MOH,
}

// blind13 was the lead's second reserved split of session 12: the same calls
// whenever the lead measures it, so the digests pin them (rewrite them
// with -update-blind13 only while the split has not been measured).
// These tests build the calls and check their bytes, prompts and music;
// none runs the detector on them.
func TestBlind13Digests(t *testing.T) {
	testSplitDigests(t, SplitBlind13, blind13Digests, *updateBlind13)
}

// The blind13 music decodes to what the Ogg file declares: its 48 kHz
// and every sample, and 8 kHz after resample.
func TestPhlippleSongDecodes(t *testing.T) { testOggSongsDecode(t, phlipple) }

// Without phlipple-data, or without sox to decode it, the blind13 music is
// not made and the error says what to install; the split's calls
// without music still build.
func TestBlind13MusicMissing(t *testing.T) {
	testMusicMissing(t, phlipple, "ru_it-blind13s44-hold-clean")
}

// The music is heard on every blind13 hold.
func TestBlind13HoldMusicAudible(t *testing.T) { testHoldMusicAudible(t, SplitBlind13) }

// The digests file lists every blind13 call, in Set's order, with its
// truth: the list sha256sum -c reads.
func TestBlind13DigestsFileLists(t *testing.T) {
	testDigestsFileLists(t, SplitBlind13, blind13Digests)
}

// The blind13 voices speak only prompts that no earlier split plays
// (blind12's included), but for the voices whose unplayed prompts cannot
// make a pool: the Russian voice has none left, the Italian too few; their
// pools are topped up with the least-played (leastPlayed), here prompts
// played once.
func TestBlind13PromptsLeastPlayed(t *testing.T) {
	testPromptsLeastPlayed(t, SplitBlind13)
}
