package redact

import "github.com/callscope/callscope/schemas"

// medicalStaff reports whether w is a medical worker's role no staff
// list had, in a noun's case («медсестра ольга николаевна приедет»,
// «ортопед карпенко олег валерьевич принимает»: lane i13over21, causes
// block SO): one of medicalRoles and a case's ending, not a department's
// or an adjective's word of the same stem («в травматологии»,
// «ортопедический», «ветеринарная»). staffWord asks it with staffWords.
// (Not «лор», a first name's beginning, «лора».)
func medicalStaff(w string) bool {
	if !medicalRoles.of(w) {
		return false
	}
	for _, x := range medicalRoles.by[w[1]] {
		if len(w) >= len(x) && w[:len(x)] == x && isWord(w[len(x):], "", "а", "у", "ом", "е", "ы", "и", "ой", "ою", "ам", "ов", "ами", "ах", "ша") {
			return true
		}
	}
	return false
}

var medicalRoles = newBeginningSet("медсестр", "медбрат", "фельдшер", "акушер", "ортопед", "невролог", "невропатолог", "окулист", "офтальмолог",
	"гинеколог", "уролог", "эндокринолог", "дерматолог", "травматолог", "онколог", "ревматолог", "гастроэнтеролог", "пульмонолог", "аллерголог",
	"оториноларинголог", "отоларинголог", "психиатр", "психотерапевт", "логопед", "массажист", "рентгенолог", "узист", "лаборант", "провизор",
	"фармацевт", "ветеринар", "ветврач", "анестезиолог", "нефролог", "флеболог", "маммолог", "проктолог", "остеопат", "физиотерапевт")

// driverComing reports whether the name at token i, after «водитель» on
// the operator's channel, is the driver sent to the client: a verb of
// coming or of being there within three words after it («водитель
// анатолий павлович будет в три», «водитель олег подъедет»: causes block
// SO), the name's words between. Not the driver the call is about, the
// client («водитель назаров рустам хамидович вижу выплату»).
func (s *scan) driverComing(i int) bool {
	if s.role == schemas.RoleClient {
		return false
	}
	seg := s.toks[i].seg
	for j := i + 1; j < len(s.toks) && j <= i+3 && s.toks[j].seg == seg; j++ {
		w := s.norm(j)
		if isWord(w, "будет", "подъедет", "приедет", "подъезжает", "приезжает", "подъехал", "приехал", "подъехала", "приехала", "ждет", "ждёт", "ожидает",
			"позвонит", "перезвонит", "заберет", "заберёт", "привезет", "привезёт", "прибудет", "едет", "выехал", "выехала") {
			return true
		}
		if !isLetters(w) || s.toks[j].has(tNum|tStop|tConn|tCue|tTrap) {
			return false
		}
	}
	return false
}
