package redact_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/callscope/callscope/transcribe/redact"
	"github.com/callscope/callscope/transcribe/redact/internal/piigen"
)

// writtenSets are the hand-written personal-data sets under testdata/pii
// (each with a README: who wrote it, how, what it was used for) and the
// recall per type and over-redaction each must keep. They were written by
// authors who never saw the rules, so unlike the generated splits they
// show how the rules meet wording nobody designed them for. A floor is
// the figure last reached: raise it when the rules get better, never lower
// it to make a test pass.
var writtenSets = []struct {
	split     string
	minRecall map[string]float64 // per span type
	maxOver   float64            // share of traps with any token masked
}{
	{"blind/bp", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 0.97, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.006}, // 3 of 559 (0.5%) since block QH («деревня ивановка» after «ивановна», no longer masked as the name misheard: a place's name after its word); 4 of 559 (0.7%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it): bp-0062's village, relabelled a city trap, is masked as an echo of the name said before it («ивановна» — «деревня ивановка»; a name rule's); 3 of 556 (0.5%): two are companies' INNs, masked since issue 13 lists ten-digit INNs (bq labels them spans)
	// The second author's set, measured blind once by the lead at f707773
	// (docs/privacy.md), then handed over and tuned on (lane i13s): these
	// floors are the tuned figures, no longer blind ones. Its address
	// spans were relabelled to issue 13's convention (the city, region
	// and index out of the span, a city trap; its README).
	{"blind2/bq", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 1.00, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0}, // name 0.992 -> 1.000 since block FV (a first name after a correction word); 0 of 639 (blind, on the old labels: 43 of 619, 6.9%)
	// The third author's set (lane bp3, session 7), written to issue 13's
	// conventions and measured blind by the lead at dca2c97 and 6ab3573:
	// the floors were the blind figures at 6ab3573 (docs/privacy.md, "A
	// third author"), then raised to the figures after tuning on it (lane
	// i13u; causes blocks PP onwards): no longer blind ones.
	{"blind3/br", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 0.97, "cvv": 1.00,
		"email": 0.97, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.002}, // 1 of 898 (0.1%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (3 of 897 before); account 0.975 -> 1.000 since block LO (an account's start read back with its zero dropped: «сорок восемь семнадцать» for 40817); name 0.991 -> 1.000 since block NK (who lives at a flat said after its address: «квартира 75 хабибуллины»); address 0.978 -> 1.000 since block GL (an entrance and floor after the address); 3 of 897 (0.3%; 10 after lane i13u; blind at 6ab3573 31, 3.5%; at dca2c97 37, 4.1%)
	// The fourth author's set (lane bp4, session 8): names from every
	// people of Russia and beyond, several kinds of data in one
	// conversation, traps that look like identifiers. Measured blind by
	// the lead at 7f97839 and at c51bf0f (after the session's rule work;
	// docs/privacy.md, "Accuracy"): the floors are the blind
	// figures at c51bf0f, but for two causes fixed after (name 0.646 ->
	// 0.708, over-redaction 5.6% -> 5.4%).
	{"blind4/bs", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 0.95,
		"email": 1.00, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.008}, // 10 of 1268 (0.8%) with lane i13aggA21 (block RM: a bank's short line no answer to a CVV's cue: «блокируйте карту в банке 900»); 11 of 1268 (0.9%) since block QE («медицина оксана»: the company's name of a surname's shape and the operator's first name, the whole first sentence); 13 of 1268 (1.0%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (16 before); name 0.992 -> 1.000 since block PH (a name spelled after it: «нгуен н г у е н нгуен»); 16 of 1268 (1.3%) since block JO («улица молодёжная дом два квартира пятнадцать посёлок кратово»: the settlement after the flat kept); 17 of 1268 (1.3%) since session 14's code words (a secret word answering «кодовое слово», masked as a code by policy; this author kept it as a common word); name 0.985 -> 0.992 since block NU (a name's word misspelled next to it: «написано мюлер а надо [мюллер]»); 15 of 1268 (1.2%) since block IA («ноль четыре двадцать девятого код 3 8 5»: the expiry no longer a code); name 0.977 -> 0.985 since block ND (a Korean name of three syllables: «ли ен су это кореец»); 16 of 1268 (1.3%; an employer's landline the client gives since block FY; 17 before; a bank's INN asked with «инн банка» since block ET; 37 at session 9's start; blind at c51bf0f 71, 5.6%, at 7f97839 69): prices next to a card's digits, office addresses, hotlines; «минус» between two numbers no longer a mailbox's joiner, sums in round hundreds and thousands, an operator's address with hours, the operator's numbers after a CVV the client blurted, «последний раз», an ad's, a licence's, a cadastral number, a refused cue, «это бик» after a number (after it was landed)
	// The fifth author's set (lane bp5, session 9): names in every case
	// and order, foreign and spelled, addresses in unusual forms (шоссе,
	// СНТ, «дробь», the flat first), data in uneven chunks and pieces
	// across answers, read-backs corrected, traps that look like
	// identifiers next to the real ones. Measured blind by the lead at
	// 5ec9e1b and at bf6fc3c (after the session's rule work;
	// docs/privacy.md, "Accuracy"): the floors were the blind
	// figures at bf6fc3c; tuned on since (lane i13s9, session 9: causes
	// blocks DZ, EA, EB, EC, a SNILS's «и контрольное», a «линия», a
	// street after its house, a last group after «и»; lane i13r10,
	// session 10: block ED, a CVV's or a code's last digit after «и» and
	// a doubt; block EE, dates of birth said of a family; block EF, a
	// name with a word said twice; block EG, addresses in unusual forms;
	// block EH, a double surname's half, a surname spelled after it, the
	// name before and after «стала»; block EI, a passport office's code
	// and an error's number are no codes; block EJ, foreign and rare
	// names; block EK, a surname read back after «как», one answering «на
	// кого»; block EL, a code that names what it codes; block EM, what an
	// address or a date of birth leaves after it; block EN, Irish and
	// French surnames; block EO, a promo code's Latin word; block EP, a
	// house first with «дробь» or «к дому»; block EQ, a number dictated
	// on after «и дальше»; block ER, after a sentence of «ой подождите»;
	// block ES, a relative's word, «на» and the name),
	// so address, inn, snils, cvv, code, birthdate and name are in-sample
	// figures now.
	{"blind5/bt", map[string]float64{
		"account": 1.00, "address": 0.93, "birthdate": 0.98, "card": 1.00, "code": 1.00, "cvv": 0.97,
		"email": 1.00, "inn": 0.96, "name": 0.97, "passport": 0.98, "phone": 0.95, "snils": 1.00,
	}, 0.012}, // cvv 0.929 -> 0.976 with lane i13num22's block UI (session 22: «вижу 2 4 и последняя вроде 1», its two digits; the last after «вроде» left); 14 of 1176 (1.2%) with lane i13aggA21 (block RM: a bank's short line no answer to a CVC's cue: «заблокируйте карту по 900»), 15 before; address 0.914 -> 0.931 since block QV («дом» and its number after an address masked: «да там одна улица нет названия дом пять и все»); 15 of 1176 (1.3%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (16 before; address 0.918 of 61 -> 0.914 of 58: three entrance-only spans relabelled out); address 0.885 -> 0.918 since block ME (an address's number the other side read back, corrected in the next sentence: «нет не двенадцать а двадцать один»); 16 of 1176 (1.4%) since session 14's code words (a secret word answering «кодовое слово», masked as a code by policy; this author kept it as a common word); 15 of 1176 (1.3%) since block IW («0 6 2 8 а цвц 5 1 4»); 16 of 1176 (1.4%) since block IU (the speaker's «срок» before a month and a year said in words: «срок ноль два тридцать»); card 0.953 -> 1.000 since block IT («5536 0249» — «подождите она у меня в другой сумке так 2707»); 17 of 1176 (1.4%) since block IR («прием 16 декабря 17 00» no passport); name 0.965 -> 0.971 since block NL (a double surname's half after a hyphen: «двойная [полищук]-ким»); card 0.938 -> 0.953 since block IE («... восемьдесят восемь ноль пять и девяносто три пятьдесят девять», the last of a dictation's sentences); name 0.959 -> 0.965 since block NB (the first name of whom a sentence's data is, after «у»: «у старшего богдан [inn]»); birthdate 0.945 -> 0.982 since block HO (a second whole date of a birth year in the sentence of a masked one); cvv 0.905 -> 0.929 since block HK («я отправила 0 5 2»: a verb before a code read digit by digit); snils 0.980 -> 1.000 since block GV (a control number read back, its pieces one masked already); address 0.869 -> 0.885 since block FS (a house's number corrected after it), name 0.953 -> 0.959 since block FT (the surname a few words after «фамилия»); 19 of 1176 (1.6%; sums after «покупка», «абонплата» since block FU, «за квартиру 2 130» since block FX; a staff member's name with «стаж» since block FQ, a department's and a parcel locker's address since block FR; 25 before; a fine's 20 digits from 1 since block ET, a role mailbox since block FH; 33 blind at bf6fc3c, 35 at 5ec9e1b, 3.0%)
	// The sixth author's set (lane bp6, session 10): foreign and rare
	// names of Russia's many peoples, names with initials, titles,
	// diminutives and spelled; rural and new-district addresses (СНТ,
	// квартал, ЖК with корпус and секция, reverse order, two in a call);
	// dates of birth with month names, ages and «числа ... месяца»; CVVs
	// and codes after a detour; lookalike traps next to the real data.
	// Measured blind by the lead at 019f113 and at fba90be (after the
	// session's rule work: docs/privacy.md, "Accuracy"): the floors are
	// the blind figures at fba90be; tuned on since (lane i13s10, session
	// 10: block ET, numbers of an identifier's shape that are an
	// institution's or a document's; block EU, a surname no list knows
	// around a first name and patronymic, after a relative's first name,
	// with two initials; block EV, a relative's or a buyer's name no list
	// knows; block EW, a code with letters among its digits; block EX,
	// dates of birth around an age or a family's; block EY, one initial
	// after a masked name; block EZ, a name no list knows after a
	// title; block FA, «аш» spelling a mailbox; block FB, what opens an
	// address before its street or house; block FC, a CVV's digits said
	// again swapped; block FD, a surname and initials opening an answer,
	// a first name after «меня»; block FE, a number asked by a trap word
	// is no repeat of an identifier; block FF, «числа ... месяца», a date
	// of birth said again in words, «заканчивающийся на»; block FG, a
	// date of birth's day and month read back alone; block FH, «почта рф»
	// after «собака», a role mailbox after other words; block FI, an
	// expiry with «срок» after it), so name, code,
	// cvv, e-mail, address, phone,
	// birthdate and over-redaction are in-sample now.
	{"blind6/bu", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 0.97, "card": 1.00, "code": 1.00, "cvv": 0.97,
		"email": 0.93, "inn": 1.00, "name": 0.92, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.013}, // address 0.947 -> 1.000 since block RS2 («не строителей 15 а строителей 51»: a street with no street word corrected in a sentence of its own); address 0.921 -> 0.947 since block RZ («снт ветеран 2 участок 18 дом 1»: a garden society's number after its name); email 0.913 -> 0.935 with lane i13agg20 (a mailbox spelled letter by letter, read back as the words its letters make: «з у л ь ф и я эм а л ь» — «зульфия мал»); 10 of 779 (1.3%) since lane i13a18's entrance and floor said in the next sentence kept (bu-0205's «подъезд 2 этаж 9»); 12 of 779 (1.5%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (15 before); inn 0.973 -> 1.000 since block LP (the end of a number masked before, as a record has it: «у нас в конце 82 записано»); name 0.916 -> 0.923 since block PM (a first name after a relative's word and a verb: «внучка посмотрит лиза»); name 0.909 -> 0.916 since block PH (a masked name spelled alone: «[ким ир] нет» ... «к и м отдельно»); 15 of 779 (1.9%) since block JP («доставка 31 декабря к 10 утра»: no house after «к»); 16 of 779 (2.1%) since session 14's code words (a secret word answering «кодовое слово», masked as a code by policy; this author kept it as a common word); 15 of 779 (1.9%) since block IY («b2b собака tele2 точка ру»); name 0.895 -> 0.909 since block NJ (first names no list knew: «внучку сафию», «дочь айлана»); name 0.867 -> 0.895 since block ND (a Korean name's syllables: «ким ир нет ...», «ким ин хо» read back; left: «кимир ин хо», «кимирин», the surname glued to a syllable); 16 of 779 (2.1%) since block GZ («6 000 на 10 лет» after a passport kept); email 0.891 -> 0.913 since block GW («... подчеркивание пак собака ...»); name 0.846 -> 0.867 since block GP («эс эйч эм и дэ тэ шмидт», read back after); 17 of 779 (2.2%: «улица зеленая около дома 14» kept since block GS, «около» no surname); 18 (2.3%) since block GL: «подъезд 2 этаж 9» right after the address is a trap to this author (two kinds on one sentence), a span to br's, bv's and bx's, which the rule follows; 16 of 779 (2.1%; a staff member's name «из кадров» since block FQ, a sum after «автоплатеж» since block FU; 18 before; block FI's expiry read back with «срок» after it; 26 blind at fba90be and 019f113: block ET's fines' rulings and UINs, banks' and a clinic's INNs, a diagnostic card; block FE's KPP after the INN; block FH's role mailbox after other words)
	// The seventh author's set (lane bp7, session 10): heavy recognizer
	// garbling of number words («сорог», «восем», «питсот») and
	// non-native speakers, identifiers over three or more turns, names of
	// CIS peoples with «оглы», «кызы», addresses with abbreviations
	// («мкр», «кв»), dates of birth with the month first. Measured blind
	// by the lead at 019f113, at 039f6b5 and at 3ec3178 (after the
	// session's second round of rules, tuned on bu): the floors are the
	// blind figures at 3ec3178; tuned on since (lane i13n10, session 10:
	// block FJ, number words garbled by the recognizer, read as the
	// number words they sound like next to a number), so account, card,
	// code, cvv, inn, passport, phone and snils are in-sample now.
	{"blind7/bv", map[string]float64{
		"account": 0.96, "address": 1.00, "birthdate": 0.98, "card": 1.00, "code": 0.97, "cvv": 0.91,
		"email": 0.93, "inn": 1.00, "name": 1.00, "passport": 0.92, "phone": 0.93, "snils": 0.97,
	}, 0.024}, // phone 0.927 -> 0.939 with lane i13aggA21 (block RH: a mobile after a verb of calling and «на» in the answer to a question with a trap word: «мастер когда» — «мастер перезвонит на восемь девятьсот ...»); birthdate 0.962 -> 0.981 with lane i13aggA21 (block RA: a date of birth's parts said again after it was masked, its month named again after it: «... восемьдесят второго ну сентябрь»); address 0.974 -> 1.000 with lane i13agg20's addressDenied (a street taken back by «нет» right before the address: «москва проспект абая нет [улица абая 26]», «3 и 4 квартал нет [4 квартал д 7 кв 61]»); cvv 0.886 -> 0.914 and address 0.961 -> 0.974 with lane i13agg20 (a CVV read back whole before «оплачено»: «490 оплачено 12 340»; a flat confirmed with the sentence going on: «сто пятьдесят да подъезд шестой»); address 0.935 -> 0.961 since block QV («нет улицы нету просто дом пять», «частный дом это дом четырнадцать»); 20 of 857 (2.3%) since block QS (a landline ending in a pair said twice or three times, a company's: «петров телефон компании 8 495 644 44 44»); address 0.924 (79) -> 0.935 (77) since lane i13a18 relabelled two entrance-only spans out (bv-0125, bv-0241); 21 of 857 (2.5%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (22 before); account 0.945 -> 0.964 since block MD (another account's start said with its class's zero dropped: «да старый сорок восемь ноль восемь», «сорок семь восемьсот два восемьсот десять это не то»); 22 of 857 (2.6%) since session 14's code words (a secret word answering «кодовое слово», masked as a code by policy; this author kept it as a common word); 20 of 857 (2.3%) since block IY («job собака перекресток ру»); code 0.956 -> 0.978 since block IP («код действует пять минут запросите новый» — «вот новый триста двадцать девять сорок один»); name 0.995 -> 1.000 since block NE (the name's other form after it: «гурбангулы можно просто гуля»); email 0.906 -> 0.922 since block GK («зэт»), 0.922 -> 0.938 and over-redaction 22 -> 21 of 857 since block GX (a domain of two words before its TLD, «техноком групп ру»; «hr собака стройтех ру» now read whole as a company's), address 0.873 -> 0.886 since block GL, 0.886 -> 0.911 since block GQ (an address read back with its numbers in words), 0.911 -> 0.924 since block HB (a house with no street answering); 22 of 857 (2.6%; 27 before block FQ's staff members named by the operator, block FR's parcel locker and block FX's «квартира 2 комнатная»; 28 at 019f113 and 039f6b5); name in-sample since block FK (Turkic patronymics: 0.842 -> 0.941), passport and code since block FL (a series' letters: 0.774 -> 0.925, 0.889 -> 0.911), address since its «корпус б» and block FO (a house's letter or «дробь» before the flat: 0.835 -> 0.873), birthdate since block FM (garbled ordinals: 0.811 -> 0.962), code and cvv since block FP (a code or CVV the speaker named, read out in grouped number words after a warning: 0.911 -> 0.956, 0.829 -> 0.886), name since block FN (first names of the CIS's peoples and diminutives, several taken from this set's and bu's misses: 0.941 -> 0.995)
	// The eighth author's set (lane bp8, session 11): personal data taken
	// down as a form is filled in (an insurance claim, a loan, a clinic's
	// card, a delivery), field after field, answers with no cue word,
	// read-backs and corrections, fillers inside values, names asked
	// surname first. Measured blind by the lead at b45d428 and at 2bfc2f0a
	// (after lane i13r11's fifteen rule changes, tuned on bu and bv): the
	// floors are the blind figures at 2bfc2f0a (the same as at b45d428 but
	// code 0.875 -> 0.950).
	{"blind8/bw", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 0.96, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 0.96, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 0.98, "snils": 1.00,
	}, 0.018}, // phone 0.966 -> 0.983 with lane i13aggA21 (block RB: a mobile's leading «восемь» said apart after it was masked without it, «восемь впереди»); 19 of 1100 (1.7%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (22 before); birthdate 0.951 -> 0.967 since block LS (a child's date of birth answering the other side's «ребенок [name]»: «да 17 июня 2024»); account 0.977 -> 1.000 since block LO («сорок восемь семнадцать» for 40817); 23 of 1100 (2.1%) since block KY («тариф 2 200 вторник 15 00»: an hour after a weekday no passport); name 0.994 -> 1.000 since block OS (a surname alone after «на» in a sentence with no other name's word: «нашла на зайцеву»); 24 of 1100 (2.2%) since block IW («ноль три тридцать код 8 5 5»); passport 0.980 -> 1.000 since block IT (a wait and its reason inside a dictation: «... так секунду очки двести сорок два»); 25 of 1100 (2.3%) since block IQ («номер убытка» — «0019 443 871» kept); name 0.989 -> 0.994 since block NK («квартира 315 фомичев какой то»); name 0.983 -> 0.989 since block NJ («[третьякова] мила»); 26 of 1100 (2.4%) since block NI («19 7 1985 ташкент» answering «дата и место рождения», not the name's question before it); name 0.977 -> 0.983 since block NG (the name read back before its next part is asked: «савина имя»); name 0.966 -> 0.977 since block NB («у юли щас посмотрю [inn]», «мой [snils] а у веры ильиничны»); 27 of 1100 (2.5%), blind at b45d428 and 2bfc2f0a; phone 0.862 -> 0.897 since block FZ (a phone's shape under a trap word that does not name it), card 0.915 -> 0.966 since block GA (a card's last four digits right after its word), 0.966 -> 1.000 since block GF (a number in parts, «так дальше» between), email 0.929 -> 0.964 since block GH (a mailbox's read-back's first words), code 0.950 -> 0.975 since block GB (a code right after «пришёл»), 0.975 -> 1.000 since block GI (a code's start cut off by «алло»), birthdate 0.885 -> 0.951 since block GC (a date of birth a few words into its answer, after a slip), name 0.931 -> 0.943 since block GD (a surname alone after the client named it as the topic), address 0.885 -> 0.981 since block GE (an address taken down field by field), 0.981 -> 1.000 since block GL (a flat's number corrected after a read-back), name 0.943 -> 0.954 since block GN («осипов и осипова»), 0.954 -> 0.960 since block GT (a name read back in another case), 0.960 -> 0.966 since block GU (a surname right after «я»), phone 0.897 -> 0.966 since block GO (a phone in pieces read back whole)
	// The ninth author's set (lane bp9, session 11): the mainstream of a
	// big contact centre's calls (a bank, a mobile operator, a
	// marketplace, an insurer, a clinic, a utility, a state hotline),
	// ordinary dictation in the common forms, mostly digits, personal data
	// inside longer conversations about something else. Measured blind by
	// the lead at b45d428, at 2bfc2f0a (after lane i13r11's rules) and at
	// 5c01d2ca (after lane i13w11's rules by shape, tuned on bw): the
	// floors are the blind figures at 5c01d2ca.
	{"blind9/bx", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 0.98, "code": 1.00, "cvv": 1.00,
		"email": 0.95, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.008}, // 7 of 936 (0.7%) since block QS (a landline ending in a pair said twice or three times, a company's: «он позвонит с номера 8 495 120 00 00»); 8 of 936 (0.9%) since block QO (a card's expiry answering «месяц и год» after the whole card); 9 of 936 (1.0%) since block QM (an enforcement proceedings' number after «по исполнительному»); 10 of 936 (1.1%) since block KW («телефон отдела 8 495 234 00 01»); 11 of 936 (1.2%) since session 14's code words (a secret word answering «кодовое слово», masked as a code by policy; this author kept it as a common word); 9 of 936 (1.0%) since block IX («30101 810 ...» after «корреспондентский»); 10 of 936 (1.1%) since block GZ («50 000 в сутки» after a card no longer its continuation); 11 (1.2%) since block GY (a company's role mailbox written with its @ kept); 14 of 936 (1.5%), blind at 5c01d2ca (15 at b45d428); snils 0.972 -> 1.000 and birthdate 0.927 -> 0.951 since block GJ (a SNILS's 3-3-3-2 groups before a date of birth), email 0.915 -> 0.936 and name 0.973 -> 0.986 since block GK, email 0.936 -> 0.957 since block GR (a mailbox's digits added after it), name 0.986 -> 1.000 since block HC (a first name alone read back by the side that asked), phone 0.974 -> 1.000 since block HD («заказ на номер» asks where, not the order's number) (letters' names «зэт», a surname spelled then said); address 0.949 -> 1.000 since block GL (a flat said again, an entrance and floor after the address), birthdate 0.951 -> 1.000 since block GM (a day corrected); phone 0.949 -> 0.974 and card 0.962 -> 0.981 since blocks FZ and GA (by shape), cvv 0.971 -> 1.000 since lane i13r11's rules
	// The tenth author's set (lane bp10, session 12): personal data as a
	// form is filled in or checked over the phone in many sectors (a loan,
	// an insurance claim, a clinic, a courier, a train, an HR call, a lost
	// card), read-backs and corrections, and in passing in ordinary calls.
	// Measured blind by the lead at 29ac2b3e (session start), 7e24d55b and
	// 3912f6c0 (after lane i13s12's rules by shape, tuned on bw, bx and
	// its own shape12): the floors are the blind figures at 3912f6c0.
	{"blind10/by", map[string]float64{
		"account": 1.00, "address": 0.97, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 0.97, "inn": 0.95, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.013}, // address 0.955 -> 0.977 since block RS («мира 118 подъезд 4»: a street named by a noun in the genitive before its house and an entrance); email 0.955 -> 0.977 with lane i13agg20 (a mailbox spelled letter by letter, read back as the words its letters make: «эм а кей эс и эм пятьдесят пять» — «максим пятьдесят пять»); 14 of 1090 (1.3%) since block QO (a card's expiry answering «месяц и год» after the whole card); 15 of 1090 (1.4%) since block QM (enforcement proceedings' numbers: «исполнительное производство 14 28 5 ...»); address 0.935 -> 0.957 and 17 of 1090 (1.6%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (by-0267's «кв 15 домофон 15» relabelled to end at the flat; 19 before); 20 of 1090 (1.8%) since block KV («пришлите резюме на нашу почту hr логистик групп ру»); 21 of 1090 (1.9%) since session 14's code words (a secret word answering «кодовое слово», masked as a code by policy; this author kept it as a common word); 18 of 1090 (1.7%) since block IY («job собака анкор точка ру»); 19 of 1090 (1.7%) since block IV («прослушивание двадцать шестого мая в семнадцать ноль ноль»); name 0.987 -> 1.000 since block NU («[... рифовна] а у вас рафовна написано»); name 0.974 -> 0.987 since block NR (a name read back to be confirmed: «голубева да» — «да нина сергеевна»); code 0.950 -> 1.000 since block IG («код 3 тысяча нет 3 1 0 0 0»: a slip said as a sum, corrected); name 0.962 -> 0.974 since block NC (a name in the operator's first sentence after the operator's own: «... мирон проверим данные водителя королёв денис»); code 0.900 -> 0.950 since block HZ («ни один» no number: «два кода и ни один не подходит 6 1 4 4 и 9 2 8 0»); email 0.932 -> 0.955 since block HQ (the letters' case named before a spelled mailbox, «большая а маленькая п и р ...»); phone 0.978 -> 1.000 since block HP (an area code after «код города» in the sentence of a masked landline); birthdate 0.977 -> 1.000 since block HO («05 03 1995 а я родилась 03 05 1995»); cvv 0.977 -> 1.000 since block HN (the expiry and three digits answering «срок и три цифры» right after the card); address 0.913 -> 0.935 since block HM (the entrance and the floor in either order, in ordinals: «второй подъезд этаж пятый»); account 0.974 -> 1.000 since block HL (the other side's read-back with the digits in another order, «1 1 4 7» — «а у нас указан 1174»); code 0.875 -> 0.900 since block HK (a code the speaker named, read out digit by digit after a verb: «а там написано 7 3 4 2 5 5»); snils 0.975 -> 1.000 since block HJ («пробел» between a number's groups, as «тире»); address 0.891 -> 0.913 since block HI (an ordinal street's number in digits before its adjective, «3 парковая 18 кв 66»; left: «мира 118 подъезд 4» answering «откуда забрать», no question the rules take for an address's, and «кв 15 домофон 15», the intercom's number, a trap to bq's, bu's, bv's and causes' authors); address 0.848 -> 0.891 since block HH (the operator's «адрес где находится автомобиль» asks for the client's place), and 19 -> 20 of 1090 (1.8%): «посёлок рощино улица лесная 12» is now masked with its village, which this author labels a city trap and bp's, bq's and causes' authors the address (the rule follows the majority: settlementBefore); account 0.921 -> 0.974 since block HF (a second value of one type after «и», «два счёта на 1209 и на 5447»; left: «два кода и ни один не подходит 6 1 4 4 и 9 2 8 0», where «один» bounds the cue); phone 0.956 -> 0.978 and inn 0.927 -> 0.951 since block HG (a verb after «номер», «инн банка» name no person's number); phone 0.911 -> 0.956 and inn 0.902 -> 0.927 since block HE (a mobile's, an INN's, a SNILS's whole shape after a trap word that does not name it: «придет 8916...», «в заявлении 4099...»); 19 of 1090 (1.7%), blind each time; email 0.909 -> 0.932 and address 0.826 -> 0.848 between 29ac2b3e and 7e24d55b
	// The eleventh author's set (lane bp11, session 12): personal data
	// through a recognizer that writes numbers as words, with its slips on
	// them (glued «двадцатьпять», «но» for «ноль», wrong case endings),
	// in ordinary calls of every consumer sector. Measured blind by the
	// lead at 29ac2b3e (session start), f727a0dc and ba8d9c40 (after lanes
	// i13s12's and i13t12's rules by shape): the floors are the blind
	// figures at ba8d9c40.
	{"blind11/bz", map[string]float64{
		"account": 0.95, "address": 0.95, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 0.97, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.016}, // birthdate 0.977 -> 1.000 with lane i13aggA21 (block RA: a date of birth's parts said again after it was masked, its year confirmed: «восьмидесятого да»); address 0.930 -> 0.953 with lane i13agg20 (the title of a street's namesake in a read-back: «записываю маршала [жукова сорок девять двести три]»); email 0.917 -> 0.979 with lane i13agg20 (a mailbox said with «на» for «собака» before a mail service, no e-mail named: «alexey минус morozov восемь восемь на gmail com», and its read-backs); birthdate 0.955 -> 0.977 since block QU (a whole date in ordinals after a relative's name: «и дочь коваленко софия седьмое ноль второе пятнадцатого»); 12 of 763 (1.6%) since block QS (a landline ending in a pair said twice or three times, a company's: «... девятьсот восемьдесят один восемьдесят один восемьдесят один»); address 0.911 (45) -> 0.930 (43) since lane i13a18 relabelled two entrance-only spans out (bz-0102, bz-0223: an entrance said after the address is no part of it); account 0.925 -> 0.950 since block LP (an account's last digit «в конце восемь» after it); 13 of 763 (1.7%) since block LC («у меня их две zaytseva точка olga собака ...»: the count no mailbox's); 14 of 763 (1.8%) since session 14's code words (a secret word answering «кодовое слово», masked as a code by policy; this author kept it as a common word); 12 of 763 (1.6%) since block IX («корреспондентский тридцать сто один ...»); 13 of 763 (1.7%) since block IW (an expiry in words before the code's word: «одиннадцать двадцать семь cvc семьсот сорок один»); snils 0.981 -> 1.000 since block IE (a last group after «и» in the last of several sentences of a dictation); cvv 0.946 -> 1.000 since block ID (the speaker's own «срок» after the card, the code corrected: «срок ноль три двадцать девять девяносто ой девятьсот»); address 0.867 -> 0.911 since block IC («деревня малиновка рузский район дом пять», a read-back closed by «квартира»); name 0.983 -> 1.000 since block NH (names joined by «и» answering a question for names: «petrov sergey и petrova elena»); email 0.896 -> 0.917 since block IB («lesya tarasova sms собака ...»: a Latin word a list knows, in a mailbox); birthdate 0.932 -> 0.955 and passport 0.979 -> 1.000 since block IA (a SNILS in words before the date of birth, «... пятьдесят два двадцать седьмое апреля ...»; «двадцать двумя сорок пятьсот ...» no date); name 0.966 -> 0.983 since block NC (the surname after a first name and patronymic before «рождения»); account 0.900 -> 0.925 since block HY («по вашему счету три восемь семь два»); name 0.932 -> 0.966 since block NB («старший иван [birthdate] младшая полина [birthdate]»); snils 0.943 -> 0.981 since block HV («в конце двадцать три а не тридцать два»: «а не» no joiner); address 0.778 -> 0.867 since block HU (a floor after a flat's number in words, a neighbour's flat by its ordinal, «да а подъезд второй»), 14 of 763 unchanged; phone 0.968 -> 1.000, card 0.970 -> 1.000, code 0.946 -> 1.000, passport 0.958 -> 0.979, inn 0.978 -> 1.000 since lane i13u12's number slips (numberSlip: glued number words, «но» for «ноль»; every case of the hundreds), 14 of 763 unchanged; 14 of 763 (1.8%), blind each time; phone 0.952 -> 0.968, card 0.955 -> 0.970, cvv 0.919 -> 0.946, address 0.756 -> 0.778, name 0.915 -> 0.932 between 29ac2b3e and ba8d9c40
	// The twelfth author's set (lane p12, session 13): whole calls of a
	// contact centre in twelve domains, personal data once or twice a call
	// among many numbers that are not personal, numbers as words in half the
	// calls; made by the author's template generator (gen.py). Measured
	// blind by the lead at 484727ac (session start), then a development
	// set: the floors are the blind figures.
	{"blind12/ca", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 1.00, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.005}, // 12 of 2855 (0.4%) since block QR (the client's «карта лояльности [...]» asks the operator's «мили тысяча двести вернутся» for no card's end); 13 of 2855 (0.5%) since block IZ («давайте в 12 00» after a date of birth read back); 14 of 2855 (0.5%) since block IY (a booking desk's mailbox: «бронь собака космос точка ру», «booking собака azimut точка ру»); 28 of 2855 (1.0%) since block IV («вылет двадцать пятого мая в пятнадцать пятнадцать»); address 0.986 -> 1.000 since block IF (a street named by a date, «восьмого марта семьдесят шесть квартира один»); name 0.932 -> 1.000 since block NA (a name read back wrongly and corrected after «нет»: «нет семенов через о а имя правильно»); card 0.881 -> 1.000 since block HW (a group named by its place, «третья группа 80 73 так»), 31 of 2855 unchanged; 31 of 2855 (1.1%), blind at 484727ac
	// The thirteenth author's set (lane p13, session 13): the hard ways
	// people give data — pieces across turns and speakers, self-corrections,
	// number words damaged by the recognizer, e-mails spelled, addresses in
	// every order, names in every case and spelled — with traps of the same
	// shapes; made by the author's template generator (gen/gen.py). Measured
	// blind by the lead at 484727ac, d4b409f4, 51150cb4 and e457eca8
	// (session 13's end): the same figures each time; the floors are they.
	{"blind13/cb", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 1.00, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.002}, // birthdate 0.987 -> 1.000 with lane i13aggA21 (block RA: a date of birth's parts said again after it was masked, the day given to «а число»: «тридцатого апреля»); address 0.987 -> 1.000 with lane i13agg20 (number words written together after a flat's number: «квартира сто семьдесятдва»); 2 of 1374 (0.1%) since lane i13a18's address boundary (an entrance and a floor said in the next sentence kept: cb-0258's «второй подъезд девятый этаж»); 4 of 1372 (0.3%) since block JA (an order's rest after «номер заказа», no card's: «пятьсот девяносто четыре»); 6 of 1372 (0.4%) since block IX (a bank's correspondent account after «корсчёт»); name 0.987 -> 1.000 since block NX (a name read out before «это вы»: «владелец мюллер андреас это вы»); 10 of 1372 (0.7%) since block IV (a day in tens before its month no year: «ждём вас двадцать восьмого апреля в восемнадцать тридцать»); cvv 0.986 -> 1.000 since block IU (number words glued into one token answering «код безопасности»: «пятьсотдевятнадцать»); name 0.948 -> 0.987 since block NT (a foreign surname and a first name after a payee's word, «получатель смит джон»; name 0.896 -> 0.948 since block NS (a surname's particle before a masked name: «получатель тер [петросян карина]»); name 0.831 -> 0.896 since block NR (a name read back to be confirmed, a word of it misheard: «ващенка правильно», «тер петрасян правильно»); name 0.727 -> 0.831 since block NQ (a surname said alone before the other side's «инициалы», initials by a letter's name: «вэ о»); phone 0.922 -> 1.000 and card 0.959 -> 1.000 since block IM (a dictation broken off by a wait and its reason: «... двести восемьдесят три секунду у меня вторая линия» — «всё так пятьдесят один сорок четыре», «93 27 секунду карту достану»); email 0.907 -> 1.000 since block IL (a login spelled with «нижнее подчёркивание» between its letters, no e-mail named before it); address 0.893 -> 0.987 since block IK (a house's number corrected in its sentence: «дом сорок восемь ой не сорок восемь а 81»); address 0.853 -> 0.893 since block IJ (a street said alone before the other side's «дом»: «бульвар гагарина» — «дом»); snils 0.730 -> 1.000 since block IH (pieces across turns with no cue, the last group after «и»: «... шестьсот семьдесят восемь» — «дальше» — «триста шестьдесят семь и восемьдесят один»); 14 of 1372 (1.0%), blind each time
	// The fourteenth author's set (lane p14, session 14): identity checks
	// and data collection in whole service calls of nine lines of business,
	// numbers mostly as digits grouped as spoken, partial values (the last
	// four digits, a year of birth), code words, and many long numbers that
	// are not personal data (contracts, policies, tracking numbers);
	// written by hand. Measured blind by the lead at 07a50181 (session 14's
	// start), then a development set: the floors were the blind figures
	// (code 0.73, birthdate 0.94, cvv 0.95, card 0.97), raised as it was tuned on.
	{"blind14/cc", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 0.97, "cvv": 1.00,
		"email": 1.00, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.013}, // 15 of 1187 (1.3%) since block QS (a landline ending in a pair said twice or three times, a company's: «запись по номеру 8 495 777 12 12»); 16 of 1187 (1.3%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (17 before); passport 0.978 -> 1.000 since block LZ (a passport said again as a record has it, after a trap word: «в анкете стоит ...», «в заявке было ...»); birthdate 0.981 -> 1.000 since block KZ («семенова вероника михайловна 6 апреля 2020», a child spoken of before); code 0.800 -> 0.978 since session 14's code words («кодовое слово барсик», «и кодовое слово» — «пломбир»: masked as a code); 17 of 1187 (1.4%) since block NY (cc-0112's «госномер т» after a name's question and a policy's: no name); 18 of 1187 (1.5%) since block IY («fraud собака zaymer точка ru»); code 0.756 -> 0.800 since block IS («[card] и 8 1 0 3 3 9 из смс», «ладно 4 4 1 0 я ввела» after «смс с кодом»); 19 of 1187 (1.6%) since block IR (an hour and minutes after a date's month or «в» no passport, code or card: «запись 17 декабря 12 15», «карта заблокирована в 16 05»); 22 of 1187 (1.9%) since block IQ (a claim's, a credit contract's number answering «номер убытка», «номер кредитного договора»); code 0.733 -> 0.756 since block IP («код действует 3 минуты отправлю новый» no trap: «вот новый 2 0 6 8»); card 0.987 -> 1.000 and cvv 0.950 -> 1.000 since block IO (a security code right after the card in one breath: «оплачу 5536 1107 0568 9056 2 3 6», «[card] и этот 0 1 8»); birthdate 0.943 -> 0.981 and card 0.974 -> 0.987 since block IN (a date of birth after the card asked with it: «[card] пятое мая шестьдесят седьмого»; «1936» inside a card's digits no date of birth); 25 of 1187 (2.1%), blind at 07a50181, and the same at lane i13r14's first five commits (blocks IH-IM)
	// The fifteenth author's set (lane p15, session 14): data given by
	// people whose names, places and speech are not the Russian norm
	// (Central Asia, the Caucasus, Tatarstan, Yakutia…), through a weak
	// 8 kHz recognizer; written by hand. Measured blind by the lead at
	// 07a50181, d2baff37, 9802a56b and 9b6ef1fc (session 14's end); the floors
	// are the end figures.
	{"blind15/cd", map[string]float64{
		"account": 1.00, "address": 0.97, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 0.94, "inn": 1.00, "name": 0.99, "passport": 0.97, "phone": 1.00, "snils": 0.95,
	}, 0.012}, // birthdate 0.973 -> 1.000 with lane i13aggA21 (block RK2: a child's date of birth with a two-digit year in words after the month, «второй ребёнок двадцатое марта двадцать третьего»); 11 of 966 (1.1%) since block QN (an office's number and a company's word: «проспект мира сто двенадцать офис четыреста один бизнес центр», an office_address and a room trap); 13 of 966 (1.3%) since block QC (cd-0141's floor after a street said last: «... дом шесть улица айская девятый этаж»); 14 of 966 (1.4%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (20 of 963 before); snils 0.927 -> 0.951 since block LP («в заявлении в конце написано двадцать один»); 20 of 963 (2.1%) since block LA (an hour after «к», no «корпус»); 22 of 963 (2.3%) since block KV («пришлите договор ... на почту abonent собака vodokanal точка ру»); birthdate 0.946 -> 0.973 since block JY (a month with a letter lost after the day's ordinal: «второе ноябя сорок шестого»); 23 of 963 (2.4%) on main with lane i13n15's name blocks and blocks JB-JX (ceiling 0.030 -> 0.024); email 0.919 -> 0.946 since block JW (the domain after a masked mailbox's name, «собака» and a top-level domain closing the sentence: «[lukashevich.olya] собака тут бай»); birthdate 0.919 -> 0.946 since block JT (a date in words opening with its day's ordinal after «ему», its month an ordinal too: «ему двенадцатое двенадцатого девяносто девятого»); code 0.974 -> 1.000 since block JS («коды» a code's cue: «вы никому коды не называли» — «назвал двести одиннадцать девятьсот пять»); cvv 0.973 -> 1.000 since block JR (the speaker's cue after the number over the other side's question: «оплату по телефону» — «я продиктую быстро 4 2 0 это код а карта»); 23 of 963 (2.4%) since block JQ (an 8 800 hotline said with a digit lost: «восемь восемьсот двести пятьдесят пять двести пятьдесят пять»); name 0.974 -> 0.991 since block OK (a name spelled after «по буквам» in its cue's sentence, and «жэ как жанна а как анна ...»); name 0.966 -> 0.974 since block OJ («это нәзирә»: a letter of another Cyrillic alphabet); 29 of 963 (3.0%) since block JP («авария на улице строителей дадут к двадцати часам»: «к» no «корпус», «часам» a unit); snils 0.902 -> 0.927 and birthdate 0.892 -> 0.919 since block JN (tens no day has before a unit's ordinal stay the number's: «... триста восемьдесят три шестьдесят пятого июля шестьдесят пятого»); address 0.860 -> 0.977 since block JJ (a garage cooperative's box, a hostel's room after the house: «гск мотор бокс сто семнадцать», «... девяносто два комната четыреста шестнадцать»); 31 of 963 (3.2%) since block JI (an hour in words and «ноль семь» after «в»: «пришёл вам сегодня в двенадцать ноль семь» no code); passport 0.949 -> 0.974 since block JF (a foreign passport's two letters and seven digits by their shape: «у меня эй си один девять ноль два три восемь семь»); passport 0.897 -> 0.949 since block JE (a passport's digits said one by one in words right before the date of birth: «эф эй один один два два три три четыре пятнадцатого января ...»); phone 0.983 -> 1.000 since block JD (an address given house first, its street closing the sentence, no longer takes the next sentence's bare number for its house: «... улица заречная» — «8 9 6 5 угу ...»); phone 0.948 -> 0.983, code 0.947 -> 0.974, account 0.972 -> 1.000 since block JC (the other side's «угу» inside a dictation: «восемь девятьсот пятьдесят два угу восемьсот ...»); phone 0.828 -> 0.948 since block JB (a country code after «плюс»: «плюс девятьсот девяносто восемь ...»); name 0.948 -> 0.966 since block OG («соседка [абрамян] седа абрамян», «получатель [фаниль] ф»: what is left of a name after its surname or a payee's first name); name 0.940 -> 0.948 since block OF («я курьер жалилов бекзод»: the caller's own role before their name); name 0.931 -> 0.940 since block OE («верно мамытов эркин меня зовут»: the name's words before «меня зовут»); 28 of 963 (2.9%) since block OD («я саргылана из якутска саргылана николаевна»: a town after «из» no surname); 29 of 963 (3.0%) since block OC («водитель рустам машина»: a noun that ends as a surname does, no surname); 30 of 963 (3.1%) since block OB (a driver named by a first name alone, a hostel's «комендант»: staff); name 0.879 -> 0.931 since block OA (first names of Central Asia's and the Caucasus's peoples no list knew: «я рахмонов парвиз», «назарова мехринисо»); 32 of 963 (3.3%) at the end; blind at 07a50181: code 0.921, name 0.862, 34 of 963 (3.5%)
	// The sixteenth author's set (lane p16, session 15): business clients
	// (sole traders, accountants, a farmer, a notary's clerk) giving a
	// person's data among business requisites that must stay (ОГРН, КПП,
	// БИК, a correspondent account, contract and invoice numbers, amounts);
	// written by hand. Measured blind by the lead at 1224752c (session 15's
	// start), then a development set: the floors start at the blind figures.
	{"blind16/ce", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 1.00, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.013}, // cvv 0.944 -> 1.000 since block QP (a CVV's two digits, the rest said missing: «видно только семь и ноль а середина нет»); 12 of 932 (1.3%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (14 before); account 0.973 -> 1.000 since block MD (another account's start said with its class's zero dropped: «да старый сорок восемь ноль восемь», «сорок семь восемьсот два восемьсот десять это не то»); passport 0.973 -> 1.000 since block LZ (a passport said again as a record has it, after a trap word: «в анкете стоит ...», «в заявке было ...»); cvv 0.917 -> 0.944 since block LQ (a code corrected right after it: «я ввёл 2 8 8 а надо 2 3 8»); 14 of 932 (1.5%) since block KW («принесите в инспекцию улица советская дом 35»); 15 of 932 (1.6%) since block KV («отправьте на lease собака resolease точка ру»); name 0.986 -> 1.000 since block OS («это у рахимова карта другого банка»); 17 of 932 (1.8%) with lane i13n15's name blocks and blocks JB-JX (ceiling 0.023 -> 0.019); birthdate 0.974 -> 1.000 since block JX (a date of birth the speaker said they need, found and read out after: «нужна дата рождения и снилс сотрудника» — «нашла 21 июня 1993 года»); 17 of 932 (1.8%) since block JV («кбк 182 1 05 04010 02 1000 110»: a requisite's code); address 0.973 -> 1.000 and 17 -> 18 of 932 (1.9%) since block JU (a postal index after the house's number: «село никольское улица центральная дом 28 301 240», its village masked with it as bp's, bq's and causes' authors have it, a city trap to this author); name 0.972 -> 0.986 since block OL («расчёт отпускных сотруднице беляевой»: the client's employee); 17 of 932 (1.8%) since block JO (a settlement after an address with its flat is no part of it: «... квартира восемь село красное»); 19 of 932 (2.0%) since block JM (a date before «дата рождения» with the date of birth after it: «приём второе декабря дата рождения ...»); passport 0.946 -> 0.973 since block JL (a year said as an ordinal after the month ends the date: «девятнадцатое апреля девяносто первого 45 15 617 832»); phone 0.947 -> 1.000 and account 0.946 -> 0.973 since block JK (a number's first part closed by «и дальше», «сейчас дальше»); 20 of 932 (2.1%) since block JI («к пятнадцати ноль ноль» no passport); cvv 0.889 -> 0.917 and code 0.973 -> 1.000 since block JH (a value after a contrast, «а на карте», «а следующий»: «я ввела [...] а на карте девятьсот девятнадцать»; phone 0.921 -> 0.947 since block JG (a mobile's whole shape a few words after a room's trap word: «телефон владельца кабинета новый +7 999 ...»); name 0.958 -> 0.972 since block OI («и вторая гладких светлана»: a surname in «-их», «-ых»); name 0.944 -> 0.958 since block OH («это кравец юлия»: a surname no ending tells after «это» before a first name); 21 of 932 (2.3%), blind at 1224752c
	// The seventeenth author's set (lane p17, session 15): data said in a
	// hurry in everyday life — parents about their children, couriers and
	// drivers, a family booking a trip, a tenant, a vet clinic — tangled with
	// everyday numbers (floors, entrances, intercoms, ages, routes, prices),
	// relatives' data in the same breath; written by hand. Kept blind to
	// session 15's end, measured by the lead at 1224752c, 193e0375, e059cee0
	// and cfd73b82: the floors are the end figures.
	{"blind17/cf", map[string]float64{
		"account": 1.00, "address": 0.96, "birthdate": 1.00, "card": 1.00, "code": 0.98, "cvv": 0.95,
		"email": 1.00, "inn": 1.00, "name": 0.99, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.014}, // address 0.943 -> 0.962 since block RX2 («а квартира» — «сорок пять дом тихвинская три ...»: a flat's number in words opening the answer before the whole address); 12 of 892 (1.3%) since block QC (cf-0149's floor after a street said last: «дом 5 квартира 40 улица профсоюзная первый этаж»); 13 of 892 (1.5%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (18 before); cvv 0.902 -> 0.951 since block LR (a CVV given after naming it, said after «я уже» closing the sentence: «ну я уже сорок один пять»); inn 0.976 -> 1.000 since block LP («а у вас в конце 903 вписано»); passport 0.977 -> 1.000 since block LK (a passport's four and six digits answering «паспорт и свидетельство»); inn 0.952 -> 0.976 since block LC (an INN's number words before a mailbox's Latin word no part of it); code 0.900 -> 0.980 since block LB (a code the client named without saying it, said alone in their next sentence after the operator's «назовите»); name 0.971 -> 0.981 since block PE («лёва»), 0.990 since block PF (a first name after a masked number closing the sentence); name 0.952 -> 0.971 since block PD (a surname before a first name closing an answer; a class's letter «г» before a name); birthdate 0.977 -> 1.000 since block KY («[passport] пятое декабря две тысячи седьмого»); name 0.943 -> 0.952 with lane i13n16's blocks OX-PB; address 0.868 -> 0.943 and name 0.933 -> 0.943 since block KU (a street with no word after a verb of standing or waiting, «стою у ленина тридцать»; passport 0.932 -> 0.977 and birthdate 0.953 -> 0.977 since block KT (a relative's data after the relative's word in one breath with the speaker's: «... а муж девяносто два ноль восемь ...», «[phone] мама двенадцатое июня шестидесятого»); cvv 0.854 -> 0.902 since block KS (a CVV read back digit by digit before «списали», «оплачено»); name 0.933 -> 0.943 since block OS («вижу заказ на клименко выдаём»); 20 of 892 (2.2%) at the end; blind at 1224752c: name 0.924, 21 of 892 (2.4%); snils 0.953 -> 1.000, inn 0.905 -> 0.952, account 0.976 -> 1.000, phone 0.986 -> 1.000 since block KR (a number broken by a short aside, «568 604 так где ж он 981 747», joined when the whole passes its checksum)
	// The eighteenth author's set (lane p18, session 16): public services
	// and documents — a МФЦ, the pension and tax services, courts, a notary,
	// admissions, a military office — where application, case and fine
	// numbers, УИН, КБК and offices' addresses stand beside the person's
	// passport, SNILS and INN. Landed as a development set at once.
	{"blind18/cg", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 0.97, "card": 0.97, "code": 0.94, "cvv": 1.00,
		"email": 1.00, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.019}, // passport 0.974 -> 1.000 with lane i13num22's block UD2 (session 22: a passport's old number after «а в заявке старый», cg-0028); 13 of 691 (1.9%) with lane i13aggA21 (block RL: the rest of a number in hundreds no date of birth: «отправка команды двести семьдесят пять двадцатого»), 15 before; 17 of 691 (2.5%) since block QD («управляющий маслов игорь петрович»: a financial administrator a staff word); 16 of 691 (2.3%) since block QT (an age after «ему есть», a card's «цифры» said before, no card's end); 17 of 691 (2.5%) since block QO (a card's expiry said in words right after its digits: «4279 3928 8772 5486 одиннадцать двадцать восемь и код ...»); 18 of 691 (2.6%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (21 before); cvv 0.972 -> 1.000 since block MJ (a CVV said as a hundred, «ноль» and a unit: «три цифры с обратной шестьсот ноль два»); 22 of 691 (3.2%) with lanes i13r16's and i13n16's session-16 blocks; birthdate 0.949 -> 0.974 and 24 -> 23 of 691 since block KY («снилс [...] 3 января 2017»; «запись на пятницу шестнадцать ноль ноль» no passport); 24 of 691 (3.5%) since block KX (a case's or a register's number with «дробь», after «по делу»: «50 дробь 143 н дробь 77 2021 1 618»); 28 of 691 (4.1%) since block KW (a state office's, a court's, a notary's place and phone: «в отделе на улице енисейская 22», «подайте жалобу ... на улицу садовую 1», «звоните в отдел по номеру 8 495 ...»); 35 of 691 (5.1%) since block KV (a mailbox the operator bids the client write to: «пришлите скан на abit собака hse точка ru»); name 0.939 (blind at 2d872e9d, and at 42fcc168 with blocks OR, OS) -> 0.947 since block OT, 0.970 OU, 0.977 OV, 0.985 OW, 0.992 OX, 1.000 OZ (lane i13n16); blind at 2d872e9d: 39 of 691 (5.6%)
	// The twentieth author's set (lane p20, session 16): medicine and health
	// insurance — a polyclinic's registry, a laboratory, a home doctor, a
	// dentist, a pharmacy, an insurer — where blood pressure, doses, lab
	// values, weeks, teeth, cabinets and floors stand beside the patient's
	// and the family's data. Landed as a development set at once.
	{"blind20/ci", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 1.00, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.003}, // birthdate 0.981 -> 1.000 with lane i13aggA21 (block RJ: a child's year of birth alone, «год» after it, after the name asked with it: «игнатьев михаил девятнадцатый год»); code 0.974 -> 1.000 with lane i13aggA21 (block RE: a code after «пришло» answering a question for a phone: «[phone] пришло четыре пять шесть семь»); 2 of 670 (0.3%) since lane i13a18's entrance and floor said in the next sentence kept (ci-0095); 4 of 670 (0.6%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (25 before); birthdate 0.963 -> 0.981 since block LS («ребёнок [name] правильно» — «[name] да ей три года 5 января 2023»); inn 0.974 -> 1.000 since block LP («а в справке в конце стоит девятьсот девяносто восемь»); 26 of 670 (3.9%) with lane i13n16's blocks PC-PF; 27 of 670 (4.0%) since block LA («ему четыре года» an age, the date of birth in the next sentence; «в четыре ноль пять родился» an hour; «доктор ахметов будет к трём» no «корпус»); birthdate 0.907 -> 0.926 since block KZ (a child's date of birth with a recent year after its name, the parent having spoken of the child: «да варвара зуева 10 10 2020»), -> 0.963 since block PA (the date after a full name opening a sentence); name 0.967 blind at 2d872e9d, 0.975 at 46b26389 (before any change for it) -> 0.992 since block PA (a full name opening a sentence before a whole date: «кравец маргарита 27 09 2018»), 1.000 since block PB («вызов ... к дмитриеву аркадию»); 33 of 670 at 46b26389; blind at 2d872e9d: 34 of 670 (5.1%)
	// The nineteenth author's set (lane p19, session 16): travel and
	// hospitality — airlines, railways, hotels, visa centres, car rental —
	// with several travellers' passports, dates of birth and names beside
	// flight, train, seat, booking and ticket numbers, departure dates and
	// prices. Kept blind to session 16's end.
	{"blind19/ch", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 1.00, "inn": 1.00, "name": 0.99, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.013}, // name 0.986 -> 0.993 since block RP (the former surname opening the answer before «новая» and the new name: «кравец новая [бондаренко оксана ивановна]»); 12 of 983 (1.2%) since block QR (the client's «... какие цифры нужны» after their card asks the operator's «сервисный сбор 2300» for no card's end); birthdate 0.952 -> 1.000 since block LN (a date of birth read back by the other side corrected after «нет»: «у дочки 12 мая нет 21 мая 2010»); name 0.980 -> 0.986 since block PK (a Korean name before a mailbox's cue answering «владелец»: «ли вон сок почта ...»); name 0.959 -> 0.980 since block PH (names spelled by the letters' names next to them: «остапенко о эс тэ а пэ е эн ка о», «эф е дэ о эр о вэ то есть федоров», «эм а эр и я мария»); name 0.959 -> 0.980 since block PH (a name's word spelled right before or after it whatever was asked: «остапенко о эс тэ а пэ е эн ка о»); cvv 0.897 -> 1.000 since block LE (a code opening with 0 said first without it, «восемьдесят девять» — «то есть 0 8 9»; «оборот 0 0 9»); passport 0.958 -> 1.000 since block LD (passports asked in the plural: «данные загранпаспортов»); 15 of 983 (1.5%) at the end and at 2d872e9d; birthdate 0.905 -> 0.952 since block KY
	// The twenty-first author's set (lane p21, session 16): older callers
	// with poor hearing and a relative on the line — slow dictation,
	// mishearings corrected digit by digit, old city landlines, a
	// passbook's numbers. Kept blind to session 16's end.
	{"blind21/cj", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 1.00, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 0.94, "snils": 1.00,
	}, 0.015}, // 9 of 619 (1.5%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (12 before); name 0.989 -> 1.000 since block LY (a payee's surname initial that is a word too: «получатель лидия степановна к»); account 0.974 -> 1.000 since block LT (a person's account right before a sum in thousands: «... пятьдесят шесть сто двадцать тысяч»); name 0.968 -> 0.989 since block PI (a full name in the nominative after «к» and a specialist, «запишите меня к урологу ганиев марсель ильдарович», or after a street's word, «улица вознесенская пестова александра львовна»); cvv 0.950 -> 1.000 since block LM (a CVV the client says they gave after naming it, a phone's cue in the sentence: «по телефону я назвала 4 0 6»); passport 0.978 -> 1.000 since block LK («ваш паспорт и свидетельство» — «6208 437112»); snils 0.975 -> 1.000 since block LJ (a SNILS's control number said alone after «контрольное число»); birthdate 0.974 -> 1.000 since block LI (a date of birth said again word for word: «восьмое января тридцать шестого есть шестнадцатое восемь сорок»); card 0.962 -> 1.000 since block LH (a card broken by «ой подождите» and its reason closing the sentence, the rest in the next); phone 0.923 -> 0.942 since block LG (a number after «на» with a verb of calling right after it: «на семьдесят три сорок один двенадцать позвонить»); email 0.953 -> 1.000 since block LF (a mailbox's words glued after «пишется слитно»: «дедпетя»; «кэ» a letter's name: «кэ а тэ е»); 13 of 619 (2.1%) at the end; blind at 2d872e9d: 15 of 619 (2.4%), code 0.975
	// The twenty-second author's set (lane p22, session 17): cars, homes
	// and parcels — dealers, car insurance, fines, estate agents, a
	// property registry, mortgages, removals, parcel lockers — with VINs,
	// plates, policy, STS and cadastral numbers, tracking numbers, areas
	// and mileages beside the person's data. Kept blind to session 17's end.
	{"blind22/ck", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 0.97,
		"email": 1.00, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.019}, // 19 of 1002 (1.9%) with lane i13aggA21 (block RL: the rest of a number in hundreds no date of birth: «права ноль ноль тридцать пять шестьсот шестьдесят шесть семьсот семьдесят семь»), 20 before; 21 of 1002 (2.1%) since block QR («карта на [...] кончается» — «вижу тысяча восемьсот платеж прошел»); 22 of 1002 (2.2%) since block QR (the client's «на карте точно такой [...]» asks the operator's «полис 001 сб 88 ...» for no code); 23 of 1002 (2.3%) since block QE («перевозкин ярослав»: the company's name of a surname's shape and the operator's first name, the whole first sentence); 25 of 1002 (2.5%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (28 before); email 0.974 -> 1.000 since block MH (a mailbox's domain spelled by its letters' names with no cue: «... собака пэ эм бокс точка ру»); birthdate 0.974 -> 1.000 since block MG (an age and then the whole date of birth after «мне»: «мне тридцать 8 сентября 1995 права ...»); code 0.974 -> 1.000 since block MF (a code looked for, read out after «нашла»: «нашла восемьсот шестнадцать ноль ноль три»); address 0.974 -> 1.000 since block ME (an address's number the other side read back, corrected in the next sentence: «нет не двенадцать а двадцать один»); 28 of 1,002 (2.8%) since block MB (a number after a flat's word that is a quantity: «квартира тридцать восемь метров», «оценку квартиры четыре тысячи пятьсот», «квартира шестьдесят пятого года постройки», «площадь пятьдесят четыре квадрата»); 32 of 1,002 (3.2%) since block MA (a vehicle's documents: «по водительскому 99 06 ...», «стс 9920 445812», «птс 77 эр ха ...»); cvv 0.921 -> 0.974 since block LX (a CVV sent or given: «я написала девятьсот один», «четыреста сорок четыре уже сказала»); 36 of 1,002 (3.6%) at the end and at 1884c0e2 (doc numbers 3 of 10, floors 3 of 12, other codes 3 of 17, other numbers 3 of 34, prices 3 of 132); name 0.987 -> 1.000 during session 17
	// The twenty-third author's set (lane p23, session 17): security and
	// fraud — a bank's anti-fraud line, a SIM-swap desk, account recovery,
	// a state-services help desk — with codes told as a story, scammers'
	// numbers and cards, hotlines, case and police report numbers. Kept
	// blind to session 17's end.
	{"blind23/cl", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 0.97, "cvv": 1.00,
		"email": 1.00, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 0.98, "snils": 1.00,
	}, 0.018}, // account 0.974 -> 1.000 with lane i13num22's block UH2 (session 22: an account's last seven digits asked for, cl-0162); birthdate 0.971 -> 1.000 with lane i13num22's block UL3 (session 22: a date of birth's other version after «а в профиле стоит», cl-0144); 9 of 512 (1.8%) since block RW (the operator's first name before a department's word: «светлана валерьевна отдел ...», cl-0025); cvv 0.971 -> 1.000 since block QP («код девяносто восемь не называли только две цифры»); 10 of 512 (2.0%) since lane i13a18's address boundary (issue 13: street + house + flat; an entrance, a floor, an intercom after the flat, and a village's name, no part of it) (13 before); 13 of 512 (2.5%) since block MK (a number right after «за» no identifier: «кроссовки за три двести и чайник за две девятьсот»); name 0.974 -> 1.000 since block MI (a full name read out before «это вы» after other words: «владелец номера по договору лысенко богдан олегович это вы»); account 0.947 -> 0.974 since block MD (another account's start said with its class's zero dropped: «да старый сорок восемь ноль восемь», «сорок семь восемьсот два восемьсот десять это не то»); code 0.955 -> 0.977 since block MC (a second code after «и» and «ещё» with words between: «и сразу за ним ещё девяносто четыре ноль два»); passport 0.974 -> 1.000 since block LZ (a passport said again as a record has it, after a trap word: «в анкете стоит ...», «в заявке было ...»); name 0.897 -> 0.974 since block LY (a payee's surname initial that is a word too: «получатель рустам ахмедович а всё совпадает», «а имя андрей николаевич у»); cvv 0.914 -> 0.971 since block LW (a CVV after the card's expiry and «и»: «срок 10 29 и 328 правильно»); 15 of 512 (2.9%) at the end and at 1884c0e2; the same figures both times
	// The twenty-fourth author's set (lane p24, session 18): debt collection
	// and microloans — collectors, bailiffs, microfinance, credit bureaus —
	// with third parties' data (relatives, guarantors, employers) beside the
	// debtor's, and enforcement-proceedings, court-case and loan numbers as
	// traps. Kept blind to session 18's end.
	{"blind24/cm", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 1.00, "inn": 1.00, "name": 0.99, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.013}, // birthdate 0.976 -> 1.000 with lane i13agg20 («родившийся» a date of birth's cue: «кузнецов артур маратович родившийся девятого октября девяносто шестого»); card 0.979 -> 1.000 since block QW (a card said right before an amount in thousands: «по кредитной карте 5536 3330 4006 8055 девятнадцать тысяч и проценты»); address 0.975 -> 1.000 since block QV («нет это дом шестнадцать а не шестьдесят один» after the operator's «вы проживаете по [...]»); name 0.980 -> 0.990 since block QL (the client's own employee: «я работодатель у нас сотрудник мельников павел сергеевич»); name 0.970 -> 0.980 since block QF («гаврилова инна сергеевна»: «инна», a first name and an INN's cue, a name's with no number after it); name 0.851 -> 0.970 since block QD (a surname, a first name and a patronymic after the company's words in the operator's first sentence: «агентство легат сорокин вадим петрович», «мы ищем карпова виктора ивановича»); 9 of 708 (1.3%) since block QN («улица литейная дом четыре офис двенадцать ооо технопарк»); 10 of 708 (1.4%) since block QM (an enforcement proceedings' number, NNNNN/YY/NNNNN-ИП said without its slashes, after «производство» or closed by «ип»: 16 of 21 doc_number traps masked before); blind at c18a19d6 (start) and 97057519 (end): name 0.842 -> 0.851 (a debtor's or a third party's full name said with no cue: «вы яковлева светлана олеговна», «мы звоним мухину роману валентиновичу»), card 0.979, birthdate 0.976, address 0.975; 27 -> 26 of 708 (3.7%) (enforcement-proceedings numbers «18843 23 63042 ип» 16 of 21, an office's address 5 of 16)
	// The twenty-fifth author's set (lane p25, session 18): inheritance,
	// bereavement and powers of attorney — relatives calling a bank, an
	// insurer, a mobile operator, the pension fund, a utility and a notary
	// after a death — with the deceased's and the heir's data side by side,
	// and dates of death, certificates' and inheritance cases' numbers,
	// ages and shares as traps. Kept blind to session 18's end.
	{"blind25/cn", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 0.92, "cvv": 0.97,
		"email": 1.00, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.020}, // address 0.974 -> 1.000 since block RX3 («мама [юдина ...] квартира [переулок школьный дом один квартира девять]»: the flat's word before the street no longer left for the text's alignment to take as the span's); birthdate 0.974 -> 1.000 since block RP («[пономарёва лидия степановна] девичья кислицына 8 августа 1932»: the maiden name masked, the date of birth after the name is read); name 0.994 -> 1.000 since block QJ (a maiden name after its word whatever its ending: «девичья шульга»); 12 of 622 (1.9%) since block QT («ей семьдесят исполнилось бы» after «последние цифры ... не называйте»: an age, no card's end); cvv 0.946 -> 0.973 since block QP («код сзади сорок два не помню третью цифру»); cvv 0.919 -> 0.946 since block QO («[card] до ноль девять двадцать шесть и 614»); blind at c18a19d6 (start) and 97057519 (end): the same recall both times, cvv 0.919 (a CVV after «до» and the expiry and «и»: «до ноль девять двадцать шесть и 614»; two digits of three), code 0.927 (a PIN or password said as a story), birthdate 0.974, address 0.974, name 0.994; 18 -> 13 of 622 (2.9% -> 2.1%)
	// The twenty-sixth author's set (lane p26, session 19): employment,
	// payroll and education — an HR department and a staffing agency
	// hiring by phone, payroll, admissions and school enrolment, a
	// student-loan desk, a military registration desk — with a parent's
	// and a child's data side by side, and vacancy, personnel, group,
	// class and diploma numbers, salaries and exam scores as traps. Kept
	// blind to session 19's end.
	{"blind26/co", map[string]float64{
		"account": 1.00, "address": 0.97, "birthdate": 0.97, "card": 0.96, "code": 0.97, "cvv": 1.00,
		"email": 1.00, "inn": 1.00, "name": 0.92, "passport": 1.00, "phone": 0.97, "snils": 1.00,
	}, 0.030}, // 24 of 806 (3.0%) with lane i13aggA21 (block RL: the rest of a number in hundreds no date of birth: «поезд сто двадцать пятый»), 25 before; birthdate 0.943 -> 0.971 with lane i13aggA21 (block RK: a second child's date of birth said year first in the sentence of a masked one: «... и амелия 2014 год 2 мая»); phone 0.946 -> 0.973 with lane i13aggA21 (block RI: a mobile said on in one breath after a patent's number asked with it: «патент семьдесят семь ... восемь девятьсот девяносто девять ...»); blind at 2329b141 (start) and e72da98c (end, after lanes i13n19, i13m19, i13cost19, i13n19b, rv24, fx19b): the same figures both times, every span and trap the same: name 0.927 (a surname changed by marriage said with «была ... стала», «по мужу ... старая ...», «теперь ... раньше ...»; a family's plural surname «волковы», «гайнуллины»), birthdate 0.943, phone 0.946, card 0.961 (a card's end said like a year), code 0.971, address 0.972; 25 of 806 (3.1%) (an office's address 5 of 13, vacancy/group/personnel numbers 8 of 85, a company's e-mail 5 of 5)
	// The twenty-seventh author's set (lane p27, session 19): the operator
	// reads it back — SIM registration and number porting, a utility's
	// account moved to a new owner, a state-services help desk, an online
	// store's order desk — every value said two or three times across the
	// two channels, corrected by a group, split across segments and
	// speakers, with the recognizer's slips. Kept blind to session 19's end.
	{"blind27/cp", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 0.93, "card": 0.98, "code": 0.97, "cvv": 0.93,
		"email": 0.97, "inn": 1.00, "name": 1.00, "passport": 0.97, "phone": 0.97, "snils": 1.00,
	}, 0.016}, // address 0.981 -> 1.000 and 634 traps (633 before) since lane i13aggB21 relabelled cp-0090's read-back by the set's own README («[березовка школьная двенадцать]» -> «{city: березовка} [address: школьная двенадцать]»: a village is a trap); phone 0.947 -> 0.974 with lane i13agg20 (a «в» a recognizer heard between two masked parts of one phone: «сто сорок в шестьдесят шесть ноль один»); cvv 0.896 -> 0.938 and address 0.943 -> 0.981 with lane i13agg20 (a CVV read back whole before «списано», «оплачено»; an address's house confirmed with the sentence going on, «двадцать пять дом да а квартира шестьдесят шесть», a flat corrected with its digits swapped, «нет сто тридцать четыре»); blind at 2329b141 (start) and e72da98c (end): the same figures both times: cvv 0.896 (a CVV's digits read back alone, «4 8», «трёхзначный код 9 1»), birthdate 0.935 (a date read back with no cue: «08 09 84», «восьмое да восемьдесят четвёртый»), address 0.943, phone 0.947 (a digit word misheard: «сорок в шестьдесят один»), passport 0.978, code 0.979, email 0.980, card 0.981; 10 of 633 (1.6%)
	// The twenty-eighth author's set (lane p28, session 21): medicine and
	// health insurance — a polyclinic's and a private clinic's booking
	// desk, a lab's results, a pharmacy's delivery, a health insurer
	// (ДМС) — parents calling for children and adult children for elderly
	// parents, numbers dictated in pieces, doctors' names, cabinets,
	// doses and appointments as traps.
	{"blind28/cq", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 0.95, "card": 1.00, "code": 1.00, "cvv": 0.88,
		"email": 0.98, "inn": 1.00, "name": 0.98, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.025}, // blind at 07210a02 (session 21's start): cvv 0.886 (a CVV read back in words after its digits, «семьсот шестьдесят один семь шесть один»; two CVVs in one breath; «сзади восемьдесят восемь ой там ноль восемьдесят восемь»), birthdate 0.955 (a year alone after a name, «белов гордей двадцатый год», «двадцать девятого года я ветеран»), email 0.981, name 0.990 (a surname changed by marriage); 15 of 605 (2.5%) (a cabinet's or an appointment's date taken for a date of birth, staff names after their role, a company's INN)
	// The twenty-ninth author's set (lane p29, session 21): travel,
	// transport and delivery — an airline's and a railway's booking desk
	// for families, a taxi dispatcher, a courier service, a car rental —
	// addresses said as a taxi's («от дома на гагарина двенадцать первый
	// подъезд»), flights, trains, seats, plates and VINs as traps.
	{"blind29/cr", map[string]float64{
		"account": 1.00, "address": 0.62, "birthdate": 0.94, "card": 1.00, "code": 1.00, "cvv": 0.89,
		"email": 1.00, "inn": 1.00, "name": 0.96, "passport": 1.00, "phone": 0.93, "snils": 0.93,
	}, 0.028}, // blind at 07210a02 (session 21's start): address 0.627 (a taxi's or a courier's street with no street word, «с тверской семь до пушкина двадцать два», «от дома пятнадцать по заводской»), cvv 0.896 (an alternative after «или», «сто сорок или сто четырнадцать»), phone 0.940 (a phone split over two segments, «плюс семь девятьсот три» — «сто двадцать три ...»; «сорок в шестьдесят»), snils 0.930 (in pieces), birthdate 0.941 (a child's year 2013-2029 answering a date of birth's question), name 0.970 (a name in Latin letters, a family's plural); 20 of 737 (2.7%) (a train's number and date taken for a date of birth, seats, an office's address)
	// The thirty-first author's set (lane p31, session 21): cars and
	// homes — an auto insurer's claims desk, a car service, roadside
	// assistance, a home internet provider's contract and installation
	// desk, an appliance repair service — clients on the roadside, upset,
	// spelling surnames, reading numbers off documents; plates, VINs,
	// claims, the accident's place as traps. (The thirtieth and the
	// thirty-second authors' sets, cs and cu, written the same day, are
	// kept blind to the session's end.)
	{"blind31/ct", map[string]float64{
		"account": 1.00, "address": 0.97, "birthdate": 0.97, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 0.93, "inn": 1.00, "name": 0.94, "passport": 0.97, "phone": 1.00, "snils": 1.00,
	}, 0.010}, // code 0.976 -> 1.000 with lane i13ct21b's block TK (a code's letters opening and closing it, «эр шесть два семь кью»); cvv 0.927 -> 1.000 with lane i13ct21b's block TJ (a CVV's hundred said, dropped and said again, «сто э сто девятнадцать», and its read-back); over-redaction 6 -> 5 of 578 with lane i13ct21b's block TI (an amount after «спасибо» once a CVV was said after the card read back is no card going on); over-redaction 11 -> 6 of 578 (1.9% -> 1.0%) with lane i13ct21b's block TH (a car wash's, a dealer's, a business centre's, a traffic light's place before a street and house; an office's address after its closing hour in words); phone 0.969 -> 1.000 with lane i13ct21b's block TG (a phone after its own cue and a trap verb, «телефон мужа запишите он приедет восемь ...», the operator's ticket number just before); blind at 07210a02 (session 21's start): name 0.947 (a surname spelled letter by letter, «к у з ь м и н а», «через е»; a full name said again with its patronymic), cvv 0.927 («сто э сто девятнадцать»), email 0.933 (a mailbox's end said alone, «да точка ру»; a role mailbox), phone 0.969, birthdate 0.976, code 0.976, passport 0.978 (after a name with no cue), address 0.980; 11 of 578 (1.9%) (an accident's place or a dealer's address, a VIN's digits as a card's, a card's expiry and CVV run on after it as an account); blind at 40bbc48e (the day's lanes in, before any saw this set): birthdate 1.000, code 0.951 (a six-digit code in hundreds after a CVV read as an expiry and a CVV), the rest the same
	// The thirtieth author's set (lane p30, session 21): small business
	// and everyday services — a bank's desk for sole proprietors, an
	// accounting firm, a marketplace's seller support, a fitness club, a
	// beauty salon, a housing company — companies' INNs, KPPs and
	// accounts, invoices and memberships as traps. Kept blind to session
	// 21's end.
	{"blind30/cs", map[string]float64{
		"account": 1.00, "address": 0.97, "birthdate": 0.97, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 1.00, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.027}, // code 0.975 -> 1.000 with lane i13num22's block UC3 (a code's false start with a letter, «к семь ой там цифры ...», cs-0186); birthdate 0.953 -> 0.977 with lane i13num22's block UM (a child's date in ordinals alone after «ей», cs-0136; left: cs-0127's «первый ваня десятого октября пятнадцатого года второй маша ...»); birthdate 0.930 -> 0.953 with lane i13num22's block UL (a date of birth after the e-mail answering «почта и дата рождения», cs-0196); card 0.980 -> 1.000 with lane i13num22's block UH («одно», «одну» next to a card's end no digit of it, cs-0064); 16 -> 14 of 523 (3.1% -> 2.7%) with lane i13num22's block UG (a payment order's number and sum, «платежка номер сорок один на восемь тысяч триста»); left: eight firms' INNs, «инн ... кпп ...», which this author alone keeps as traps (77 ten-digit INNs of other authors are spans, two with «кпп» after: cv-0191, ce-0036; docs/privacy.md masks an organisation's INN); passport 0.975 -> 1.000 with lane i13num22's block UD (ten digits after «срок действия» no expiry, cs-0076); code 0.950 -> 0.975 with lane i13num22's block UC (a code said digit by digit before «пришел», cs-0138); code 0.925 -> 0.950 with lane i13num22's block UB (cs-0108's six-digit code was read by expiryWordsThenCode as the expiry and the CVV said again, the expiry's question answered already; not by block SG's rule as said below); cvv 0.951 -> 1.000 with lane i13num22's block UA (session 22: a CVV begun after «я уже говорю», «я уже начала»); 16 of 523 (3.1%) both times; name 0.952 -> 1.000, birthdate 0.930 -> 0.953, 16 -> 14 of 523 (2.7%) with lane i13name22 (session 22, blocks UN to UX: a name before an identifier dictated for it after a staff word, «продавец кравцов денис» the client addressed, «вижу ип баранов», children after «первый», «второй» with their dates, an office's hours in words); blind at 07210a02 (start) and bc6b26f0 (end, every lane of session 21 in): cvv 0.927 -> 0.951, birthdate 0.907 -> 0.930, name 0.936 -> 0.952, code 0.950 -> 0.925 (a six-digit code whose halves repeat, «шесть два шесть два шесть два», read by block SG's rule as a CVV said twice), card 0.980, passport 0.975, address 0.976 both times; 16 of 523 (3.1%) both times
	// The thirty-second author's set (lane p32, session 21): pensioners
	// and social services — a pension fund, benefits, a multifunctional
	// centre, a bank's pension cards, a charity, a social taxi — elderly
	// callers and their relatives, old-style years, partial CVVs read off
	// worn cards. Kept blind to session 21's end.
	{"blind32/cu", map[string]float64{
		"account": 1.00, "address": 0.90, "birthdate": 0.97, "card": 1.00, "code": 0.97, "cvv": 0.92,
		"email": 1.00, "inn": 1.00, "name": 0.97, "passport": 0.95, "phone": 1.00, "snils": 1.00,
	}, 0.006}, // code 0.953 -> 0.977 with lane i13num22's block UC2 (a code said in two pieces read back whole, cu-0009); code 0.930 -> 0.953 with lane i13num22's block UJ2 (the old PIN after «старый», cu-0195); cvv 0.900 -> 0.925 with lane i13num22's block UJ («а то я семьсот семьдесят приготовила», cu-0153; left: cu-0184's «вот опять ...» after the operator's «код действует пять минут»); cvv 0.825 -> 0.900 with lane i13num22's block UI (two digits of a CVV, the rest said missing: «а третья не видно», «только один один видно»; cu-0085, cu-0155); 5 -> 3 of 593 (0.5%) with lane i13name22 (session 22, block UR: a social worker the operator sends is staff, «соцработник надежда сергеевна»); blind at 07210a02 (start) and bc6b26f0 (end): birthdate 0.952 -> 0.976, the rest the same: cvv 0.825 (a CVV in pieces or told in a story, «два шесть а третья не видно», «продавщице двести сорок восемь»), address 0.909 (a village's name inside the author's address span, «деревня ключи дом 5»: the rules keep a village as a city), code 0.930, passport 0.956 (a joke between two halves, «полмиллиона шучу»), name 0.978; 6 -> 5 of 593
	// The thirty-third author's set (lane p33, session 22): an online
	// marketplace's and shops' support — orders, returns and refunds to
	// cards, pickup points and couriers, sellers' accounts, gift cards,
	// loyalty programmes; orders, tracks, products and a bank's
	// requisites as traps.
	{"blind33/cv", map[string]float64{
		"account": 1.00, "address": 0.97, "birthdate": 0.92, "card": 1.00, "code": 0.92, "cvv": 1.00,
		"email": 0.97, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 0.97,
	}, 0.026}, // birthdate 0.900 -> 0.925 with lane i13num22's block UL2 (a date of birth's day and month the operator corrects from its record, «нет у нас в профиле шестое апреля», cv-0050; the client's «а да точно шестое апреля» after it left); card 0.985 -> 1.000 with lane i13num22's block UE2 («на карту оплаты 5469 в конце [...]», cv-0052); 14 -> 13 of 527 (2.7% -> 2.5%) with lane i13num22's block UF2 (a sum of hundreds of thousands after «выплата», cv-0157); code 0.900 -> 0.925 with lane i13num22's block UB2 (a code's own term, «срок действия кода», no card's expiry asked: cv-0184); code 0.875 -> 0.900 with lane i13num22's block UK (a phone confirmed «кодом» no area code, cv-0140); card 0.970 -> 0.985 with lane i13num22's block UH («вижу одну 2078», cv-0105); card 0.910 -> 0.970 with lane i13num22's block UE (a card's first four and last four read out after «на карту»); 14 of 527 (2.7%); address 0.900 -> 0.975, name 0.984 -> 1.000 with lane i13name22 (session 22, blocks UV, UW, UY: «тихая улица 4», «садовая дом семь», two initials before «а я», «корпус б» after the address); blind at 2283fb80 (session 22's start): code 0.875 (a return code with a letter, «R 5 8 3 1»; a code in two-digit words, «шестьдесят один девяносто»), card 0.910 (a refund card's number after «деньги вернутся на карту», its last four «вижу одну 2078»), birthdate 0.900 (a date with no cue, «в профиле шестое апреля»; after a relative's name), address 0.900 (a private house's street and number, «садовая дом семь это частный дом»; «корпус б» alone), snils 0.975, email 0.976, name 0.984; 14 of 527 (2.7%)
	// The thirty-fourth author's set (lane p34, session 22): housing and
	// utilities — a management company's and a utility's desk: meter
	// readings, debts, payments, a flat's personal account (a trap),
	// owners re-registered, emergencies; neighbours and relatives.
	{"blind34/cw", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 1.00,
		"email": 0.97, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0.022}, // 16 -> 15 of 702 (2.3% -> 2.1%) with lane i13num22's block UI2 («последние показания 00451» no card's end, cw-0177); cvv 0.975 -> 1.000 with lane i13num22's block UJ («я уже сказала в прошлый раз вашему коллеге восемьсот семьдесят», cw-0198); 18 -> 16 of 702 (2.6% -> 2.3%) with lane i13num22's block UF (the sum after «оплачено», «прошло» no code read back); email 0.925 -> 0.975, name 0.978 -> 1.000, 18 -> 16 of 702 (2.3%) with lane i13name22 (session 22, blocks UR, US, UT, UZ: an engineer is staff, whoever «живёт» at a flat, a mailbox's digits at its edge, «это нежилое»); blind at 2283fb80 (session 22's start): email 0.925 (a role mailbox «buh собака stroitrest точка рф», digits before the login «семь семь семь vlad», «подчеркивание шестьдесят четыре»), name 0.978 (a neighbour's surname alone, «там живет лапин такой», «фомин в тридцать четвертой живет»), cvv 0.975; 18 of 702 (2.6%) (flats and a building's area taken for addresses, utility accounts and meters as numbers)
	// The thirty-fifth to thirty-seventh authors' sets (lanes p35-p37,
	// session 22), held out to the session's end: cx a mobile operator
	// and home internet provider (SIM replacement, porting, installers,
	// contracts in a relative's name), cy employment and HR (a
	// recruitment agency, an employer's payroll desk, a job centre), cz
	// education (admissions, schools, kindergartens, paid tuition).
	{"blind35/cx", map[string]float64{
		"account": 0.95, "address": 0.88, "birthdate": 0.88, "card": 0.95, "code": 0.97, "cvv": 0.87,
		"email": 0.89, "inn": 1.00, "name": 1.00, "passport": 1.00, "phone": 0.95, "snils": 1.00,
	}, 0.023}, // blind at 2283fb80 (start) and cd47d701 (end, the day's lanes in; cx was written at the start, cy and cz an hour in): account 0.902 -> 0.951, the rest the same: cvv 0.875 (a CVV said with a card's number after it, «назвала шестьсот семьдесят три и номер карты ...»; an alternative «сто сорок сто четырнадцать ой»), birthdate 0.881 (a date answering with no cue in its sentence), address 0.889 (a house corrected, «не девять а девятнадцать квартира»), email 0.894, card 0.953, phone 0.955, code 0.975; 11 of 492 (2.2%) both times
	{"blind36/cy", map[string]float64{
		"account": 1.00, "address": 0.83, "birthdate": 0.93, "card": 1.00, "code": 0.97, "cvv": 0.90,
		"email": 0.95, "inn": 0.97, "name": 0.94, "passport": 0.94, "phone": 1.00, "snils": 1.00,
	}, 0.026}, // birthdate 0.800 -> 0.933 with lane i13birth22 (session 22, blocks VA-VC: a date of birth said in words read back in digits by the other side, the sentence going on, «09 05 1959 а снилс ее», and the record's differing version after it); blind at 2283fb80 (start) and cd47d701 (end): card 0.981 -> 1.000, address 0.814 -> 0.837, the rest the same: birthdate 0.800 (the operator reading back in digits a date of birth said in words, «09 05 1959 а снилс ее»), address 0.837 (a village's or a settlement's name inside the author's address span, «посёлок зеленый улица центральная дом 12»), cvv 0.907, passport 0.945, name 0.948, email 0.957, code 0.978, inn 0.978; 18 of 701 (2.6%) both times
	{"blind37/cz", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 0.92, "card": 0.98, "code": 0.95, "cvv": 0.87,
		"email": 0.96, "inn": 1.00, "name": 0.97, "passport": 1.00, "phone": 0.92, "snils": 0.95,
	}, 0.013}, // blind at 2283fb80 (start) and cd47d701 (end), the same figures both times: cvv 0.878 (a CVV corrected after a filler, «шестьсот шестьдесят ээ шестьсот шестнадцать»; after the card's number, «я вам скажу всё триста восемьдесят пять»), phone 0.922, birthdate 0.929 (a date corrected after it was masked, «... ээ нет восьмое сентября»), code 0.950, snils 0.953, email 0.967, name 0.973, card 0.984; 9 of 749 (1.2%) both times
	// Self-tests of the causes found on the two sets above, written by
	// the rules' author in wordings of his own before each fix (lane
	// i13t, session 7; testdata/pii/causes/causes.src.txt says which
	// cause each block is): not blind, a regression test of the causes.
	// Its floors are its figures after the fixes; blocks added later with
	// causes left unfixed (names in a sentence the prefilter does not read:
	// «запишите анну николавну», «иванов и и»; blocks TT's and AF's
	// surname alone after «на», «на кривцову») keep the name floor lower,
	// and block RR's «код из смс не проходит» — «хром» — «вот новый 9 1 1
	// 5 0 6» the code's (the prefilter does not load the cue's sentence,
	// two sentences back). Session 8 (lane i13v) added blocks AI-AS of
	// fresh wordings of every type, measured before the fixes; what they
	// still miss keeps the address, e-mail and name floors lower (a
	// street alone answering «а улица», a house before «на садовой»,
	// «а в конце ру», a TLD corrected in the next sentence, double and
	// foreign surnames, «ли» alone, a surname before a first name with
	// no cue; block AT's «си ви ви» said as three letters, a year of
	// birth after an age question, initials after a surname in a
	// sentence the prefilter does not read; block AV's full name with no
	// trigger (since block BZ read: introMay), and an ordinal house;
	// block AX's son booked «к лору тимур ахметов ему 12 апреля 2016»
	// (its date masked since block EE, the name still missed);
	// block BJ's corner «угол ленина и мира дом 3», a dormitory's room; block CB's «куда доставить» —
	// «садовая 15 корпус 2», a street with no street word answering a
	// question the rules do not take for an address's; block CK's «не
	// говорите cvv а код из смс назовите» — «5 5 0 1 9», missed before
	// and after its fix: the refused «cvv» still types «код» a CVV;
	// block CN's names with no word the prefilter starts from, «вижу вас
	// гульсум фаритовна», «доверенность от фишер ганс петрович», a
	// driver named three words after «водитель», «а я джураева нилуфар»;
	// block CO's surname alone after a preposition or a verb, «заказ
	// оформлен на гаврилову», «передайте зайцеву»; block CX's mailbox
	// after its service, «ящик на рамблере кот пятьдесят пять», and
	// block CY's «курьер из кафе приедет на садовую 12», a street with no
	// street word; block DK's bare surnames in sentences the prefilter
	// does not read, «перевод от гаспарян пришёл»; block DN's VIN, its 10
	// digits masked for their length after the letters, and «номер
	// записи», which no trap word names; blocks DR's and DS's names in
	// a case no list has in a sentence the prefilter does not read,
	// «записала вас на гаврилюк тимофея», «перевод от халилова рустама»;
	// block DV's CVV said in pieces with words between them, «там
	// стерлось 7 4 и вроде 1», masked since block ED's fix; block EF's
	// «заказ на петров петров пришел», a sentence the prefilter does not
	// read; block EH's «доверенность от петровой-водкиной анны», no rule
	// reading a genitive «-иной» surname, and «девичья была круглова а
	// теперь сомова», no name masked to start from; block EK's
	// «записала вас как кравченко да» and «заказ оформлен как соболев
	// правильно», sentences the prefilter does not read: name 0.91).
	// Block FJ's answers made only of garbled number words («читыре
	// семнаццать», «пицот девятнацать»: a segment with no word the
	// prefilter knows is not read), a number word two letters off
	// («шездесят») and one with another first letter («адин») keep the
	// code, cvv, passport and phone floors lower; so block FM's date of
	// birth with a year two letters off («семнацатого мая шездесят
	// второго») the birthdate floor. Block GB's codes answering the other
	// side's «что пришло в сообщении», «что пришло на телефон» with no
	// code's word in the question (129 of 136 codes; 120 of 125 before
	// the block) keep the code floor lower.
	// Lane i13s12's own set (session 12; its README): the causes of bx's
	// and bw's misses written as the data's shape in fresh wordings, with
	// traps of the same shape.
	{"shape12/sh", map[string]float64{
		"address": 1.00, "birthdate": 1.00, "card": 1.00, "email": 1.00, "name": 0.94, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0}, // name 0.925 -> 0.943 since block OM («я савельева у меня интернет не работает»: the sentence loaded); phone 0.941 -> 1.000 since block HD, 0 of 87; name 0.906 -> 0.925 since block HC; address 0.955 -> 1.000 since block HB; name 0.833 -> 0.917 since block HA (the asking side's read-back of a name read); 0 of 81; 0 of 78 (3 of 78 before block GZ, 3 of 74 before block GY); email 0.857 -> 1.000 since block GX; email 0.750 -> 1.000 since block GW (a cue word as a mailbox's part); snils 0.667 and card 0.600 -> 1.000 since block GV (a wait word inside a dictation); name 0.816 -> 0.868 since block GU (a surname right after «я»; left: «я савельева у меня ...», a sentence the prefilter does not read, and «какой то игорь»); (3 of 53, 5.7%, before block GS: «сколько», «только», «далеко» after a name taken for its surname); name 0.794 -> 0.912 since block GT (a name said again in another case; left: «для соколовой ...» read since block HA); email 0.778 -> 1.000 since block GR; address 0.938 -> 1.000 since block GQ; name 0.556 -> 0.889 since block GP (sh, ch, zh, kh spelled); before the blocks' rules snils 0.750, email 0.667, birthdate 0.500, address 0.667, name 0.300, phone 0.636 (block GO); left: «тарасенко и тарасенко» (no name masked to start from)
	// Lane i13t12's own set (session 12; its README): the causes of by's
	// misses written as the data's shape in fresh wordings, with traps of
	// the same shape.
	{"shape12b/sb", map[string]float64{
		"account": 1.00, "address": 1.00, "birthdate": 1.00, "card": 1.00, "code": 1.00, "cvv": 1.00, "email": 1.00, "inn": 1.00, "passport": 1.00, "phone": 0.81, "snils": 1.00,
	}, 0}, // email 0.333 -> 1.000 since block HQ, 0 of 75; phone 0.727 -> 0.818 since block HP, 0 of 74 (left: «код города 8 4 2 2 а номер 55 12 90», no phone masked in the sentence to start from); birthdate 0.833 -> 1.000 since block HO, 0 of 72; card_expiry kept (1 of 68 over-redacted before) since block HN, 0 of 68; address 0.857 -> 1.000 since block HM, 0 of 63; card 0.800 -> 1.000 since block HL, 0 of 61; code 0.600 -> 1.000 since block HK, 0 of 58; snils 0.750 -> 1.000 and passport 0.000 -> 1.000 since block HJ, 0 of 56; address 0.750 -> 1.000 since block HI, 0 of 53; address 0.333 -> 1.000 since block HH, 0 of 42; code 0.667 -> 1.000 and account 0.000 -> 1.000 since block HF, 0 of 34; phone 0.857 -> 1.000 and inn 0.667 -> 1.000 since block HG, 0 of 31; inn 0.500 -> 1.000 and snils 0.667 -> 1.000 since block HE; 0 of 25
	// Lane i13u12's own set (session 12; its README): a number-word
	// recognizer's slips inside a dictated value (glued words, «но» for
	// «ноль», a case form) written as shapes in fresh wordings, with traps
	// of the same shapes.
	{"shape12c/sc", map[string]float64{
		"card": 1.00, "code": 1.00, "passport": 1.00, "phone": 1.00, "snils": 1.00,
	}, 0}, // 0 of 9 spans -> 9 of 9 since numberSlip and the hundreds' cases; 0 of 19 traps before and after
	{"causes/causes", map[string]float64{
		"account": 1.00, "address": 0.97, "birthdate": 0.98, "card": 1.00, "code": 0.95, "cvv": 0.98, "email": 0.98, "inn": 1.00, "name": 0.96, "passport": 0.98, "phone": 0.99, "snils": 1.00,
	}, 0.008}, // birthdate 0.989 (374 of 378; floor 0.99 -> 0.98): session 21's blocks brought two misses they left and say so, block SI's «да второе февраля тридцатого года» (a sentence of ordinals and a month, which the prefilter does not read) and block RX's «улица лесная дом 3 квартира 7 25 12 91» (a run of digits no number rule takes), with two older misses («семнацатого мая шездесят второго», «кравчик злата 14 06 2019»); every span masked before them still is; name 0.961 (1105 of 1150) -> 0.967 (1112) and email 0.975 (277 of 284) -> 0.986 (280) with lane i13ct21a's blocks TA-TF (each written and measured before its fix: 10 of their 27 spans missed before, none after; their 10 traps, TC2 added after its fix, kept); address 0.972 (418 of 430) -> 0.977 (420) at a26cc974 with lane i13taxi21's surnames of a consonant's stem after «до», «от», «с» (block SA's «до маркса двенадцать»), over-redaction unchanged; address 0.963 (390 of 405) -> 0.973 (394) with lane i13taxi21's block SD (a trip's address answering «куда едем», «откуда вас забрать», tripQuestion and tripAnswer: 4 of its 4 spans missed before, none after; its 13 traps kept before and after); address 0.960 (385 of 401) -> 0.973 (390) with lane i13taxi21's block SB (a trip's addresses said with a trip's word alone, tTrip: 5 of its 5 spans missed before, none after; 1 of its 12 traps masked before and after, «водитель пушкин» by the name rules, left); address 0.939 (372 of 396) -> 0.972 (385) with lane i13taxi21's blocks SA, SC (a trip's address with no street's word, tripAddresses: 14 of their 16 spans missed before, 2 after, SA's «до маркса двенадцать», a noun's genitive after «до» being said as often, «до вокзала»; their 37 traps kept before and after); address 0.971 -> 0.974 with lane i13agg20 (block IF's «двадцать шестого бакинских комиссаров 9 кв 40»: the tens of the ordinal a street named by a date opens with; the authors' sets' causes, blocks of none: TestSaidBackAgain, TestMailboxOnProvider, TestAddressAround, TestSpelledMailReadBack, TestBornParticiple); 11 of 1957 (0.6%) with lane i13a18's block QC (the entrance and the floor in a sentence of their own after the address, the floor after a street said last: 6 of its 7 traps masked on main at 8b6d7504, 1 with blocks QA, QB, none after; its 5 spans masked throughout); 11 of 1950 (0.6%) with lane i13a18's blocks QA, QB (where an address ends: an entrance, a floor, an intercom after the flat; a village's name kept as a city's): 8 of QA's 12 traps and 7 of QB's 9 masked before, none after; their 15 spans masked before and after; address 0.970 (353 of 364) either way, 0.970 (351 of 362) since two entrance-only spans (causes-1993, 1995) were relabelled out; name 0.961 (857) -> 0.964 with lane i13n17's block PR (whose relative said between the relative's word and the first name, «муж у меня ринат»; a pronoun after a name's cue no name: 2 of its 2 spans missed before, none after; 1 of its 3 traps masked before, none after); name 0.962 (854) -> 0.964 with lane i13n17's block PQ (a verb in the past, feminine or plural, between a relative's word and a first name: 2 of its 3 spans missed before, none after; 1 of its 3 traps masked before, none after); name 0.961 (851) -> 0.964 with lane i13n17's block PO (an adverb or a word of speaking after a name's cue is no name, the name after it is: 2 of its 4 spans missed before, none after, and block FT's «фамилия теперь другая гаврилюк»; 4 of its 5 traps masked before, none after); name 0.955 (847) -> 0.962 with lane i13n17's block PN (relatives' first names after their word in the plural, after «и», «с», «её»: 6 of its 7 spans missed before, none after; 1 of its 5 traps masked before, «на имя дочери», none after); name 0.961 (840) -> 0.962 with lane i13n17's block PM (a verb between a relative's word and a first name, «сын заберет тимур»: 1 of its 3 spans missed before, none after; 2 of its 8 traps masked before, «дочка моя получит алина» and the other side's «получать», none after); name 0.957 (837) -> 0.963 with lane i13n17's block PL (a first name no list knows and its patronymic in an oblique case after «на», «у», «от», «для», the sentence now read: 3 of its 5 spans missed before, none after; its 4 traps kept; blocks DS's «на гульнару ринатовну» and OD's «от гайдар рустама ильдаровича» masked since); name 0.958 (832) -> 0.960 with lane i13n17's block PK (a Korean name before a function word or a mailbox's cue: 2 of its 3 spans missed before, none after; its 2 traps kept); name 0.961 (829) on main with lane i13n17's blocks PH-PJ (a name spelled with its soft sign left out, «э эль вэ и эр а» for «эльвира», since the rebase); 0.954 (818) -> 0.960 with lane i13n17's block PJ (a woman's surname in the genitive alone after «у», «от», «для»: 3 of its 4 spans missed before, 1 after, «справка для кузьминой готова»; its 6 traps kept; block OS's «у лаптевой» and block PG's «от калининой веры» masked since); name 0.951 (814) -> 0.958 with lane i13n17's block PI (a full name in the nominative after «к» and a specialist or a street's word; 3 of its 4 spans missed before, none after; its 5 traps kept); name 0.954 (810) -> 0.958 with lane i13n17's block PH (names spelled by the letters' names; 3 of its 11 spans missed before, none after; its 5 traps kept); name 0.948 (724) -> 0.958 (738) with lane i13n16's blocks OR, OS (its own miss left: OS's «у лаптевой»); code 0.954 -> 0.956 and cvv 0.981 -> 0.983 with lane i13r15b's blocks JZ-KP (their own misses left: KJ's one-digit end «последняя цифра девять», KP's «ташкент чиланзар девятый квартал», a district's name before «квартал»); name 0.940 (587) -> 0.945 (659) with lane i13n14's blocks NQ-NZ (their own misses left: NU's «по базе вы шаймеев проходите», a sentence the prefilter does not read); 10 of 1395 (0.7%) since block IV; 8 of 959 (session 9 added block DN's VIN and record's number); 6 of 589 before: block DD, left unfixed; block BG's book «анна каренина» (a name by every rule); block AX's school mailbox the operator gives (block WW's ruling number «1881 0152 2300 1234 56», whose 18 digits pass Luhn by chance, kept since block ET: no bank card opens with 1)
}

// TestPIIWrittenSets measures the rules on the hand-written sets and fails
// when a type's recall or the over-redaction falls behind its floor.
func TestPIIWrittenSets(t *testing.T) {
	r, err := redact.New(redact.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range writtenSets {
		t.Run(set.split, func(t *testing.T) {
			res := evaluate(t, loadCases(t, set.split), r)
			t.Logf("%s\n%s", set.split, res.table())
			types := make([]string, 0, len(res.spans))
			for typ := range res.spans {
				types = append(types, typ)
			}
			sort.Strings(types)
			for _, typ := range types {
				x := res.spans[typ]
				rec := float64(x.ok) / float64(x.n)
				if floor, ok := set.minRecall[typ]; !ok {
					t.Errorf("%s: no recall floor for %s", set.split, typ)
				} else if rec < floor {
					t.Errorf("%s: %s recall %.3f (%d of %d), floor %.2f", set.split, typ, rec, x.ok, x.n, floor)
				}
			}
			all, bad := 0, 0
			for _, x := range res.traps {
				all += x.n
				bad += x.n - x.ok
			}
			if over := float64(bad) / float64(all); over > set.maxOver {
				t.Errorf("%s: over-redaction %.3f (%d of %d traps), ceiling %.3f", set.split, over, bad, all, set.maxOver)
			}
			if testing.Verbose() {
				for _, m := range res.miss {
					t.Log("MISS", m)
				}
				for _, m := range res.over {
					t.Log("OVER", m)
				}
			}
		})
	}
}

// Issue 13's target for our own labelled set: every type's recall at
// least 0.98, at least 150 spans of each and as many traps, and
// over-redaction under 3% of the traps.
const (
	targetRecall = 0.98
	targetOver   = 0.03
	targetSpans  = 150
)

// authorsSet reports whether a split of writtenSets is an author's: the
// blind sets, each written by one author who never saw the rules (our
// own labelled set is all of them together). The self-test sets
// (causes, shape12...) were written by the rules' own authors, each cause
// in fresh wordings, and are left out of it.
func authorsSet(split string) bool { return strings.HasPrefix(split, "blind") }

// allAuthors holds the figures the authors' sets together last reached
// (TestPIIAllAuthors), truncated to three decimals as writtenSets'
// floors are to two: raise them when the rules get better, never lower
// them to make a test pass.
var allAuthors = struct {
	minRecall map[string]float64
	maxOver   float64
}{map[string]float64{
	"account": 0.996, "address": 0.982, "birthdate": 0.988, "card": 0.996, "code": 0.989, "cvv": 0.980,
	"email": 0.982, "inn": 0.996, "name": 0.992, "passport": 0.992, "phone": 0.989, "snils": 0.996,
}, 0.013} // birthdate 0.98446 -> 0.98805 (26 -> 20 missed of 1,673) with lane i13birth22 (session 22, blocks VA-VC: a date of birth read back in digits, the sentence going on; cy-0093, 0094, 0117, 0152, 0200), over-redaction the same; rebased on 37 authors at session 22's end, when the held-out cx, cy and cz joined after their blind measure (cd47d701): phone 0.98983, card 0.99610, cvv 0.98077 (29 missed of 1,508), code 0.98914, passport 0.99244, snils 0.99622, inn 0.99680, account 0.99609, email 0.98247, birthdate 0.98446, address 0.98294, name 0.99245, over-redaction 381 of 31,730 (1.20%); on the 34 sets before them, with session 22's lanes: cvv 0.98266 -> 0.98916, code 0.98610 -> 0.99097, card 0.99365 -> 0.99736, birthdate 0.99093 -> 0.99417, name 0.99179 -> 0.99436, email 0.98524 -> 0.98652, address 0.98728 -> 0.98919, over-redaction 359 -> 343 of 29,788; lanes i13num22 and i13name22 together (main merged into i13num22 at its end): birthdate 0.99417 (9 missed), code 0.99097, cvv 0.98916, card 0.99736, name 0.99436, over-redaction 343 of 29,788 (1.15%); code 0.99027 -> 0.99097 (14 -> 13 missed) with lane i13num22's block UC3 (a code's false start with a letter); account 0.99646 -> 0.99717 (5 -> 4 missed of 1,411) with lane i13num22's block UH2 (an account's last seven digits); passport 0.99302 -> 0.99365 (11 -> 10 missed of 1,575) with lane i13num22's block UD2 (a document's old number after «старый»); birthdate 0.99288 -> 0.99352 (11 -> 10 missed) with lane i13num22's block UL3 (a date of birth's version as a record has it); over-redaction 352 -> 350 of 29,788 with lane i13num22's block UF3 (a sum after «списание», «получилось»: bs-0170, by-0067); birthdate 0.99223 -> 0.99288 (12 -> 11 missed) with lane i13num22's block UL2 (a day and month corrected from a record); code 0.98958 -> 0.99027 (15 -> 14 missed) with lane i13num22's block UC2 (two pieces read back whole); card 0.99683 -> 0.99736 (6 -> 5 missed) with lane i13num22's block UE2 (a card's first four before «в конце» after «на карту оплаты»); over-redaction 353 -> 352 of 29,788 with lane i13num22's block UF2 («выплата 112 450»); over-redaction 354 -> 353 of 29,788 with lane i13num22's block UI2 (a meter's last reading no card's end); code 0.98888 -> 0.98958 (16 -> 15 missed) with lane i13num22's block UJ2 (an old PIN after «старый»); code 0.98819 -> 0.98888 (17 -> 16 missed) with lane i13num22's block UB2 («срок действия кода» no card's expiry); birthdate 0.99158 -> 0.99223 (13 -> 12 missed) with lane i13num22's block UM (a date in ordinals alone after «ей», «ему»); birthdate 0.99093 -> 0.99158 (14 -> 13 missed of 1,544) with lane i13num22's block UL (a date of birth after the e-mail asked with it); code 0.98749 -> 0.98819 (18 -> 17 missed of 1,439) with lane i13num22's block UK («подтвердите номер телефона кодом»); cvv 0.98772 -> 0.98916 (17 -> 15 missed) with lane i13num22's block UJ (a CVV told of giving with words between, or made ready); cvv 0.98410 -> 0.98772 (22 -> 17 missed of 1,384) with lane i13num22's block UI (a CVV's two digits, the rest said missing in other words); card 0.99577 -> 0.99683 (8 -> 6 missed) with lane i13num22's block UH (a count's «одну», «одно» no digit of a card's end); over-redaction 356 -> 354 of 29,788 with lane i13num22's block UG (a payment order's number and sum); over-redaction 359 -> 356 of 29,788 with lane i13num22's block UF (session 22: a sum after a payment's verb no code read back); card 0.99365 -> 0.99577 (12 -> 8 missed of 1,891) with lane i13num22's block UE (session 22: a card's first four and last four); with lane i13name22 (session 22, blocks UN to UZ): name 0.99179 -> 0.99436 (32 -> 22 missed), email 0.98524 -> 0.98652, address 0.98728 -> 0.98919, birthdate 0.99093 -> 0.99158, 359 -> 352 of 29,788 traps (1.18%); rebased on 34 authors at session 22's start, when cv and cw joined after their blind measure (2283fb80): phone 0.99218, card 0.99365, cvv 0.98266 (24 missed of 1,384), code 0.98610, passport 0.99238, snils 0.99724, inn 0.99721, account 0.99646, email 0.98524, birthdate 0.99093, address 0.98728, name 0.99179, over-redaction 359 of 29,788 (1.21%); rebased on 32 authors at session 21's end, when the held-out cs and cu joined after their blind measure (bc6b26f0): phone 0.99184, card 0.99662, cvv 0.98233 (23 missed of 1,302), code 0.98895, passport 0.99196, snils 0.99781, inn 0.99704, account 0.99623, email 0.98714, birthdate 0.99316, address 0.98925, name 0.99243, over-redaction 327 of 28,559 (1.14%); before them, on 30 authors: code 0.99215 -> 0.99294 (10 -> 9 missed of 1274) with lane i13ct21b's block TK (session 21: a code's letters around its digits); cvv 0.98608 -> 0.98853 (17 -> 14 missed of 1221) with lane i13ct21b's block TJ (session 21: a CVV's hundred restarted after a hesitation); phone 0.98963 -> 0.99135 (18 -> 15 missed of 1735) with lane i13ct21b's block TG (session 21: a phone after its own cue in the sentence wins over the other side's ticket number); birthdate 0.99476 -> 0.99551 (7 -> 6 missed of 1336) with lane i13aggA21's block RK2 (a child's date of birth with a two-digit year in words: TestBirthPartsAgain); over-redaction 334 -> 309 of 26,865 (1.24% -> 1.15%) and name 0.98956 -> 0.99165 (35 -> 28 missed) with lane i13over21 (blocks SN-SS, session 21); rebased on 29 authors when cq and cr (session 21) joined, measured blind at 07210a02: address 0.9705 (1314 of 1354) and cvv 0.9780 (1154 of 1180) under issue 13's 0.98, phone 0.9854, birthdate 0.9820, name 0.9896, snils 0.9952, over-redaction 334 of 26,865 (1.24%); on the 27 sets before them over-redaction 299 of 25,523 (1.17%) since review rv25 (a cut-off after «после», «до», «с» no date of birth: ck-0090 «рожден после двадцать второго года»), 300 before; cvv 0.9825 -> 0.9853 and address 0.9800 -> 0.9824 with lane i13agg20's read-backs (TestSaidBackAgain), email 0.9816 -> 0.9840 with its mailbox said with «на» (TestMailboxOnProvider), 0.9840 -> 0.9856 with a spelled mailbox read back as words (TestSpelledMailReadBack), address 0.9824 -> 0.9856 with its streets around a masked address (TestAddressAround), birthdate 0.9844 -> 0.9852 with «родившийся» (TestBornParticiple), phone 0.9861 -> 0.9874 with a «в» between a phone's masked parts (TestSlipBetweenParts); at 2e9f57ec (the 27 sets bp ... cp) address 0.97998 (1224 of 1249), under issue 13's 0.98

// TestPIIAllAuthors measures the rules on the authors' sets of
// writtenSets together and holds both issue 13's target and the figures
// reached (allAuthors); -v prints the table and every miss and
// over-redaction of the sets together.
func TestPIIAllAuthors(t *testing.T) {
	r, err := redact.New(redact.Config{})
	if err != nil {
		t.Fatal(err)
	}
	total := result{spans: map[string]*tally{}, forms: map[string]*tally{}, traps: map[string]*tally{}}
	var splits []string
	for _, set := range writtenSets {
		if authorsSet(set.split) {
			total.add(evaluate(t, loadCases(t, set.split), r))
			splits = append(splits, set.split)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d authors' sets together (%s ... %s)\n| type | spans | missed | recall |\n|---|---|---|---|\n", len(splits), splits[0], splits[len(splits)-1])
	for _, typ := range piigen.Types {
		if x := total.spans[typ]; x != nil {
			fmt.Fprintf(&b, "| %s | %d | %d | %.5f |\n", typ, x.n, x.n-x.ok, float64(x.ok)/float64(x.n))
		}
	}
	t.Logf("%s\n%s", b.String(), total.trapTable())
	all, bad := 0, 0
	for _, x := range total.traps {
		all += x.n
		bad += x.n - x.ok
	}
	t.Logf("over-redaction: %d of %d traps (%.2f%%)", bad, all, 100*float64(bad)/float64(all))
	for _, typ := range piigen.Types {
		x := total.spans[typ]
		if x == nil || x.n < targetSpans {
			t.Errorf("%s: %v spans, want at least %d", typ, x, targetSpans)
			continue
		}
		rec := float64(x.ok) / float64(x.n)
		if rec < targetRecall {
			t.Errorf("%s: recall %.4f (%d of %d), issue 13's target %.2f", typ, rec, x.ok, x.n, targetRecall)
		}
		if floor, ok := allAuthors.minRecall[typ]; !ok {
			t.Errorf("no recall floor for %s", typ)
		} else if rec < floor {
			t.Errorf("%s: recall %.4f (%d of %d), floor %.3f", typ, rec, x.ok, x.n, floor)
		}
	}
	if all < targetSpans*len(piigen.Types) {
		t.Errorf("%d traps, want at least %d", all, targetSpans*len(piigen.Types))
	}
	over := float64(bad) / float64(all)
	if over >= targetOver {
		t.Errorf("over-redaction %.4f (%d of %d traps), issue 13's target under %.2f", over, bad, all, targetOver)
	}
	if over > allAuthors.maxOver {
		t.Errorf("over-redaction %.4f (%d of %d traps), ceiling %.3f", over, bad, all, allAuthors.maxOver)
	}
	if testing.Verbose() {
		for _, m := range total.miss {
			t.Log("MISS", m)
		}
		for _, m := range total.over {
			t.Log("OVER", m)
		}
	}
}

// add counts o's spans, traps, misses and over-redactions into res.
func (res *result) add(o result) {
	sum := func(into, from map[string]*tally) {
		for k, x := range from {
			if into[k] == nil {
				into[k] = &tally{}
			}
			into[k].n += x.n
			into[k].ok += x.ok
		}
	}
	sum(res.spans, o.spans)
	sum(res.forms, o.forms)
	sum(res.traps, o.traps)
	res.miss = append(res.miss, o.miss...)
	res.over = append(res.over, o.over...)
}
