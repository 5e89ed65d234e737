package main

func ruMaterial() *material {
	return &material{
		names: ruNames, hi: ruHi, streets: ruStreets, clientNames: ruClientNames,
		rivalDefault: lines("к конкурентам"),
		domains:      ruDomains,
		greetTrue:    ruGreetTrue, greetFalse: ruGreetFalse, firstBroken: ruFirstBroken,
		byeTrue: ruByeTrue, byeFalse: ruByeFalse,
		clientHello: ruClientHello, reasonIntro: ruReasonIntro, askIntro: ruAskIntro,
		repeatTrue: ruRepeatTrue, repeatFalse: ruRepeatFalse,
		complaintTrue: ruComplaintTrue, sarcasm: ruSarcasm, complaintFalse: ruComplaintFalse,
		opOffers: ruOpOffersComplaint, churnTrue: ruChurnTrue, churnFalse: ruChurnFalse,
		incompTrue: ruIncompTrue, incompFalse: ruIncompFalse,
		apologyTrue: ruApologyTrue, apologyFalse: ruApologyFalse, clientSorry: ruClientSorry,
		opAskID: ruOpAskID, opHold: ruOpHold, opCheck: ruOpCheck,
		clientOK: ruClientOK, clientBye: ruClientBye, opAnythingElse: ruOpAnythingElse, clientNo: ruClientNo,
		smallTalk: ruSmallTalk,
		medical: lines(`
у меня жалобы на головную боль уже неделю
жалоб особых нет просто давление скачет
ребёнок жалуется на живот
основная жалоба кашель по ночам`),
	}
}
