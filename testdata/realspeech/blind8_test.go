package realspeech

import (
	"flag"
	"testing"
)

var updateBlind8 = flag.Bool("update-blind8", false, "rewrite blind8.sha256 from the calls the generator makes now")

// blind8Digests is the SHA-256 of every file `gen -wav DIR -split blind8`
// writes (NAME.wav and NAME.truth.json), as sha256sum prints it, so the
// lead can check a directory of them with `sha256sum -c`.
const blind8Digests = "blind8.sha256"

// hexAHop is the blind8 split's music source.
var hexAHop = oggSource{
	pkg: "hex-a-hop-data", dirEnv: "CALLSCOPE_HEXAHOP_DIR", dir: HexAHopDir,
	songs: hexAHopSongs, minSeconds: 60, load: blind8MOH,
}

// blind8 was the lead's reserved split of session 10: the same calls at
// the session's start and at its end, so the digests pin them (measured
// since: never rewrite them with -update-blind8 but with a change of the
// generator that is meant to change the calls). These
// tests build the calls and check their bytes, prompts and music; none
// runs the detector on them.
func TestBlind8Digests(t *testing.T) {
	testSplitDigests(t, SplitBlind8, blind8Digests, *updateBlind8)
}

// The blind8 music decodes to what the Ogg files declare.
func TestHexAHopSongsDecode(t *testing.T) { testOggSongsDecode(t, hexAHop) }

// Without hex-a-hop-data, or without sox to decode it, the blind8 music
// is not made and the error says what to install; the split's calls
// without music still build.
func TestBlind8MusicMissing(t *testing.T) {
	testMusicMissing(t, hexAHop, "ru_en-blind8s29-hold-clean")
}

// The music is heard on every blind8 hold.
func TestBlind8HoldMusicAudible(t *testing.T) { testHoldMusicAudible(t, SplitBlind8) }

// The digests file lists every blind8 call, in Set's order, with its
// truth: the list sha256sum -c reads.
func TestBlind8DigestsFileLists(t *testing.T) { testDigestsFileLists(t, SplitBlind8, blind8Digests) }

// Every blind8 voice speaks only prompts that no earlier split plays
// (blind7's included): every pairing of the Russian voice is taken in
// both roles, so its calls are new by what is said.
func TestBlind8PromptsUnplayed(t *testing.T) { testPromptsUnplayed(t, SplitBlind8) }
