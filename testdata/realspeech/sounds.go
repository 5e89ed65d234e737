package realspeech

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/callscope/callscope/transcribe/wav"

	"github.com/callscope/callscope/internal/cachedir"
)

// Rate is the sample rate of every call: the telephone's 8 kHz.
const Rate = 8000

// ErrNoSounds means the Debian sound packages are not installed.
var ErrNoSounds = errors.New("realspeech: asterisk sound packages missing (scripts/setup.sh apt: asterisk-core-sounds-ru-wav, asterisk-core-sounds-en-wav, asterisk-core-sounds-fr-wav, asterisk-core-sounds-es-wav, asterisk-prompt-it-menardi-wav, asterisk-moh-opsound-wav; xblast-tnt-musics for the blind4 split's music, frozen-bubble-data for the blind5 split's, neverball-common for the blind6 split's, a7xpg-data for the blind7 split's, hex-a-hop-data for the blind8 split's, powermanga-data for the blind9 split's, pushover-data for the blind10 split's, bumprace-data for the blind11 split's, hannah-data for the blind12 split's, phlipple-data for the blind13 split's)")

// Where the Debian packages put their files. $CALLSCOPE_ASTERISK_DIR
// overrides the root (/usr/share/asterisk).
var voiceDirs = map[string]string{
	"ru": "sounds/ru_RU_f_IvrvoiceRU", // asterisk-core-sounds-ru-wav, CC-BY-3.0
	"en": "sounds/en_US_f_Allison",    // asterisk-core-sounds-en-wav, CC-BY-SA-3.0
	// The fresh split's voices (see SplitFresh): another speaker and
	// language each (Spanish is Allison's second language).
	"fr": "sounds/fr_CA_f_June",    // asterisk-core-sounds-fr-wav, CC-BY-SA-3.0
	"it": "sounds/it_IT_f_Menardi", // asterisk-prompt-it-menardi-wav, GPL-2
	"es": "sounds/es_MX_f_Allison", // asterisk-core-sounds-es-wav, CC-BY-SA-3.0
}

const mohDir = "moh" // asterisk-moh-opsound-wav, CC-BY-SA-3.0

// XblastDir is where xblast-tnt-musics (GPL-2) puts the game's six
// background songs, the blind4 split's music (see blind4MOH);
// $CALLSCOPE_XBLAST_DIR overrides it.
func XblastDir() string {
	return cmp.Or(os.Getenv("CALLSCOPE_XBLAST_DIR"), "/usr/share/games/xblast-tnt/sounds")
}

// FrozenBubbleDir is where frozen-bubble-data (GPL-2) puts the game's
// sounds, among them its three songs, the blind5 split's music (see
// blind5MOH); $CALLSCOPE_FROZEN_BUBBLE_DIR overrides it.
func FrozenBubbleDir() string {
	return cmp.Or(os.Getenv("CALLSCOPE_FROZEN_BUBBLE_DIR"), "/usr/share/games/frozen-bubble/snd")
}

// NeverballDir is where neverball-common (GPL-2+) puts the game's
// background music, the blind6 split's (see blind6MOH);
// $CALLSCOPE_NEVERBALL_DIR overrides it.
func NeverballDir() string {
	return cmp.Or(os.Getenv("CALLSCOPE_NEVERBALL_DIR"), "/usr/share/games/neverball/bgm")
}

// A7xpgDir is where a7xpg-data (BSD-2-Clause) puts the game's sounds,
// among them its three songs, the blind7 split's music (see blind7MOH);
// $CALLSCOPE_A7XPG_DIR overrides it.
func A7xpgDir() string {
	return cmp.Or(os.Getenv("CALLSCOPE_A7XPG_DIR"), "/usr/share/games/a7xpg/sounds")
}

// HexAHopDir is where hex-a-hop-data puts the game's sounds, among them
// its three pieces of music (CC-BY-SA-3.0, by remaxim), the blind8
// split's music (see blind8MOH); $CALLSCOPE_HEXAHOP_DIR overrides it.
func HexAHopDir() string {
	return cmp.Or(os.Getenv("CALLSCOPE_HEXAHOP_DIR"), "/usr/share/games/hex-a-hop/hex-a-hop")
}

// PowermangaDir is where powermanga-data puts the three pieces of music
// of its handheld-console build (Ogg Vorbis; GPL-3+, by TLK Games), the
// blind9 split's music (see blind9MOH); $CALLSCOPE_POWERMANGA_DIR
// overrides it.
func PowermangaDir() string {
	return cmp.Or(os.Getenv("CALLSCOPE_POWERMANGA_DIR"), "/usr/share/games/powermanga/sound/handheld_console")
}

// PushoverDir is where pushover-data puts the ten pieces of music of the
// puzzle game Pushover's themes (Ogg Vorbis; GPL-3+, by Roberto Lorenz),
// the blind10 split's music (see blind10MOH); $CALLSCOPE_PUSHOVER_DIR
// overrides it.
func PushoverDir() string {
	return cmp.Or(os.Getenv("CALLSCOPE_PUSHOVER_DIR"), "/usr/share/pushover/themes")
}

// BumpraceDir is where bumprace-data puts the sounds of the game
// BumpRace, among them its one piece of music, Alexandr Zhelanov's
// "Flying me softly" (Ogg Vorbis; CC-BY-3.0), the blind11 split's music
// (see blind11MOH); $CALLSCOPE_BUMPRACE_DIR overrides it.
func BumpraceDir() string {
	return cmp.Or(os.Getenv("CALLSCOPE_BUMPRACE_DIR"), "/usr/share/games/bumprace/sound")
}

// HannahDir is where hannah-data puts the data of the game Help
// Hannah's Horse, among them its one piece of music, bgm1.ogg (Ogg
// Vorbis; GPL-2, as every file of the package, © 2007 Stephen Branley
// per its copyright file), the blind12 split's music (see blind12MOH);
// $CALLSCOPE_HANNAH_DIR overrides it.
func HannahDir() string { return cmp.Or(os.Getenv("CALLSCOPE_HANNAH_DIR"), "/usr/share/games/hannah") }

// PhlippleDir is where phlipple-data puts the data of the puzzle game
// Phlipple, among them its one piece of music, theme.ogg (Ogg Vorbis;
// GPL-3+, as every file of the package, © 2011 Remigiusz Dybka per its
// copyright file), the blind13 split's music (see blind13MOH);
// $CALLSCOPE_PHLIPPLE_DIR overrides it.
func PhlippleDir() string { return cmp.Or(os.Getenv("CALLSCOPE_PHLIPPLE_DIR"), "/usr/share/phlipple") }

// Root is the directory the sounds are read from.
func Root() string { return cmp.Or(os.Getenv("CALLSCOPE_ASTERISK_DIR"), "/usr/share/asterisk") }

// Available reports whether the three sound packages are installed; the
// error wraps ErrNoSounds and names the missing directory.
func Available() error {
	for _, d := range []string{voiceDirs["ru"], voiceDirs["en"], voiceDirs["fr"], voiceDirs["it"], voiceDirs["es"], mohDir} {
		p := filepath.Join(Root(), d)
		if _, err := os.Stat(p); err != nil {
			return fmt.Errorf("%w: %s", ErrNoSounds, p)
		}
	}
	return nil
}

// TurnPause is the longest pause inside one stretch of speech: a pause
// shorter than this between two words (or two prompts of one turn) is part
// of the speech, a longer one is silence. The detector's default
// (vad.DefaultMinSilence) is the same number.
const TurnPause = 0.6

// Speech in a clean studio prompt is where 10 ms frames rise above
// truthDB dBFS; the recordings' noise floor is below -70 dBFS.
const (
	frame   = Rate / 100
	truthDB = -45.0
)

// clip is one prompt: its samples (peak-normalized) and where in them
// speech is, in samples, pauses under TurnPause bridged.
type clip struct {
	name    string
	samples []float32
	speech  [][2]int
	// pauses are the clip's inner pauses (in samples) within EdgeTol of
	// TurnPause (see EdgePauses).
	pauses [][2]int
}

// activity returns the sample spans of frames above truthDB, with gaps
// under TurnPause bridged.
func activity(s []float32) [][2]int { return activityGap(s, TurnPause) }

// edgePauses returns the gaps between the clip's frames above truthDB
// that are within EdgeTol of TurnPause.
func edgePauses(s []float32) [][2]int {
	var out [][2]int
	sp := activityGap(s, 0)
	for i := 1; i < len(sp); i++ {
		if g := float64(sp[i][0]-sp[i-1][1]) / Rate; math.Abs(g-TurnPause) <= EdgeTol {
			out = append(out, [2]int{sp[i-1][1], sp[i][0]})
		}
	}
	return out
}

// activityGap returns the sample spans of frames above truthDB, with gaps
// under bridge seconds bridged.
func activityGap(s []float32, bridge float64) [][2]int {
	var spans [][2]int
	for i := 0; i+frame <= len(s); i += frame {
		var e float64
		for _, v := range s[i : i+frame] {
			e += float64(v) * float64(v)
		}
		if 10*math.Log10(e/frame+1e-12) <= truthDB {
			continue
		}
		// Refine to the sample: the first and last sample of the frame
		// above the level's amplitude.
		lo, hi := i, i+frame
		if n := len(spans); n > 0 && lo-spans[n-1][1] < int(bridge*Rate) {
			spans[n-1][1] = hi
			continue
		}
		spans = append(spans, [2]int{lo, hi})
	}
	return spans
}

// ambiguous reports whether a clip has a pause near TurnPause (0.4 to
// 0.9 s) that a boundary error of 0.1 s would count differently: such
// prompts are left out, so that the truth does not hang on a coin toss.
func ambiguous(s []float32) bool {
	var prevEnd = -1
	for i := 0; i+frame <= len(s); i += frame {
		var e float64
		for _, v := range s[i : i+frame] {
			e += float64(v) * float64(v)
		}
		if 10*math.Log10(e/frame+1e-12) <= truthDB {
			continue
		}
		if prevEnd >= 0 {
			gap := float64(i-prevEnd) / Rate
			if gap > 0.4 && gap < 0.9 {
				return true
			}
		}
		prevEnd = i + frame
	}
	return false
}

// Prompt pools: the prompts of a language usable as speech, in name
// order, split in two halves by a hash of the name so that the tuning
// calls and the held-out calls share no recording.
type pool struct {
	tune, holdout []*clip
	// all are every usable prompt, those with a pause near TurnPause
	// included: the fresh split's languages are not split in halves, and
	// a pause at the edge is a real case there (Compare scores it by
	// EdgePauses). SplitBlind2 draws Russian and English from all too.
	all []*clip
}

var (
	poolsMu sync.Mutex
	pools   = map[string]*pool{}
	moh     = map[string][][]float32{}
)

// freshLanguage reports whether a language's voice is only in the fresh
// split.
func freshLanguage(lang string) bool { return lang == "fr" || lang == "it" || lang == "es" }

// nonSpeech are prompts that are tones or silence, not a voice.
var nonSpeech = []string{"beep", "tone", "silence", "dial", "ring", "busy-signal", "confbridge-", "queue-periodic"}

func loadPool(lang string) (*pool, error) {
	poolsMu.Lock()
	defer poolsMu.Unlock()
	if p := pools[lang]; p != nil {
		return p, nil
	}
	dir := filepath.Join(Root(), voiceDirs[lang])
	names, err := filepath.Glob(filepath.Join(dir, "*.wav"))
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("%w: no prompts in %s", ErrNoSounds, dir)
	}
	digits, _ := filepath.Glob(filepath.Join(dir, "digits", "*.wav"))
	names = append(names, digits...)
	slices.Sort(names)
	p := &pool{}
	for _, path := range names {
		rel, _ := filepath.Rel(dir, path)
		if slices.ContainsFunc(nonSpeech, func(s string) bool { return strings.Contains(rel, s) }) {
			continue
		}
		s, err := readMono(path)
		if err != nil {
			return nil, err
		}
		normalize(s, -6)
		c := &clip{name: rel, samples: s, speech: activity(s)}
		d := float64(len(s)) / Rate
		if len(c.speech) == 0 || d < 0.4 || d > 6 {
			continue
		}
		// Prompts with a pause near TurnPause are left out of the halves
		// of Russian and English, but kept in all (the later splits score
		// them by the edge rule).
		amb := ambiguous(s)
		// Leading and trailing studio silence is cut to 50 ms so that the
		// script's gaps are the gaps heard.
		a, b := max(0, c.speech[0][0]-Rate/20), min(len(s), c.speech[len(c.speech)-1][1]+Rate/20)
		c.samples = s[a:b]
		c.speech = activity(c.samples)
		c.pauses = edgePauses(c.samples)
		p.all = append(p.all, c)
		if freshLanguage(lang) || amb {
			continue
		}
		h := fnv.New32a()
		h.Write([]byte(rel))
		if h.Sum32()%2 == 0 {
			p.tune = append(p.tune, c)
		} else {
			p.holdout = append(p.holdout, c)
		}
	}
	if freshLanguage(lang) && len(p.all) < 40 {
		return nil, fmt.Errorf("%w: only %d usable prompts in %s", ErrNoSounds, len(p.all), dir)
	}
	if !freshLanguage(lang) && (len(p.tune) < 20 || len(p.holdout) < 20) {
		return nil, fmt.Errorf("%w: only %d+%d usable prompts in %s", ErrNoSounds, len(p.tune), len(p.holdout), dir)
	}
	pools[lang] = p
	return p, nil
}

// loadMOH loads the music of a split: the first 60 s of each track for
// the tune and held-out calls; for the fresh split the 60-180 s of the
// tracks longer than two minutes; for the blind split the 180-240 s of the
// tracks at least four minutes long: music no earlier split plays; for
// the blind2 split what follows 4:00 in the tracks of at least 4:30 (the
// last 39 s of macroform-the_simplicity, the last 82 s of
// reno_project-system), which no other split plays; for the blind3 split
// the rest, the only music still unplayed, as a playlist (see blind3MOH);
// for the blind4 split the songs of another package (see blind4MOH), for
// the blind5 split those of a third (see blind5MOH), for the blind6 split
// those of a fourth (see blind6MOH), for the blind7 split those of a fifth
// (see blind7MOH), for the blind8 split those of a sixth (see blind8MOH),
// for the blind9 split those of a seventh (see blind9MOH), for the blind10
// split those of an eighth (see blind10MOH), for the blind11 split the
// song of a ninth (see blind11MOH), for the blind12 split the song of a
// tenth (see blind12MOH), for the blind13 split the song of an eleventh
// (see blind13MOH).
func loadMOH(split string) ([][]float32, error) {
	poolsMu.Lock()
	defer poolsMu.Unlock()
	if m := moh[split]; m != nil {
		return m, nil
	}
	if load := packageMOH[split]; load != nil {
		m, err := load()
		if err != nil {
			return nil, err
		}
		moh[split] = m
		return m, nil
	}
	names, _ := filepath.Glob(filepath.Join(Root(), mohDir, "*.wav"))
	slices.Sort(names)
	if len(names) == 0 {
		return nil, fmt.Errorf("%w: no music in %s", ErrNoSounds, filepath.Join(Root(), mohDir))
	}
	if split == SplitBlind3 {
		m, err := blind3MOH(names)
		if err != nil {
			return nil, err
		}
		moh[split] = [][]float32{m}
		return moh[split], nil
	}
	for _, path := range names {
		s, err := readMono(path)
		if err != nil {
			return nil, err
		}
		// 60 s of each track is plenty for holds of 8-14 s.
		switch {
		case split == SplitFresh && len(s) >= 120*Rate:
			s = s[60*Rate : min(len(s), 180*Rate)]
		case split == SplitBlind && len(s) >= 240*Rate:
			s = s[180*Rate : 240*Rate]
		case split == SplitBlind2 && len(s) >= 270*Rate:
			s = s[240*Rate:]
		case split == SplitBlind2:
			continue
		case split != SplitFresh && split != SplitBlind:
			s = s[:min(len(s), 60*Rate)]
		default:
			continue
		}
		normalizeRMS(s, -20)
		moh[split] = append(moh[split], s)
	}
	return moh[split], nil
}

// blind3MOH is the music of the blind3 split: what the other splits leave
// of the tracks, played one after the other as a hold playlist does, in
// name order: after 3:00 of the tracks of 2-4 minutes (the last 8.7 s of
// macroform-robot_dity, fading out) and after 1:00 of the tracks under 2
// minutes (the last 13.1 s of manolo_camp-morning_coffee, fading out),
// 21.8 s in all, at -20 dBFS RMS as a whole. The last 4.3 s of
// macroform-cold_day (between 4:00 and 4:30, which blind2 skips) are
// silent and left out. Each piece starts mid-note, so its first 50 ms
// fade in: a hold player changing tracks does not click.
func blind3MOH(names []string) ([]float32, error) {
	var out []float32
	for _, path := range names {
		s, err := readMono(path)
		if err != nil {
			return nil, err
		}
		switch {
		case len(s) < 120*Rate && len(s) > 60*Rate:
			s = s[60*Rate:]
		case len(s) >= 120*Rate && len(s) < 240*Rate && len(s) > 180*Rate:
			s = s[180*Rate:]
		default:
			continue
		}
		s = slices.Clone(s)
		for i := range min(len(s), Rate/20) {
			s[i] *= float32(i) / float32(Rate/20)
		}
		out = append(out, s...)
	}
	if len(out) < 15*Rate { // a hold is 8-14 s
		return nil, fmt.Errorf("%w: %.1f s of music for the blind3 split in %s", ErrNoSounds, float64(len(out))/Rate, filepath.Join(Root(), mohDir))
	}
	normalizeRMS(out, -20)
	return out, nil
}

// blind4MOH is the music of the blind4 split. Every minute of the
// opsound tracks is played by an earlier split, and Debian's other
// music-on-hold packages (asterisk-moh-opsound-g722, -gsm) hold the same
// tracks; xblast-tnt-musics has six background songs of the game XBlast
// (19-55 s, 193 s in all, looped by the game), in the form the game's
// sound server plays (xbsndsrv: raw, 8-bit unsigned, stereo, 22050 Hz),
// which needs no decoder. Each song, in name order, is mixed down to
// mono, brought to 8 kHz (resample), cut after its last 10 ms frame above
// truthDB (0.01-0.55 s of each song's end is under it), and put at -20 dBFS
// RMS as the other splits' tracks are; a hold plays a piece of one.
func blind4MOH() ([][]float32, error) {
	dir := XblastDir()
	names, _ := filepath.Glob(filepath.Join(dir, "xbsng*.raw"))
	slices.Sort(names)
	if len(names) == 0 {
		return nil, fmt.Errorf("%w: no xblast-tnt-musics songs in %s", ErrNoSounds, dir)
	}
	var out [][]float32
	for _, path := range names {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrNoSounds, err)
		}
		s := resample(stereo8ToMono(data), xblastRate)
		if sp := activityGap(s, 0); len(sp) > 0 {
			s = s[:sp[len(sp)-1][1]]
		}
		if len(s) < 15*Rate { // a hold is 8-14 s
			return nil, fmt.Errorf("realspeech: %s: %.1f s of music, want at least 15", path, float64(len(s))/Rate)
		}
		normalizeRMS(s, -20)
		out = append(out, s)
	}
	return out, nil
}

// packageMOH loads the music of the splits whose songs come from a
// package other than the opsound one.
var packageMOH = map[string]func() ([][]float32, error){
	SplitBlind4:  blind4MOH,
	SplitBlind5:  blind5MOH,
	SplitBlind6:  blind6MOH,
	SplitBlind7:  blind7MOH,
	SplitBlind8:  blind8MOH,
	SplitBlind9:  blind9MOH,
	SplitBlind10: blind10MOH,
	SplitBlind11: blind11MOH,
	SplitBlind12: blind12MOH,
	SplitBlind13: blind13MOH,
}

// frozenBubbleSongs are the three songs of frozen-bubble-data (Ogg
// Vorbis, stereo, 44.1 kHz; 5:22, 3:04 and 3:16): the game's music, not its
// sound effects (the package's other .ogg files, under 3 s each).
var frozenBubbleSongs = []string{"frozen-mainzik-1p.ogg", "frozen-mainzik-2p.ogg", "introzik.ogg"}

// blind5MOH is the music of the blind5 split. Every track of the opsound
// package is played by some split and every song of xblast-tnt-musics by
// blind4; frozen-bubble-data has three songs of a third game (11:41 in
// all) that no split plays. They are Ogg Vorbis: each is decoded to mono
// at its own rate (decodeOgg), brought to 8 kHz by the same low-pass as
// blind4's songs (resample), cut to its first and last 10 ms frames above
// truthDB, and put at -20 dBFS RMS as the other splits' tracks are; a hold
// plays a piece of one.
func blind5MOH() ([][]float32, error) {
	return oggSongs("frozen-bubble-data", FrozenBubbleDir(), frozenBubbleSongs)
}

// neverballSongs are the eight pieces of background music of
// neverball-common (Ogg Vorbis, stereo, 44.1 kHz; 0:27 to 1:55, 9:35 in
// all): the title, the interlude and the six level tracks; the package's
// other .ogg files are sound effects of under 2 s.
var neverballSongs = []string{"inter.ogg", "title.ogg", "track1.ogg", "track2.ogg", "track3.ogg", "track4.ogg", "track5.ogg", "track6.ogg"}

// blind6MOH is the music of the blind6 split. Every song of the three
// earlier music sources (the opsound tracks, xblast-tnt-musics,
// frozen-bubble-data) is played by some split; neverball-common has the
// music of a fourth game that no split plays, made the way blind5's is
// (oggSongs); a hold plays a piece of one.
func blind6MOH() ([][]float32, error) {
	return oggSongs("neverball-common", NeverballDir(), neverballSongs)
}

// a7xpgSongs are the three songs of a7xpg-data (Ogg Vorbis, mono,
// 44.1 kHz; 1:22, 0:55 and 1:09, 3:26 in all): the game's background
// music, not its sound effects (the package's .wav files, under 3 s
// each).
var a7xpgSongs = []string{"bgm1.ogg", "bgm2.ogg", "bgm3.ogg"}

// blind7MOH is the music of the blind7 split. Every song of the four
// earlier music sources (the opsound tracks, xblast-tnt-musics,
// frozen-bubble-data, neverball-common) is played by some split;
// a7xpg-data has the music of a fifth game, Kenta Cho's A7Xpg (mono,
// where the earlier packages' songs are stereo), that no split plays,
// made the way blind5's and blind6's are (oggSongs); a hold plays a piece
// of one.
func blind7MOH() ([][]float32, error) {
	return oggSongs("a7xpg-data", A7xpgDir(), a7xpgSongs)
}

// hexAHopSongs are the three pieces of music of hex-a-hop-data (Ogg
// Vorbis, stereo, 44.1 kHz; 5:23, 2:55 and 1:06, 9:25 in all): the game's
// music, not its sound effects (the package's sound-*.ogg files, under
// 2 s each).
var hexAHopSongs = []string{"music-game.ogg", "music-game-1.ogg", "music-ending.ogg"}

// blind8MOH is the music of the blind8 split. Every song of the five
// earlier music sources (the opsound tracks, xblast-tnt-musics,
// frozen-bubble-data, neverball-common, a7xpg-data) is played by some
// split; hex-a-hop-data has the music of a sixth game, the puzzle game
// Hex-a-Hop (by remaxim, a composer no earlier source has), that no
// split plays, made the way blind5's to blind7's are (oggSongs); a hold
// plays a piece of one.
func blind8MOH() ([][]float32, error) {
	return oggSongs("hex-a-hop-data", HexAHopDir(), hexAHopSongs)
}

// powermangaSongs are the three pieces of music of powermanga-data's
// handheld-console build (Ogg Vorbis, stereo, 22.05 kHz; 3:57, 1:36 and
// 1:33, 7:05 in all): the shoot-'em-up's menu, game and ending music.
// The package's other sounds are effects (sounds/*.wav) and the same
// music for the desktop build in the game's own format (sounds/*.zik),
// which sox does not read.
var powermangaSongs = []string{"music_congratulations.ogg", "music_game.ogg", "music_menu.ogg"}

// blind9MOH is the music of the blind9 split. Every song of the six
// earlier music sources (the opsound tracks, xblast-tnt-musics,
// frozen-bubble-data, neverball-common, a7xpg-data, hex-a-hop-data) is
// played by some split; powermanga-data has the music of a seventh game,
// TLK Games' Powermanga (at 22.05 kHz, where the earlier packages' songs
// are at 44.1 kHz), that no split plays, made the way blind5's to
// blind8's are (oggSongs); a hold plays a piece of one.
func blind9MOH() ([][]float32, error) {
	return oggSongs("powermanga-data", PowermangaDir(), powermangaSongs)
}

// pushoverSongs are three of the ten pieces of pushover-data (Ogg Vorbis,
// stereo, 44.1 kHz; 3:40, 1:32 and 3:48, 9:00 in all), the three whose
// themes are named for a people, not a setting or a style: aztec, greek,
// japanese. The other seven (castle, dungeon, electro, mechanic, option,
// space, toxcity) are left out to keep the decoded cache small (48 MB,
// not 165); nobody listened to any of them to choose.
var pushoverSongs = []string{"aztec.ogg", "greek.ogg", "japanese.ogg"}

// blind10MOH is the music of the blind10 split. Every song of the seven
// earlier music sources (the opsound tracks, xblast-tnt-musics,
// frozen-bubble-data, neverball-common, a7xpg-data, hex-a-hop-data,
// powermanga-data) is played by some split; pushover-data is a package
// of music alone, an eighth game's (Pushover, the domino puzzle), that no
// split plays, made the way blind5's to blind9's is (oggSongs); a hold
// plays a piece of one.
func blind10MOH() ([][]float32, error) {
	return oggSongs("pushover-data", PushoverDir(), pushoverSongs)
}

// bumpraceSongs is the one piece of music of bumprace-data (Ogg Vorbis,
// stereo, 44.1 kHz, 1:03; "Flying me softly" by Alexandr Zhelanov,
// CC-BY-3.0; the package's other three files are sound effects of under
// 3 s). Debian names it with underscores for the spaces.
var bumpraceSongs = []string{"Flying_me_softly.ogg"}

// blind11MOH is the music of the blind11 split, from a ninth source: the
// eight earlier ones (the opsound tracks, xblast-tnt-musics,
// frozen-bubble-data, neverball-common, a7xpg-data, hex-a-hop-data,
// powermanga-data, pushover-data) are played by some split, and the seven
// pushover-data pieces blind10 leaves out are the same composer's for the
// same game. bumprace-data is a small package (a 4 MB download) whose one
// song no split plays, by a composer of none of the others; it is made
// the way blind5's to blind10's is (oggSongs); a hold plays a piece of it.
func blind11MOH() ([][]float32, error) {
	return oggSongs("bumprace-data", BumpraceDir(), bumpraceSongs)
}

// hannahSongs is the one piece of music of hannah-data (Ogg Vorbis,
// stereo, 11025 Hz, 3:13; GPL-2; the package's other sounds are effects
// of under 1.4 s, under sounds/). Its rate is the lowest of the Ogg
// songs': nothing over 5.5 kHz, the telephone band whole.
var hannahSongs = []string{"bgm1.ogg"}

// blind12MOH is the music of the blind12 split, from a tenth source: the
// songs of the nine earlier ones (the opsound tracks, xblast-tnt-musics,
// frozen-bubble-data, neverball-common, a7xpg-data, hex-a-hop-data,
// powermanga-data, pushover-data, bumprace-data) are played by some
// split, but for the seven pushover-data pieces blind10 leaves out, the
// same composer's for the same game. hannah-data is a small package (a
// 3.4 MB download, no dependencies) whose one song no split plays,
// chosen among three such songs for a lead whose pitch glides and wavers
// as a voice's does (curved partials at 0.3-3 kHz in a spectrogram of
// its first minute). It is made the way blind5's to blind11's is
// (oggSongs); a hold plays a piece of it.
func blind12MOH() ([][]float32, error) {
	return oggSongs("hannah-data", HannahDir(), hannahSongs)
}

// phlippleSongs is the one piece of music of phlipple-data (Ogg Vorbis,
// stereo, 48 kHz, 1:25; GPL-3+; the package's other sounds are effects
// of under 3.6 s).
var phlippleSongs = []string{"theme.ogg"}

// blind13MOH is the music of the blind13 split, from an eleventh source:
// the songs of the ten earlier ones (the opsound tracks,
// xblast-tnt-musics, frozen-bubble-data, neverball-common, a7xpg-data,
// hex-a-hop-data, powermanga-data, pushover-data, bumprace-data,
// hannah-data) are played by some split, but for the seven pushover-data
// pieces blind10 leaves out, the same composer's for the same game.
// phlipple-data is a small package (a 2.5 MB download, no dependencies)
// whose one song no split plays, chosen over raincat-data's (sparse
// piano-like notes) for a character none of the earlier music has: a
// dense, steady beat with no pause (no 100 ms of it 20 dB under its mean
// level; hannah-data's song has 31) whose power sits under 300 Hz, where
// a voice's fundamental is (87% of it at 8 kHz against the hannah-data
// song's 52%; sox sinc -300 stats). It is made the way blind5's to blind12's is (oggSongs); a hold
// plays a piece of it.
func blind13MOH() ([][]float32, error) {
	return oggSongs("phlipple-data", PhlippleDir(), phlippleSongs)
}

// oggSongs makes hold music of the Ogg Vorbis songs names in dir (the
// Debian package pkg): each is decoded to mono at its own rate
// (decodeOgg), brought to 8 kHz by blind4's low-pass (resample), cut to
// its first and last 10 ms frames above truthDB, and put at -20 dBFS RMS
// as the other splits' tracks are. A song missing is ErrNoSounds naming
// the package.
func oggSongs(pkg, dir string, names []string) ([][]float32, error) {
	var out [][]float32
	for _, name := range names {
		path := filepath.Join(dir, name)
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("%w: no %s song %s", ErrNoSounds, pkg, path)
		}
		s, rate, err := decodeOgg(path)
		if err != nil {
			return nil, err
		}
		s = resample(s, rate)
		if sp := activityGap(s, 0); len(sp) > 0 {
			s = s[sp[0][0]:sp[len(sp)-1][1]]
		}
		if len(s) < 15*Rate { // a hold is 8-14 s
			return nil, fmt.Errorf("realspeech: %s: %.1f s of music, want at least 15", path, float64(len(s))/Rate)
		}
		normalizeRMS(s, -20)
		out = append(out, s)
	}
	return out, nil
}

// oggRecipe names how decodeOgg decodes (the sox command in soxDecode):
// it is part of the cached file's name, so changing the command means
// changing it, and every song is decoded anew.
const oggRecipe = "sox-s16-mono-1"

// MusicCacheDir is where decodeOgg keeps the decoded songs:
// CACHE/realspeech-music, CACHE being $CALLSCOPE_CACHE or
// ~/.cache/callscope (scripts/setup.sh's cache).
func MusicCacheDir() string {
	return filepath.Join(cachedir.Dir(), "realspeech-music")
}

// decodeOgg decodes an Ogg Vorbis file to mono samples at the file's own
// rate. Go's library has no Vorbis decoder and a test set's music is not
// worth a module: sox (installed by scripts/setup.sh apt, whose
// libsox-fmt-base reads Vorbis) decodes each song once into
// MusicCacheDir, under its name, oggRecipe and the first 16 hex digits of
// the file's SHA-256, so another version of the package with other bytes
// is decoded anew and the same bytes never twice.
func decodeOgg(path string) ([]float32, int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %w", ErrNoSounds, err)
	}
	sum := sha256.Sum256(data)
	cached := filepath.Join(MusicCacheDir(), fmt.Sprintf("%s-%s-%x.wav", strings.TrimSuffix(filepath.Base(path), ".ogg"), oggRecipe, sum[:8]))
	if _, err := os.Stat(cached); err != nil {
		if err := soxDecode(path, cached); err != nil {
			return nil, 0, err
		}
	}
	f, err := os.Open(cached)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	a, err := wav.Decode(f)
	if err != nil {
		return nil, 0, fmt.Errorf("realspeech: %s (decoded from %s): %w", cached, path, err)
	}
	if len(a.Channels) != 1 {
		return nil, 0, fmt.Errorf("realspeech: %s: %d channels, want 1", cached, len(a.Channels))
	}
	return a.Channels[0], a.SampleRate, nil
}

// soxDecode decodes src (any format sox reads) to a 16-bit mono WAV at
// src's rate, the channels' mean (sox's -c 1), at dst. -R (repeatable)
// and -D (no dither): the same file gives the same samples on every run.
// sox writes a file of this process's own and renames it into place, so
// two test processes decoding at once do not read half a file.
func soxDecode(src, dst string) error {
	sox, err := exec.LookPath("sox")
	if err != nil {
		return fmt.Errorf("%w: sox decodes the Ogg Vorbis music of the blind5 to blind13 splits: %w", ErrNoSounds, err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	tmp := fmt.Sprintf("%s.%d.tmp", dst, os.Getpid())
	out, err := exec.Command(sox, "-R", "-D", "-V1", src, "-t", "wav", "-e", "signed-integer", "-b", "16", "-c", "1", tmp).CombinedOutput()
	if err != nil {
		os.Remove(tmp)
		if bytes.Contains(out, []byte("no handler")) { // sox without its format libraries
			return fmt.Errorf("%w: sox cannot read %s (libsox-fmt-base reads Ogg Vorbis): %s", ErrNoSounds, src, bytes.TrimSpace(out))
		}
		return fmt.Errorf("realspeech: sox %s: %w: %s", src, err, bytes.TrimSpace(out))
	}
	return os.Rename(tmp, dst)
}

// xblastRate is the sample rate of the xblast songs (xbsndsrv's
// SAMPLE_RATE).
const xblastRate = 22050

// stereo8ToMono decodes raw 8-bit unsigned stereo (left, right, left, ...)
// to mono, the mean of the two channels, in [-1, 1).
func stereo8ToMono(data []byte) []float32 {
	out := make([]float32, len(data)/2)
	for i := range out {
		out[i] = (float32(data[2*i]) + float32(data[2*i+1]) - 256) / 256
	}
	return out
}

// resample brings s from the rate from to Rate by band-limited
// interpolation: a sinc low-pass cut at resampleCut (under the 4 kHz of
// the telephone's Nyquist, so the songs' upper octaves do not fold back
// as aliases), Blackman-windowed over resampleHalf input samples either
// side at 22050 Hz, in proportion to the rate at others (128 at 44.1
// kHz, 139 at 48 kHz, 32 at 11025 Hz):
// the window spans the same time at every rate, so the filter's response
// in Hz is the same. The kernel is tabled for each of the phases the
// ratio of the rates makes (320 for 11025 Hz, 160 for 22050 Hz, 80 for
// 44.1 kHz, 1 for 48 kHz), so the result is the same on every run.
func resample(s []float32, from int) []float32 {
	g := gcd(from, Rate)
	step, phases := from/g, Rate/g // the output advances step/phases input samples
	fc := resampleCut / float64(from)
	half := max(1, resampleHalf*from/xblastRate)
	taps := make([][]float64, phases)
	for p := range taps {
		frac := float64(p) / float64(phases)
		taps[p] = make([]float64, 2*half)
		for k := range taps[p] {
			t := float64(k-half+1) - frac // from -half+1-frac to half-frac
			x := t / float64(half)
			w := 0.42 + 0.5*math.Cos(math.Pi*x) + 0.08*math.Cos(2*math.Pi*x)
			sinc := 2 * fc
			if t != 0 {
				sinc = math.Sin(2*math.Pi*fc*t) / (math.Pi * t)
			}
			taps[p][k] = sinc * w
		}
	}
	out := make([]float32, len(s)*phases/step)
	for i := range out {
		at := i * step
		c, p := at/phases, at%phases
		var acc float64
		for k, h := range taps[p] {
			if j := c + k - half + 1; j >= 0 && j < len(s) {
				acc += float64(s[j]) * h
			}
		}
		out[i] = float32(acc)
	}
	return out
}

const (
	resampleCut  = 3600.0 // Hz
	resampleHalf = 64     // input samples either side of the kernel's centre, at xblastRate
)

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func readMono(path string) ([]float32, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoSounds, err)
	}
	defer f.Close()
	a, err := wav.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("realspeech: %s: %w", path, err)
	}
	if a.SampleRate != Rate || len(a.Channels) != 1 {
		return nil, fmt.Errorf("realspeech: %s: %d Hz, %d channels; want 8000 Hz mono", path, a.SampleRate, len(a.Channels))
	}
	return a.Channels[0], nil
}

// normalize scales s so that its peak is at db dBFS.
func normalize(s []float32, db float64) {
	var peak float32
	for _, v := range s {
		peak = max(peak, v, -v)
	}
	if peak == 0 {
		return
	}
	g := float32(math.Pow(10, db/20)) / peak
	for i := range s {
		s[i] *= g
	}
}

// normalizeRMS scales s so that its RMS is db dBFS.
func normalizeRMS(s []float32, db float64) {
	var e float64
	for _, v := range s {
		e += float64(v) * float64(v)
	}
	if e == 0 {
		return
	}
	g := math.Pow(10, db/20) / math.Sqrt(e/float64(len(s)))
	for i := range s {
		s[i] *= float32(g)
	}
}
