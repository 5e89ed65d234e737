package redact

import "testing"

// TestTripAddresses: a trip's or a delivery's address said with no
// street's word after a preposition of a trip, a trip's verb or a
// recipient's word (tripAddresses, causes blocks SA to SC), and what of
// that shape is none: an office's or a business centre's place, a street
// with no house, times, prices, a train, a phone after «с номера», a
// town's distance.
func TestTripAddresses(t *testing.T) {
	checkTexts(t, []textCase{
		{"client", "мне от дома на чапаева сорок один второй подъезд", "мне от [address] второй подъезд"},
		{"client", "нужно с кирпичной двенадцать до лермонтова семь квартира тридцать", "нужно с [address] до [address]"},
		{"client", "мы ехали с луначарского восемь до заводской сорок", "мы ехали с [address] до [address]"},
		{"client", "такси до вокзала от дома девять по полевой", "такси до вокзала от [address]"},
		{"client", "забирать черемуховая пятьдесят четыре частный дом", "забирать [address] частный дом"},
		{"client", "отвезите потом домой луговая семнадцать", "отвезите потом домой [address]"},
		{"operator", "поездка закончилась на некрасова пятнадцать", "поездка закончилась на [address]"},
		{"client", "мне машину с креслом от кутузовский сорок восемь в больницу", "мне машину с креслом от [address] в больницу"},
		{"client", "машину на некрасова девятнадцать ой нет некрасова семнадцать третий подъезд", "машину на [address] ой нет [address] третий подъезд"},
		// Not a trip's address.
		{"client", "мне до бизнес центра орион на пролетарской сорок третий подъезд", ""},
		{"client", "такси на ленинский там у второго подъезда", ""},
		{"client", "мы ехали с семи до восьми стояли на гагарина", ""},
		{"client", "едем на ночной сто двадцать", ""},
		{"client", "мы едем с собакой восемь кило можно", ""},
		{"client", "да там от серпухова 12 километров", ""},
		{"operator", "курьер позвонит с номера 8 800 234 22 12", ""},
		{"client", "такси на троих до аэропорта за тысячу двести", ""},
		{"client", "едем с внуком по льготной четыреста двадцать", ""},
	})
}
