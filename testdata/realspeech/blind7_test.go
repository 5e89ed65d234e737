package realspeech

import (
	"flag"
	"testing"
)

var updateBlind7 = flag.Bool("update-blind7", false, "rewrite blind7.sha256 from the calls the generator makes now")

// blind7Digests is the SHA-256 of every file `gen -wav DIR -split blind7`
// writes (NAME.wav and NAME.truth.json), as sha256sum prints it, so the
// lead can check a directory of them with `sha256sum -c`.
const blind7Digests = "blind7.sha256"

// a7xpg is the blind7 split's music source.
var a7xpg = oggSource{
	pkg: "a7xpg-data", dirEnv: "CALLSCOPE_A7XPG_DIR", dir: A7xpgDir,
	songs: a7xpgSongs, minSeconds: 45, load: blind7MOH,
}

// blind7 was the lead's reserved split of session 9: the same calls at
// the session's start and at its end, so the digests pin them (measured
// since: never rewrite them with -update-blind7 but with a change of the
// generator that is meant to change the calls). These
// tests build the calls and check their bytes, prompts and music; none
// runs the detector on them.
func TestBlind7Digests(t *testing.T) {
	testSplitDigests(t, SplitBlind7, blind7Digests, *updateBlind7)
}

// The blind7 music decodes to what the Ogg files declare.
func TestA7xpgSongsDecode(t *testing.T) { testOggSongsDecode(t, a7xpg) }

// Without a7xpg-data, or without sox to decode it, the blind7 music is
// not made and the error says what to install; the split's calls without
// music still build.
func TestBlind7MusicMissing(t *testing.T) {
	testMusicMissing(t, a7xpg, "ru_it-blind7s26-hold-clean")
}

// The music is heard on every blind7 hold.
func TestBlind7HoldMusicAudible(t *testing.T) { testHoldMusicAudible(t, SplitBlind7) }

// The digests file lists every blind7 call, in Set's order, with its
// truth: the list sha256sum -c reads.
func TestBlind7DigestsFileLists(t *testing.T) { testDigestsFileLists(t, SplitBlind7, blind7Digests) }

// Every blind7 voice speaks only prompts that no earlier split plays: the
// Russian voice's pairings are all taken, so its calls are new by what is
// said. Each voice has enough of them for every scenario (short ones for
// the rapid calls, long ones for the interruptions).
func TestBlind7PromptsUnplayed(t *testing.T) { testPromptsUnplayed(t, SplitBlind7) }
