package realspeech

import (
	"flag"
	"testing"
)

var updateBlind11 = flag.Bool("update-blind11", false, "rewrite blind11.sha256 from the calls the generator makes now")

// blind11Digests is the SHA-256 of every file `gen -wav DIR -split
// blind11` writes (NAME.wav and NAME.truth.json), as sha256sum prints it,
// so the lead can check a directory of them with `sha256sum -c`.
const blind11Digests = "blind11.sha256"

// bumprace is the blind11 split's music source: one song, the package's
// other files being sound effects of under 3 s.
var bumprace = oggSource{
	pkg: "bumprace-data", dirEnv: "CALLSCOPE_BUMPRACE_DIR", dir: BumpraceDir,
	songs: bumpraceSongs, minSeconds: 60, load: blind11MOH,
}

// blind11 was the lead's second reserved split of session 11: the same
// calls when the lead measured it at the session's start and at its end,
// so the digests pin them (measured since: never rewrite them with
// -update-blind11 but with a change of the generator that is meant to
// change the calls). These tests build the calls and check their bytes,
// prompts and music; none runs the detector on them.
func TestBlind11Digests(t *testing.T) {
	testSplitDigests(t, SplitBlind11, blind11Digests, *updateBlind11)
}

// The blind11 music decodes to what the Ogg file declares.
func TestBumpraceSongDecodes(t *testing.T) { testOggSongsDecode(t, bumprace) }

// Without bumprace-data, or without sox to decode it, the blind11 music
// is not made and the error says what to install; the split's calls
// without music still build.
func TestBlind11MusicMissing(t *testing.T) {
	testMusicMissing(t, bumprace, "ru_en-blind11s38-hold-clean")
}

// The music is heard on every blind11 hold.
func TestBlind11HoldMusicAudible(t *testing.T) { testHoldMusicAudible(t, SplitBlind11) }

// The digests file lists every blind11 call, in Set's order, with its
// truth: the list sha256sum -c reads.
func TestBlind11DigestsFileLists(t *testing.T) {
	testDigestsFileLists(t, SplitBlind11, blind11Digests)
}

// The blind11 voices speak only prompts that no earlier split plays
// (blind10's included), but for the Russian voice, 9 of whose are left
// (none short): its pool tops them up with prompts played once
// (leastPlayed).
func TestBlind11PromptsLeastPlayed(t *testing.T) {
	testPromptsLeastPlayed(t, SplitBlind11)
}
