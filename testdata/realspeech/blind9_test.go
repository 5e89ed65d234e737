package realspeech

import (
	"flag"
	"testing"
)

var updateBlind9 = flag.Bool("update-blind9", false, "rewrite blind9.sha256 from the calls the generator makes now")

// blind9Digests is the SHA-256 of every file `gen -wav DIR -split blind9`
// writes (NAME.wav and NAME.truth.json), as sha256sum prints it, so the
// lead can check a directory of them with `sha256sum -c`.
const blind9Digests = "blind9.sha256"

// powermanga is the blind9 split's music source.
var powermanga = oggSource{
	pkg: "powermanga-data", dirEnv: "CALLSCOPE_POWERMANGA_DIR", dir: PowermangaDir,
	songs: powermangaSongs, minSeconds: 60, load: blind9MOH,
}

// blind9 was the lead's reserved split of session 10's second round: the
// same calls when the lead measured it at the round's start and at its
// end, so the digests pin them (measured since: never rewrite them with
// -update-blind9 but with a change of the generator that is meant to
// change the calls). These tests build the calls and
// check their bytes, prompts and music; none runs the detector on them.
func TestBlind9Digests(t *testing.T) {
	testSplitDigests(t, SplitBlind9, blind9Digests, *updateBlind9)
}

// The blind9 music decodes to what the Ogg files declare.
func TestPowermangaSongsDecode(t *testing.T) { testOggSongsDecode(t, powermanga) }

// Without powermanga-data, or without sox to decode it, the blind9 music
// is not made and the error says what to install; the split's calls
// without music still build.
func TestBlind9MusicMissing(t *testing.T) {
	testMusicMissing(t, powermanga, "ru_fr-blind9s32-hold-clean")
}

// The music is heard on every blind9 hold.
func TestBlind9HoldMusicAudible(t *testing.T) { testHoldMusicAudible(t, SplitBlind9) }

// The digests file lists every blind9 call, in Set's order, with its
// truth: the list sha256sum -c reads.
func TestBlind9DigestsFileLists(t *testing.T) { testDigestsFileLists(t, SplitBlind9, blind9Digests) }

// Every blind9 voice speaks only prompts that no earlier split plays
// (blind8's included): every pairing of the Russian voice is taken in
// both roles, so its calls are new by what is said.
func TestBlind9PromptsUnplayed(t *testing.T) { testPromptsUnplayed(t, SplitBlind9) }
