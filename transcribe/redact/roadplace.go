package redact

// roadPlaceBefore reports whether an address from..to, no flat in it, is
// a business's or a road's place named right before it in its sentence,
// five words back at most: a car wash, a dealer, a car service, a fuel
// station, a shopping or a business centre, a crossroads or a traffic
// light («стою у автомойки на улице кирова 22», «отвезём к дилеру
// каширское шоссе 41», «у торгового центра на проспекте мира 108», «на
// перекрёстке на улице гагарина возле дома 17»; causes block TH, ct):
// where a car stands or was hit, not where anyone lives. Said by either
// side. Not when the speaker's home is said nearer («живу у заправки
// на ...», «во дворе у дома на ...», «мой», «домой»).
func (s *scan) roadPlaceBefore(from, to int) bool {
	if s.flatIn(from, to) {
		return false
	}
	seg := s.toks[from].seg
	for j := from - 1; j >= 0 && j >= from-5 && s.toks[j].seg == seg; j-- {
		w := s.norm(j)
		if isWord(w, "мой", "моя", "мое", "моё", "мою", "моего", "моей", "живу", "живем", "живём", "проживаю", "прописан", "прописана", "домой", "дома", "дом", "дому", "двор", "дворе", "подъезда", "подъездом") {
			return false
		}
		if roadPlaceWords.of(w) {
			return true
		}
	}
	return false
}

// roadPlaceWords: a car's places a client names where the car stands or
// was hit (roadPlaceBefore); «торгов», «бизнес» before «центр».
var roadPlaceWords = newBeginningSet("автомойк", "мойк", "дилер", "автосалон", "автосервис", "шиномонтаж", "заправк", "азс", "торгов", "бизнес", "тц", "трц", "бц",
	"перекрест", "перекрёст", "светофор")

// hourUntilWords reports whether tokens from j, in segment seg, are an
// hour said in words after «до» and its minutes or «ноль ноль» («до
// девятнадцати ноль ноль», «до восьми тридцати»; causes block TH): the
// closing hour of a place (hoursAround), not a house's number.
func (s *scan) hourUntilWords(j int, seg int32) bool {
	if j+1 >= len(s.toks) || s.toks[j].seg != seg || s.toks[j+1].seg != seg {
		return false
	}
	h := &s.toks[j]
	if k := h.num(); k != nkUnit && k != nkTeen && k != nkTens || lexNumVals[h.ent] == 0 || lexNumVals[h.ent] > 24 {
		return false
	}
	m := &s.toks[j+1]
	return s.norm(j+1) == "ноль" || m.num() == nkTens && lexNumVals[m.ent] <= 50 || m.num() == nkTeen
}
