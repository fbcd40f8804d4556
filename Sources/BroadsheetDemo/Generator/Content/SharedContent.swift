// Material every kind of story can fall back on: generic context, reactions, headings, closing lines, and
// "long-tail" sentences whose slots draw from the large vocabulary. Written for this project; all names are fictional.

enum GenSharedContent {
    static let source = GenKindSource(id: "shared", section: "news", tags: ["Community"], weight: 0, text: """
#org
Marren Valley District Council
Eastmere Town Council
the Marren Valley District Council
#role.official
a spokesperson for {org}
the council's head of [communities|operations|public services]
the deputy leader of {org}
#role.expert
an economist at Eastmere University
a researcher in [human geography|social policy|public health] at Eastmere University
the chair of the Marren Valley Civic Society
a local historian who has written [two|three|several] books about the valley
a lecturer in [planning|transport studies|environmental science] at Eastmere University
the director of the Valley Community Foundation
#role.resident
a shop owner on {street}
who has lived in {place} for {years} years
a retired teacher from {anyplace}
a parent of two from {place}
a volunteer at the {place} community larder
who runs {business} in {place}
a [nurse|bus driver|carpenter|postal worker|student|care worker|farmer|chef|childminder|plumber] from {anyplace}
a member of the {place} residents' association
a [taxi driver|hairdresser|librarian|pharmacist|dog walker|gardener] who lives on {street}
who moved to {place} from the city [last year|five years ago|in the spring]
#list.venue
{place} Community Centre
the Assembly Rooms in {place}
St Bride's Hall
the Corn Exchange in Linden Cross
the Riverside Rooms
{place} Library
the Old Grammar School hall
#longtail
Among the [suggestions|ideas] sent in by readers were {a_adj_item} for {place}, a new {item} near {business} and [better|more] {items} on {street}.
{person}, who [lives|works] on {street}, said the {adj} {item} [outside|near] {business} had been [a talking point|a local landmark] for years.
[Regulars at|Staff at] {pub} [in {anyplace}|on {street}] said they had [talked about little else|heard about it over breakfast] [this week|since {weekday}].
One [reader|caller], {person}, [wrote|said] that the {item} on {street} had been [broken|missing|waiting for repair] since {month2}.
[At|Outside] {business}, [customers|passers-by|neighbours] [recalled|talked about] the {adj} {item} that once stood [nearby|on the corner].
The [parish records|old minutes|council archives] [mention|describe] {a_adj_item}, {a_item} and {n} {items} [on|near] {street}, [most of them long gone|all since replaced].
{person} of {anyplace} [suggested|wrote] that {a_adj_item} [would|could] [do more good|make more difference] than [another|a new] {item}.
[Volunteers|Neighbours|Pupils] from {anyplace} [brought|collected|donated] {n} {items} and {a_adj_item} for [the occasion|the day].
The {adj} {item} [outside|at] {business} [has become|remains] [something of a local landmark|a meeting point for {anyplace} residents].
{person}, [a regular at|who works at] {pub}, said the [talk|conversation] there had [turned to|been about] [little else|the news] [all week|since {weekday}].
In {anyplace}, {person} [showed the Gazette|described] {a_adj_item} that had been [kept|stored] in [a shed|a loft|the garden] for years.
A [list|note] [pinned up|posted] at {business} [asks for|appeals for] {items}, {a_adj_item} and [help|volunteers] [on {anyweekday}|at the weekend].
#subhead
Background
Looking ahead
The wider picture
#bullet.lead
At a glance
The main points
#caption
A view across {place} on {weekday}.
Looking towards {place2} from the hills above {place}.
#link
the council's website => https://www.marrenvalley-council.example/
the Gazette's contact page => https://www.eastmeregazette.example/contact
the town council's consultation page => https://www.eastmere-towncouncil.example/have-your-say
the district council's planning portal => https://planning.marrenvalley-council.example/search
""")

    /// Generic material for each section, used after a kind's own. Its "tags" are the sections it serves.
    static let sectionGeneric: [GenKindSource] = [civic, sport, culture]

    static let civic = GenKindSource(id: "civic", section: "news", tags: ["news", "politics", "business", "science"], weight: 0, text: """
#body
The Gazette has asked {org} for further details and will update this story when it hears back.
{place} is {place:desc}, and [news of the decision|the story|word of it] travelled quickly through [the town|local social media|the market stalls on {anyweekday}].
[A number of|Several|Dozens of] readers contacted the Gazette about the story [this week|on {weekday}|within hours of it first being reported].
It is not the first time [the issue|the question|the subject] has come up: a similar [debate|discussion|row] took place in {place2} [{years} years ago|a decade ago|shortly after the last election].
[Residents|People|Business owners] in {place2} say they are watching closely, [since|because] what happens in {place} often follows in their own [town|village|streets].
A [public|drop-in|community] meeting on the subject is planned at {venue} on {weekday2} at {time}.
The valley's population has grown by about {percent2} per cent in the past decade, putting [pressure|strain] on [roads, schools and surgeries|services that were built for a smaller place].
[Figures|Records|Papers] seen by the Gazette show that the [matter|issue] was first raised [more than a year ago|in {month2}|at a meeting in {month2}].
The [full|complete] [report|papers|figures] can be read on {link}.
Not everyone agrees. [Some|A few|Several] [residents|readers|local business owners] have written to the Gazette to say [the concerns are overstated|the change is overdue|they would like to see the figures first].
The Marren valley stretches about 30 miles from the hills above Linden Cross to the sea at Marren Bay, and [its towns|its villages|its communities] have long [argued|competed|cooperated] over [money|services|attention] from the district council.
In {place2}, [reaction|opinion] was [more mixed|more cautious|less enthusiastic], with [some|several] [residents|traders] saying they had heard nothing about [it|the plans|the decision] until this week.
[Local councillors|Community groups|Parish councils] across the valley have been asked to [pass on|share] [their views|comments|feedback] by the end of {month2}.
[Anyone|Readers] who would like to [comment|share their experience|get in touch] can contact the newsroom at {link}.
[A spokesperson|A representative] for {org} said it would [respond in full|say more|set out its position] [in the coming days|next week|once the figures had been checked].
It is [a familiar|a well-worn|an old] [story|pattern] in the valley, where [geography|the river|distance] [shapes|complicates|slows down] almost everything.
[Councillors|Officials] from {place2} have asked to be kept informed, saying [the outcome|any decision] could set a precedent for [their own area|the rest of the valley].
The [question|issue] is expected to come up at the next meeting of the district council's scrutiny committee on {weekday2}.
{place2} parish council has [written to|asked] {org} [to ask for a meeting|for more information], [its clerk said|according to its clerk].
[Earlier this year|Last {season}], a [survey|poll] by the Marren Valley Civic Society found that [most|six in ten] residents felt [decisions were made without them|they were not consulted enough].
[The local MP|The valley's MP] has [said|written] that [she|he] is [following the matter closely|keen to see a solution] and has asked to be briefed.
A [freedom of information request|request for documents] by the Gazette [found|showed] that [officials|officers] had discussed [the matter|the issue] [as early as|in] {month2}.
[Some|Several] of those who [contacted the Gazette|spoke to the Gazette] asked not to be named, saying they [worked for|had dealings with] {org}.
[Volunteers|Neighbours] in {place} have set up a [group|WhatsApp group|Facebook page] to share [information|updates], and it already has [several hundred|more than 400] members.
[On|By] {weekday}, [posters|leaflets] about the [issue|plans] had appeared [in shop windows|on noticeboards] along {street}.
[The district council's latest figures show|The town council's annual report shows] that [demand for services|the number of people affected] has risen [every year|steadily] for [five|six] years.
[The same|A similar] [approach|scheme] has been tried in [other rural areas|towns elsewhere in the region], with [mixed results|some success].
Opposition councillors have [called for|asked for] [a full debate|an independent review|more transparency] before [any final decision|anything is signed off].
[For many in the valley|For some residents], the [story|issue] is [part of a bigger worry|tied up with wider concerns] about [the cost of living|young people leaving|services moving to Eastmere].
#quote.resident
We've lived here all our lives. We just want someone to explain what's going on.
I think it's the right decision, even if it isn't a popular one.
My neighbours are split down the middle on this. It's caused a few arguments over the garden fence.
If you want people to trust the council, you have to tell them the truth early on.
There's a lot of rumour going around. I'd rather wait for the facts.
It's about time. We've been asking for this for years.
Nobody asked us. We found out from a notice [on a lamp post|in the shop window|on social media].
I'm not against it, but I'd like to know who is paying and what happens if it goes wrong.
People here are worried, and I don't think anyone has really listened yet.
My family has been in {place} for three generations, and I've never seen anything like it.
We just want to be kept informed. That's all anyone is asking for.
It will make a real difference to people like me, and I think most of my neighbours feel the same.
I've signed the petition and I'll be at the meeting. I'd encourage everyone to come.
Honestly, I think it's a good thing. We need more of this in the valley, not less.
It sounds fine on paper. I'll believe it when I see it.
The young people here deserve better, and this is a start.
I was surprised, to be honest. It came out of nowhere.
We have heard promises like this before. Let's see what happens in {season}.
You can't run a [town|village] on good intentions. Someone has to find the money.
I think people will get used to it. They always do in the end.
#quote.expert
The valley is not unusual in this. Places of a similar size are wrestling with the same questions.
It's a sensible step, but the detail matters, and the detail isn't out yet.
The figures suggest a real change, although one year is never enough to be certain.
Communities like {place} tend to be very good at organising themselves when something like this happens.
I would urge caution. The evidence from elsewhere is mixed.
The long-term picture is more encouraging than the headlines might suggest.
What matters now is whether the money is there to keep it going after the first year.
We have seen this pattern before, in the nineteen-eighties and again twenty years ago.
#quote.official
We have listened carefully to the feedback and we will keep doing so.
This is a significant moment for {place} and for the whole valley.
We will publish more detail in the coming weeks, and I would encourage people to read it and tell us what they think.
#subhead
What happens next
Reaction
What people are saying
The figures
A long history
Questions remain
Looking ahead
How we got here
The wider picture
A mixed response
What it means for {place}
The cost
Next steps
#bullet.lead
The key points
What we know so far
#closer
{org} is expected to set out its next steps [by the end of {month2}|before the summer|in the new year].
A [further|final] decision is due [in {month2}|at a meeting on {weekday2}|later this {season}].
The Gazette will report on the outcome.
[Readers|Residents] can [give their views|comment|find out more] at {link} until {date}.
[The|A] [public meeting|drop-in session] will be held at {venue} on {weekday2} at {time}, and everyone is welcome.
""")

    static let sport = GenKindSource(id: "sport-generic", section: "sport", tags: ["sport"], weight: 0, text: """
#body
Sport in the valley has always leaned on volunteers, from the people who mark the lines to those who wash the kit.
[Supporters|Fans] travelled from across the valley, and [the car park|the lane outside] was full [an hour|well] before the start.
The [club|team] has had a mixed season so far, with [injuries|a long list of injuries] testing the depth of the squad.
[Conditions|The conditions] were [difficult|far from ideal], with a [strong|gusting] wind blowing down the valley from the hills above Linden Cross.
Junior members of the club [formed a guard of honour|handed out programmes|sold raffle tickets] before the start.
The [result|day] will be remembered [for a long time|for years] by [those who were there|everyone at the club].
[Local|Valley] businesses have [backed|sponsored] the club for years, and several [were represented|had staff] in the crowd.
The club's [social media|website] was [busy|flooded with messages] within minutes of the [final whistle|finish].
The [club|team] trains twice a week [under floodlights|at the recreation ground] in {place} and welcomes new members of all ages.
The [tea hut|clubhouse bar] did a roaring trade, [volunteers said|according to the volunteers who ran it].
It was [a day|an afternoon] that showed [why grassroots sport matters|what the club means to the town].
[Parking|Getting a parking space] near the ground was [a struggle|almost impossible], and [many|plenty of] supporters walked from the town centre.
The [club|team] has [strong|close] links with schools in {place}, and [several|a number of] of its players came through [the junior section|its youth teams].
[The ground|The pitch] was in [excellent|good] condition despite [the recent rain|a wet week], thanks to [the groundsman|volunteers who worked on it all week].
[A minute's applause|A minute's silence] was held before the start in memory of a [long-serving|much-loved] club volunteer.
[Attendances|Crowds] have [risen|grown] this season, which the club puts down to [cheaper tickets for families|a run of good results|a new generation of supporters].
The [club's|team's] [coaches|coaching staff] [include|are] former players who [came through the ranks|grew up in the valley].
[Several|A number of] [scouts|coaches] from bigger clubs were [reported to be|said to be] in the crowd.
#quote.resident
The car park was full an hour before the start. That tells you what it means to people.
I've got a soft spot for this club. It's been part of my life for as long as I can remember.
It's the best afternoon out in the valley, and you can't beat the atmosphere.
I've been coming for years, through the good times and the bad. Days like this make it all worth it.
The young players are a credit to the club. The future looks bright.
You'd have to be here to understand what it means to people.
My dad brought me when I was small, and now I bring my own children.
The volunteers never get enough credit. Without them, none of this happens.
It was nervous at times, but that's sport, isn't it?
#quote.expert
Consistency is what wins you things over a season. One good day is never enough.
The difference at this level is often fitness and organisation rather than talent.
You can see the work that's gone in on the training ground.
#quote.official
We'll enjoy this, but we'll be back at training on Tuesday. There's plenty still to do.
The supporters were magnificent, and the players fed off that.
#subhead
Reaction
The view from the stands
What comes next
#closer
The club's next fixtures are listed on its website, and new members are always welcome.
[Full results|Results and tables] will appear in the Gazette's sport pages [on Monday|later this week].
""")

    static let culture = GenKindSource(id: "culture-generic", section: "culture", tags: ["culture"], weight: 0, text: """
#body
The valley has a long tradition of [music, theatre and storytelling|amateur dramatics and choirs], much of it kept alive by volunteers.
Audiences [travelled|came] from across the valley, and [some|a few] from much further afield.
[Arts organisations|Cultural venues] in the valley have faced rising costs [in recent years|since the pandemic], and several rely on grants and donations.
[Tickets|Seats] for the opening [night|weekend] sold out within [days|a week], [organisers said|according to the organisers].
[Schools|Pupils] from {place} and {place2} have been [involved|taking part], with [workshops|sessions] run [in classrooms|in the weeks beforehand].
The [event|project] has been [supported|backed] by the district council's arts fund and [a number of|several] local businesses.
[Volunteers|Stewards] [in matching T-shirts|in bright lanyards] [welcomed|guided] visitors and [sold programmes|answered questions].
A [review|longer review] will appear in [the Gazette's culture pages|next week's arts pages].
It is one of [a growing number of|several] [cultural events|arts projects] in the valley that [draw on|celebrate] local history and the river.
[Organisers|The organisers] say [ticket sales|bookings] are [up|higher] on last year, with [many|a good number of] [first-time visitors|young people] among [them|the audiences].
[Accessible|Relaxed] [performances|sessions] and [free tickets for carers|discounted family tickets] are [available|on offer] [throughout|for much of the run].
The [venue|building] has [been used|served] for [concerts, plays and dances|performances and gatherings] for more than a century.
[Local|Valley] artists and makers will [sell|show] their work in [the foyer|a pop-up market] [throughout the event|at weekends].
[Critics|Early reviews] have been [warm|generous], [singling out|praising] [the music|the design|the performers].
[A programme|A series] of talks and workshops [runs alongside|accompanies] the [main events|main programme], [many of them free|most of them free to attend].
[Behind the scenes|Backstage], [dozens of|about forty] volunteers [help|helped] with [costumes, lighting and front of house|everything from lighting to tea].
#quote.resident
I've lived here for thirty years and I'd never been inside before. I'll be back.
There was a real buzz in the room. You could feel it.
It's the sort of thing you expect in a city, not on your doorstep. We're lucky to have it.
I came on my own, and I ended up talking to half the audience afterwards.
The children haven't stopped talking about it.
I didn't know what to expect, but I loved every minute.
It makes you proud of where you live.
We come every year. It's become a bit of a family tradition.
#quote.expert
The valley's cultural life punches well above its weight for a place of this size.
Work that grows out of a place tends to travel further than people expect.
Small venues are where audiences and artists of the future are made.
#quote.official
We're enormously grateful to the audiences and the volunteers who make all this possible.
We want people who have never been to an event like this to feel welcome.
#subhead
The audience
Behind the scenes
What comes next
#closer
[Tickets|Details of future events] can be found on the organisers' website.
The Gazette's culture pages will carry a full review [next week|in the coming days].
""")
}
