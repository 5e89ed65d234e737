package realspeech

import (
	"flag"
	"testing"
)

var updateBlind5 = flag.Bool("update-blind5", false, "rewrite blind5.sha256 from the calls the generator makes now")

// blind5Digests is the SHA-256 of every file `gen -wav DIR -split blind5`
// writes (NAME.wav and NAME.truth.json), as sha256sum prints it, so the
// lead can check a directory of them with `sha256sum -c`.
const blind5Digests = "blind5.sha256"

// frozenBubble is the blind5 split's music source.
var frozenBubble = oggSource{
	pkg: "frozen-bubble-data", dirEnv: "CALLSCOPE_FROZEN_BUBBLE_DIR", dir: FrozenBubbleDir,
	songs: frozenBubbleSongs, minSeconds: 60, load: blind5MOH,
}

// The reserved split is the same calls at every measure: the same seeds
// give the same bytes, build after build and session after session. The
// digests pin the split as the lead measured it; a change to the generator
// that touches blind5 shows here (rewrite with -update-blind5 only if the
// split may change: the lead's before-and-after figures need the same
// calls).
func TestBlind5Digests(t *testing.T) {
	testSplitDigests(t, SplitBlind5, blind5Digests, *updateBlind5)
}

// The blind5 music decodes to what the Ogg files declare.
func TestFrozenBubbleSongsDecode(t *testing.T) { testOggSongsDecode(t, frozenBubble) }

// Without frozen-bubble-data, or without sox to decode it, the blind5
// music is not made and the error says what to install; the split's calls
// without music still build.
func TestBlind5MusicMissing(t *testing.T) {
	testMusicMissing(t, frozenBubble, "ru_es-blind5s20-hold-clean")
}

// The music is heard on every blind5 hold.
func TestBlind5HoldMusicAudible(t *testing.T) { testHoldMusicAudible(t, SplitBlind5) }

// The digests file lists every blind5 call, in Set's order, with its
// truth: the list sha256sum -c reads.
func TestBlind5DigestsFileLists(t *testing.T) { testDigestsFileLists(t, SplitBlind5, blind5Digests) }
