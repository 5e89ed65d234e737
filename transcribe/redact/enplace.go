package redact

import "github.com/callscope/callscope/schemas"

// enPlaceAddress reports whether an English address from..to is a
// business's, an office's or a meeting place's by the words of its
// sentence (review rv22c: lane i13en22's house and street closing their
// sentence reached them once the channel went on): a place's word in the
// eight words before it, nearer than a home's («our store is at forty five main street», «the
// nearest drop off location is 75 main street», «the meeting is at 4
// church street») or right after it («we're at twelve oak lane office»,
// «meet at five main street station»), or, said by the operator, «our»,
// «us» before it («you can visit us at ...»). Not with a word of the
// speaker's own home nearer before it («my», «i live now», «moving out
// of», «the address on file»), nor with an apartment's word in it.
func (s *scan) enPlaceAddress(from, to int) bool {
	if s.lang != "en" || from >= to {
		return false
	}
	seg := s.toks[from].seg
	for i := from; i < to; i++ {
		if isWord(s.norm(i), "apartment", "apt", "flat", "unit") {
			return false
		}
	}
	// (The nearer word says whose: «your order will ship from our
	// warehouse at ...», «i see the note moving out of ...».)
	for j := from - 1; j >= 0 && j >= from-8 && s.toks[j].seg == seg; j-- {
		w := s.norm(j)
		if enHomeWord(w) {
			return false
		}
		if enPlaceWord(w) || s.role == schemas.RoleOperator && isWord(w, "our", "us") {
			return true
		}
	}
	for j := to; j < len(s.toks) && j < to+2 && s.toks[j].seg == seg; j++ {
		if enPlaceWord(s.norm(j)) {
			return true
		}
	}
	return false
}

// enHomeWord: a word saying an English address is the speaker's or the
// client's home («my», «i live now», «moving out of», «the address is»).
func enHomeWord(w string) bool {
	return isWord(w, "my", "mine", "live", "lives", "living", "lived", "home", "house", "moving", "moved", "move", "address", "mom's", "dad's")
}

// enPlaceWord: an English word of a business's, an office's or a meeting
// place's premises.
func enPlaceWord(w string) bool {
	return isWord(w, "office", "offices", "store", "stores", "shop", "shops", "branch", "branches", "warehouse", "depot", "center", "centre", "location", "locations",
		"station", "reception", "headquarters", "hq", "showroom", "dealership", "outlet", "mall", "plaza", "clinic", "hospital", "pharmacy", "school", "restaurant",
		"cafe", "hotel", "bank", "meeting", "meet", "venue", "library", "gym", "salon", "garage", "factory", "campus")
}
