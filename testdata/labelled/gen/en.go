package main

func enMaterial() *material {
	return &material{
		names: lines(`
emma
james
olivia
michael
sarah
david
jessica
daniel
laura
chris`),
		hi: lines(`
hello
hi
good morning
good afternoon
good evening
hi there
hello and welcome`),
		streets:      lines("maple street\noak avenue\nhigh street\nmain road"),
		clientNames:  lines("john\nmary\nmr peterson\nlinda"),
		rivalDefault: lines("to a competitor"),
		domains: []domain{
			{key: "isp", companies: lines("brightnet\nfibrelink\nhomewave broadband"),
				idName: lines("account number\npostcode"),
				facts: lines(`
my internet is down
the router keeps blinking orange
the speed is really slow in the evenings
the engineer was supposed to come today`),
				asks: lines(`
i want to upgrade my package
how do i change my wifi password
can i move my contract to a new address`),
				fixes: lines(`
i've booked an engineer for tomorrow between {time} and {time2}
there's an outage in your area it should be fixed by tonight
i've reset your connection please try now
i've raised a ticket number {id}`),
				rival: lines("to another provider\nto a competitor\nto virgin"), option: lines("the sports package\nthe static ip\nthe antivirus add-on")},
			{key: "bank", companies: lines("northbank\ncrest savings\nunity bank"),
				idName: lines("card number\ndate of birth\nsecurity word"),
				facts: lines(`
my card has been blocked
a transfer hasn't arrived
you charged me a fee of {sum} pounds
i can't log into the app`),
				asks: lines(`
i want to check my balance
how do i close my savings account
i need a new card`),
				fixes: lines(`
i've unblocked the card you can use it now
i've raised a refund request it takes up to {days}
the payment is under review it will arrive within {days}
i've reset your app password you'll get a text`),
				rival: lines("to another bank\nto a different bank\nto a competitor"), option: lines("text alerts\nthe card insurance\npaperless statements")},
			{key: "delivery", companies: lines("swift parcels\nquickship\nparcelpoint"),
				idName: lines("order number\ntracking number"),
				facts: lines(`
my parcel hasn't arrived
the courier never turned up
i got the wrong item
the box arrived damaged`),
				asks: lines(`
can i change the delivery address
can i pick it up from a locker
when will my order arrive`),
				fixes: lines(`
it's at the depot and will be delivered within {days}
i've rebooked the delivery for tomorrow
i've arranged a return the courier will collect it`),
				rival: lines("to another courier\nto a competitor"), option: lines("text updates\nthe premium delivery")},
			{key: "insurance", companies: lines("safeguard insurance\nharbor cover\nshieldline"),
				idName: lines("policy number\nclaim number"),
				facts: lines(`
i submitted my claim a month ago
my renewal price has doubled
you rejected my claim`),
				asks: lines(`
i want to add a driver
what documents do i need for a claim
how much is a yearly policy`),
				fixes: lines(`
your claim is being reviewed you'll hear within {days}
i've added the driver the new documents are on their way
i've recalculated the price it comes to {sum} pounds`),
				rival: lines("to another insurer\nto a competitor"), option: lines("auto renewal\nthe breakdown cover")},
			{key: "clinic", companies: lines("riverside clinic\ncity health centre\nfamily practice"),
				idName: lines("date of birth\nnhs number\nfull name"),
				facts: lines(`
my appointment was cancelled
my test results haven't come through`),
				asks: lines(`
i'd like to book with a gp
can i move my appointment to friday
i've been having chest pains can i see someone today`),
				fixes: lines(`
i've booked you in for friday at {time}
the results will be ready in {days} we'll email them`),
				rival: lines("to another clinic\nto a private clinic"), option: lines("text reminders")},
		},
		greetTrue: lines(`
{hi} thank you for calling {co} my name is {name}
{hi} you're through to {co} this is {name} how can i help
{hi} {co} {name} speaking how can i help
{hi} {co} {name} speaking
{hi} this is {name} from {co}
{hi} welcome to {co} you're speaking with {name}
{hi} {co} customer service how can i help
{hi} my name is {name} how can i help you today
thanks for calling {co} {hi} my name's {name}
{hi} {name} here at {co} what can i do for you`),
		greetFalse: lines(`
{hi}
yes
{hi} how can i help
{co} how can i help
speaking
{hi} go ahead
{co} {name} speaking
hello yes`),
		firstBroken: lines("hello hello can you hear me\nhello\nsorry you're breaking up || apology"),
		byeTrue: lines(`
goodbye
have a great day goodbye
thanks for calling have a nice day
bye now
take care goodbye
have a lovely evening bye
you're welcome have a good day
thank you goodbye
all the best bye
have a good one bye bye`),
		byeFalse: lines(`
thanks for calling
okay
you'll get a text shortly
anything else
thank you for your patience
right
is there anything else`),
		clientHello: lines("hi\nhello\nyeah hi\nhi there\nmorning"),
		reasonIntro: lines("{fact}\nyeah so {fact}\ni'm calling because {fact}\nbasically {fact}"),
		askIntro:    lines("{ask}\ni was wondering {ask}\nquick question {ask}"),
		repeatTrue: lines(`
i already called about this last week
this is the third time i'm calling
i wrote to you in the chat and nobody answered
i've contacted you about this before
i called yesterday and was told someone would call back
last time your colleague said it would be sorted
i've already raised a ticket number {id}
i emailed you on monday about this
i'm calling again about the same thing
this is my {nth} call about it
i spoke to someone on friday about this
i've been on the phone to you {nraz} about this
i already explained all this yesterday
i messaged you on twitter about it`),
		repeatFalse: lines(`
you called me yesterday about my bill
this is my first time calling
i'll call back later
your courier called me this morning
it's the third time this month it's broken
i've never called before
the internet dropped again twice this week`),
		complaintTrue: lines(`
i want to make a complaint
this is ridiculous
i'm really not happy with this
it's absolutely unacceptable
i'm fed up with your service
nobody seems to care
you took my money and did nothing
i've been on hold for an hour
this is a joke
i want to speak to a manager
i'm disgusted with how i've been treated
why should i pay for this
you people are useless
i'm very disappointed
this is the worst service i've ever had
your engineer was rude to me`),
		sarcasm: lines(`
oh great thanks a lot that's really helpful
brilliant just brilliant
wonderful service as always
well done you've outdone yourselves
oh fantastic so it's my fault now
perfect just perfect`),
		complaintFalse: lines(`
no complaints at all
i'm not complaining just asking
that's great thank you so much
i'm happy with that
no i don't want to complain
i've got no problem with you`),
		opOffers: lines(`
i can log a complaint for you if you like
would you like me to raise a formal complaint
you can complain through our website`),
		churnTrue: lines(`
if you don't fix this i'm leaving {rival}
i want to cancel my contract
one more time and i'm switching {rival}
i'm going to move {rival}
i'll take my business elsewhere
i'm done i'm leaving
if this isn't sorted by friday i'm cancelling
i'm thinking of switching {rival}
i won't be using you again
close my account i'm leaving`),
		churnFalse: lines(`
can you cancel {option}
please remove {option}
i'm not going to leave i just want it fixed
i have to leave for work in ten minutes
can i speak to another agent
can i switch to a cheaper plan
i don't want to cancel my contract
how do i leave a review`),
		incompTrue: lines(`
i don't know
no idea sorry
that's not my department
i can't help you with that
i've no idea when that will be
i'm new here i'm not sure
that's not something i deal with
i don't know what to tell you
i couldn't tell you`),
		incompFalse: lines(`
i'm not sure let me check with a colleague
let me find out for you
for security reasons i can't give that over the phone but you can see it in the app
that's handled by our billing team i'll transfer you now
i can't say exactly but it usually takes three working days
give me a moment i'll check`),
		apologyTrue: lines(`
sorry for the wait
i apologise for the inconvenience
i'm so sorry about that
apologies for the delay
sorry i didn't catch that
we're sorry this happened
i do apologise
sorry about that`),
		apologyFalse: lines(`
unfortunately that's not possible
there's no need to apologise
unfortunately i can't do that today
don't worry about it`),
		clientSorry: lines("sorry to interrupt\nsorry i didn't hear you\nsorry i'm a bit stressed"),
		opAskID:     lines("can i take your {idname}\ncould you confirm your {idname}\nwhat's your {idname} please"),
		opHold:      lines("one moment please\nbear with me\nplease hold the line\nthanks for holding"),
		opCheck:     lines("okay i can see your account\nright i've found you\nlet me have a look"),
		clientOK:    lines("okay\nright thanks\nfine\nokay thank you\ncheers\nalright"),
		clientBye:   lines("bye\nthanks bye\nok bye\ngoodbye"),
		opAnythingElse: lines(`
is there anything else i can help with
anything else today`),
		clientNo: lines("no that's all\nno thanks\nnope that's it"),
		smallTalk: [][2]string{
			{"can you confirm the address", "{num} {street}"},
			{"what's the best number to reach you", "this one {phone}"},
			{"when suits you", "after {time} please"},
			{"and who am i speaking with", "{cname}"},
			{"was the payment {sum} pounds", "yes that's right"},
		},
		medical: lines("the main complaint is a cough at night\nhe's been complaining of ear pain"),
	}
}
