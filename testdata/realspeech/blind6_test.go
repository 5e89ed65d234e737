package realspeech

import (
	"flag"
	"testing"
)

var updateBlind6 = flag.Bool("update-blind6", false, "rewrite blind6.sha256 from the calls the generator makes now")

// blind6Digests is the SHA-256 of every file `gen -wav DIR -split blind6`
// writes (NAME.wav and NAME.truth.json), as sha256sum prints it, so the
// lead can check a directory of them with `sha256sum -c`.
const blind6Digests = "blind6.sha256"

// neverball is the blind6 split's music source.
var neverball = oggSource{
	pkg: "neverball-common", dirEnv: "CALLSCOPE_NEVERBALL_DIR", dir: NeverballDir,
	songs: neverballSongs, minSeconds: 20, load: blind6MOH,
}

// blind6 is the lead's reserved split: the same calls at the session's
// start and at its end, so the digests pin them (rewrite with
// -update-blind6 only while the split has not been measured). These
// tests build the calls and check their bytes and music; none runs the
// detector on them.
func TestBlind6Digests(t *testing.T) {
	testSplitDigests(t, SplitBlind6, blind6Digests, *updateBlind6)
}

// The blind6 music decodes to what the Ogg files declare.
func TestNeverballSongsDecode(t *testing.T) { testOggSongsDecode(t, neverball) }

// Without neverball-common, or without sox to decode it, the blind6 music
// is not made and the error says what to install; the split's calls
// without music still build.
func TestBlind6MusicMissing(t *testing.T) {
	testMusicMissing(t, neverball, "en_ru-blind6s23-hold-clean")
}

// The music is heard on every blind6 hold.
func TestBlind6HoldMusicAudible(t *testing.T) { testHoldMusicAudible(t, SplitBlind6) }

// The digests file lists every blind6 call, in Set's order, with its
// truth: the list sha256sum -c reads.
func TestBlind6DigestsFileLists(t *testing.T) { testDigestsFileLists(t, SplitBlind6, blind6Digests) }
