package realspeech

import (
	"flag"
	"testing"
)

var updateBlind12 = flag.Bool("update-blind12", false, "rewrite blind12.sha256 from the calls the generator makes now")

// blind12Digests is the SHA-256 of every file `gen -wav DIR -split
// blind12` writes (NAME.wav and NAME.truth.json), as sha256sum prints it,
// so the lead can check a directory of them with `sha256sum -c`.
const blind12Digests = "blind12.sha256"

// hannah is the blind12 split's music source: one song, the package's
// other sounds being effects of under 1.4 s.
var hannah = oggSource{
	pkg: "hannah-data", dirEnv: "CALLSCOPE_HANNAH_DIR", dir: HannahDir,
	songs: hannahSongs, minSeconds: 180, load: blind12MOH,
}

// blind12 was the lead's reserved split of session 12: the same calls
// whenever the lead measures it, so the digests pin them (rewrite them
// with -update-blind12 only while the split has not been measured).
// These tests build the calls and check their bytes, prompts and music;
// none runs the detector on them.
func TestBlind12Digests(t *testing.T) {
	testSplitDigests(t, SplitBlind12, blind12Digests, *updateBlind12)
}

// The blind12 music decodes to what the Ogg file declares: its 11025 Hz
// and every sample, and 8 kHz after resample.
func TestHannahSongDecodes(t *testing.T) { testOggSongsDecode(t, hannah) }

// Without hannah-data, or without sox to decode it, the blind12 music is
// not made and the error says what to install; the split's calls
// without music still build.
func TestBlind12MusicMissing(t *testing.T) {
	testMusicMissing(t, hannah, "ru_es-blind12s41-hold-clean")
}

// The music is heard on every blind12 hold.
func TestBlind12HoldMusicAudible(t *testing.T) { testHoldMusicAudible(t, SplitBlind12) }

// The digests file lists every blind12 call, in Set's order, with its
// truth: the list sha256sum -c reads.
func TestBlind12DigestsFileLists(t *testing.T) {
	testDigestsFileLists(t, SplitBlind12, blind12Digests)
}

// The blind12 voices speak only prompts that no earlier split plays
// (blind11's included), but for the Russian voice, which has no unplayed
// short prompt left: its pool tops them up with prompts played once
// (leastPlayed).
func TestBlind12PromptsLeastPlayed(t *testing.T) {
	testPromptsLeastPlayed(t, SplitBlind12)
}
