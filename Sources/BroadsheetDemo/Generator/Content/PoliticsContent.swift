// Politics: council budgets, local elections, planning. Written for this project; every councillor is fictional.

enum GenPoliticsContent {
    static let budget = GenKindSource(id: "budget", section: "politics", tags: ["Council budget", "Local government"], weight: 6, text: """
#org
Marren Valley District Council
Eastmere Town Council
#role.official
the council's cabinet member for finance
the leader of {org}
the council's chief finance officer
#role.expert
an expert in local government finance at Eastmere University
a former council treasurer who now advises councils on budgets
#role.resident
who uses the library in {place} every week
a volunteer at the {place} youth club
#list.party
the Valley Independents
the Liberal Progressives
the Green Party
the Marren Labour group
the Conservatives
#list.service
libraries
bus subsidies
youth services
street cleaning
public toilets
grass cutting and verges
museum opening hours
#amount 2000000 60000000
#count 20 250
#headline
@agreed Council agrees {amount} budget with a council tax rise of {percent2} per cent
@agreed Council tax to rise by {percent2} per cent as budget is approved
@cuts Council plans cuts to {service} to close a {amount} gap
@cuts {service} face cuts as district council looks for savings
@row Budget row as opposition calls council's figures unrealistic
@row Councillors clash over {amount} budget in marathon meeting
@reserves Council to dip into reserves to protect {service}
@reserves District council warns its reserves could run out within three years
#standfirst
@agreed Councillors approved a {amount} budget after a four-hour debate, and households in the valley will pay about [£1.20|£1.45|£1.80] a week more in council tax from April.
@cuts The district council says it must save {amount} over the next two years, and {service} are among the services in line for cuts that opposition councillors call short-sighted.
@row Opposition councillors say the budget relies on savings that have not been identified, while the council's leadership insists the figures have been checked line by line.
@reserves The council's finance chief warns that using savings to plug the gap can only work for so long, as the cost of adult social care keeps rising.
#lede
@agreed Marren Valley District Council has approved a {amount} budget for the coming year, with council tax rising by {percent2} per cent from April.
@cuts {service} in the Marren valley could be cut as the district council tries to close a {amount} gap in its budget, according to papers published on {weekday}.
@row A meeting to set the district council's {amount} budget ran until nearly midnight on {weekday}, as opposition councillors accused the leadership of relying on savings that do not yet exist.
@reserves The district council will use {amount2} from its reserves to avoid deeper cuts next year, but its finance chief has warned that the money cannot last.
#body
The council spends more than half of its budget on adult social care and children's services, and both have grown faster than its income.
@agreed The budget was passed by [31|28|33] votes to [19|22|17], with [two|three] abstentions.
@agreed The rise adds about [£60|£75|£90] a year to the bill for a typical band D home.
@agreed The budget includes money for [road repairs|two new social workers|a pothole repair team], which councillors from all parties welcomed.
@agreed A proposal from {party} to freeze parking charges was defeated.
@cuts Officers have identified {count} possible savings, from shorter opening hours to selling off buildings the council no longer needs.
@cuts Under the proposals, {service} would be reduced from {month}, saving about {amount2} a year.
@cuts A public consultation on the cuts runs until {date}.
@cuts Similar cuts were proposed [three|four] years ago and dropped after a campaign by residents.
@row {party} said the budget relied on {amount2} of savings that had not been identified.
@row The leadership said its figures had been checked by the council's auditors and were sound.
@row At one point the chair had to call for order after councillors shouted across the chamber.
@row Members of the public filled the gallery, and several held placards about {service}.
@reserves The council's reserves stand at about {amount}, down by a third in four years.
@reserves Auditors have warned councils across the region not to rely on reserves to balance their books.
@reserves Without further savings, the reserves would be exhausted within [three|four] years, according to the chief finance officer's report.
Councils across the country have faced similar pressures, and several have warned that they may not be able to balance their books.
Government funding for the district has fallen by about {percent} per cent in real terms over a decade.
The district council provides services including bin collections, planning, housing, parks and leisure centres, while the town councils look after smaller matters such as allotments and benches.
Council tax makes up about {percent} per cent of the district council's income, with the rest coming from business rates, fees and government grants.
The cost of placing a child in care has risen sharply, and a single placement can now cost the council more than £5,000 a week.
The council employs about 1,400 people, making it one of the largest employers in the valley.
Residents were invited to comment on the budget in an online survey, which drew about 2,000 responses.
The council's finances are checked each year by independent auditors, whose last report raised no serious concerns.
#quote.official
@agreed This is a budget that protects the services people rely on most, and asks for a modest increase to pay for them.
@cuts Nobody comes into politics to cut services. But we have a legal duty to balance the budget, and that is what we are doing.
@row These figures have been checked line by line. The opposition can shout all it likes, but it has not put forward an alternative.
@reserves Reserves are for a rainy day, and frankly it has been raining for a long time.
We have protected the things residents told us mattered most to them.
#quote.expert
The real pressure is in care for adults and children. Everything else is being squeezed to pay for it.
Councils of this size are caught between rising demand and income that barely grows. There are no easy choices left.
Using reserves buys time, but it doesn't solve the underlying problem.
Small cuts to visible services often save less than people think and cause more anger than councils expect.
#quote.resident
I'd like to see where the money actually goes. Most people have no idea.
The library is the only warm place some people have in winter. Cutting the hours would be a disaster.
I don't mind paying a little more if it keeps the services going.
Every year it's the same. Bills go up and we get less for it.
The youth club keeps teenagers off the streets. Close it, and the council will pay for it somewhere else.
#subhead
The numbers
@cuts What could be cut
@row A stormy meeting
@reserves Running down the reserves
What it means for households
#bullet.lead
@agreed The budget at a glance
@cuts Savings under consideration
#bullet
@agreed Council tax up {percent2} per cent from April
@agreed {amount2} for road repairs and drainage
@agreed Parking charges frozen in {place}
@agreed Two extra social workers for children's services
@cuts Shorter opening hours at branch libraries
@cuts Reduced grass cutting on rural verges
@cuts Closure of two public toilets in {place}
@cuts Lower subsidies for evening bus services
#closer
@cuts The consultation closes on {date}, and the council's cabinet will make a final decision in {month2}.
The full budget papers are published on {link}.
@agreed The new council tax bills will be sent out in {month2}.
#link
the council's budget papers => https://www.marrenvalley-council.example/budget
the budget consultation => https://www.marrenvalley-council.example/budget-consultation
#caption
Councillors at the budget meeting in Eastmere on {weekday}.
The council chamber at Eastmere Guildhall.
@row Protesters outside Eastmere Guildhall before the budget meeting.
""")

    static let election = GenKindSource(id: "election", section: "politics", tags: ["Local elections", "Local government"], weight: 5, text: """
#org
Marren Valley District Council
#role.official
the council's returning officer
the leader of the Valley Independents
the new leader of the district council
#role.expert
a politics lecturer at Eastmere University
a veteran observer of valley politics
#role.resident
who voted in {place} on [Thursday|the day]
a first-time voter from {place}
#list.party
the Valley Independents
the Liberal Progressives
the Green Party
the Marren Labour group
the Conservatives
#list.ward
Eastmere Central
Eastmere Riverside
Linden Cross North
Aldwick and Wrenfold
Marren Bay Harbour
Kestle and Sallow
#count 15 60
#headline
@result {party} take control of the district council
@result No party wins a majority on Marren Valley District Council
@result Greens gain three seats as turnout in the valley rises
@byelection {party} hold {ward} in by-election
@byelection {ward} by-election won by [{count2} votes|a narrow margin]
@candidates Record number of candidates to stand in valley council elections
@candidates Valley voters to choose a new council on {date}
#standfirst
@result After an all-night count at Eastmere Leisure Centre, {party} emerged as the largest group on the district council, with talks on a coalition expected to begin on {weekday2}.
@byelection The by-election was called after the death of a long-serving councillor, and the winner will serve until the full council elections in two years' time.
@candidates Voters across the Marren valley will elect all 52 members of the district council, with candidates campaigning on housing, flooding, buses and the future of the ferry.
#lede
@result {party} have taken control of Marren Valley District Council after winning [27|28|29] of its 52 seats in Thursday's elections.
@result No single party has won a majority on Marren Valley District Council after a count that ran until the early hours of {weekday}.
@byelection {party} held the {ward} seat on the district council in a by-election on Thursday, with a majority of {count2} votes.
@candidates A record number of candidates will stand for Marren Valley District Council on {date}, according to the list of nominations published on {weekday}.
#body
Turnout across the district was [34|37|41] per cent, up from [29|31|33] per cent at the last elections.
The council has 52 members, and a party needs 27 seats for a majority.
@result The count at Eastmere Leisure Centre began at 10pm and the last result was declared at about 5am.
@result Several long-serving councillors lost their seats, including the former cabinet member for housing.
@result The new council will meet for the first time on {weekday2} to elect a leader.
@result Counting in the {ward} ward went to a recount after the first tally showed a gap of just [four|six|nine] votes.
@byelection The winning candidate polled [1,142|987|1,306] votes, with {party} second.
@byelection Turnout in the by-election was a low [22|24|19] per cent.
@byelection The result leaves the balance of power on the council unchanged.
@candidates Housing, flooding and the future of the Harrowgate ferry have dominated the campaign.
@candidates Hustings are being held in village halls across the valley over the next fortnight.
@candidates Voters must bring photo identification to polling stations, and polls are open from 7am to 10pm.
@candidates The deadline to register to vote is {date}.
#quote.official
@result We have a clear mandate for change, and we intend to use it.
@result The voters have spoken, and now it is up to all of us to work together.
@byelection I am honoured to have been chosen, and I will work hard for everyone in the ward, whether or not they voted for me.
@candidates Every vote counts, and in some of our wards the result can come down to a handful of them.
The count was carried out carefully, and every candidate had the chance to check the figures.
#quote.expert
Local elections in the valley are won and lost on very local issues: a bus route, a closed library, a flooded street.
Turnout is still low, but the rise suggests people felt there was something at stake this time.
Independents do well here because voters know them personally. That's hard for the national parties to match.
#quote.resident
I always vote. People fought hard for the right, and it matters who runs the council.
It's my first election, and I wanted my say on housing. I can't afford to live where I grew up.
To be honest, I voted for the person, not the party.
#subhead
@result How the night unfolded
The results
What happens next
@candidates The issues
#bullet.lead
@result The new council
#bullet
@result {party}: [27|28|29] seats
@result The Liberal Progressives: [9|11] seats
@result The Green Party: [5|6|7] seats
@result Independents and others: [4|5] seats
#closer
Full results for every ward are published on {link}.
@result The new council will meet for the first time on {weekday2}.
@candidates Polling stations are open from 7am to 10pm, and a list is available on {link}.
#link
the council's elections page => https://www.marrenvalley-council.example/elections
#caption
@result Counting votes at Eastmere Leisure Centre.
Voters arriving at a polling station in {place}.
Election posters on {street} in {place}.
""")

    static let planning = GenKindSource(id: "planning", section: "politics", tags: ["Planning", "Housing"], weight: 6, text: """
#org
Marren Valley District Council
the council's planning committee
#role.official
the chair of the district council's planning committee
a spokesperson for the developer, {developer}
the council's head of planning
#role.expert
a lecturer in planning at Eastmere University
the chair of the Marren Valley Civic Society
#role.resident
who lives next to the site
a member of the {place} Village Society
#list.developer
Rivermead Homes
Saltmarsh Developments
Linden Estates
Kestrel Land
Harbourside Living
#list.site
the old dairy site in {place}
fields off {street} in {place}
the former bus depot in {place}
the riverside warehouse in {place}
land behind the church in {place}
#amount 4000000 80000000
#count 12 420
#headline
@approved Plans for {count} homes in {place} approved despite objections
@approved Councillors back {amount} housing scheme on {site}
@refused Councillors reject {count} homes on {site}
@refused Developer's plans for {site} thrown out after protests
@submitted Plans lodged for {count} homes on {site}
@submitted Developer unveils plans for {count} homes in {place}
@appeal Developer appeals after plans for {site} are refused
@affordable Only a fraction of new homes in {place} will be affordable, figures show
#standfirst
@approved The planning committee approved the scheme by [seven|six] votes to [four|five] after a three-hour meeting, despite more than {count2} objections from residents worried about traffic and flooding.
@refused Councillors sided with residents who said the scheme was too big, too close to the river and would overwhelm roads, schools and the village surgery.
@submitted {developer} says the scheme would bring much-needed homes to {place}, but residents have already formed a group to fight it.
@appeal A planning inspector will now decide the fate of the scheme, which was refused by councillors in {month2} after hundreds of objections.
@affordable Developers have agreed to build fewer affordable homes than the council's target on almost every large site in the valley, according to figures obtained by the Gazette.
#lede
@approved Plans for {count} homes on {site} have been approved by the district council's planning committee, despite more than {count2} objections from residents.
@refused The district council's planning committee has rejected plans by {developer} to build {count} homes on {site}.
@submitted {developer} has submitted plans to build {count} homes on {site}, including a shop, a play area and a new footpath to the river.
@appeal {developer} has appealed against the district council's decision to refuse its plans for {count} homes on {site}.
@affordable Fewer than one in five of the homes approved in {place} over the past three years will be affordable, according to figures obtained by the Gazette.
#body
The valley needs about [450|500|520] new homes a year to meet the government's target, according to the council's own figures.
House prices in {place} have risen by {percent} per cent in five years, while wages have barely moved.
@approved The developer has agreed to pay {amount2} towards school places, road improvements and the village surgery.
@approved A quarter of the homes will be affordable, below the council's target of 35 per cent.
@approved Conditions attached to the permission limit construction traffic to weekdays and require a new drainage pond.
@approved Building work could begin as early as {season}.
@refused Councillors said the scheme was overdevelopment and that the access road was unsafe.
@refused Part of the site lies in an area at risk of flooding from the Marren, according to the Environment Office.
@refused The developer has six months to appeal against the decision.
@refused Council officers had recommended approval, saying the valley needs more homes.
@submitted The plans include a mix of two-, three- and four-bedroom homes, with [30|35] per cent offered as affordable.
@submitted The public has until {date} to comment on the application.
@submitted A residents' group opposing the scheme has held its first meeting at {venue}.
@appeal A planning inspector will hold a public inquiry, expected to last [four|five] days, in {month2}.
@appeal If the appeal succeeds, the council could be ordered to pay the developer's costs.
@affordable Developers can argue that affordable homes would make a scheme unviable, and the council usually accepts their figures.
@affordable The average home in {place} now costs about [nine|ten|eleven] times the average local salary.
The application can be viewed on {link}.
The site is allocated for housing in the council's local plan, which sets out where new homes should go until the mid-2030s.
The council's own figures show it has fallen short of its housing target in four of the past five years.
Developers must pay a levy on new homes, which the council spends on roads, schools and other infrastructure.
The parish council objected to the scheme, citing traffic on the narrow lanes around the site.
The Environment Office did not object, but asked for conditions on drainage and the height of ground floors.
Highways officers said the junction with the main road could cope with the extra traffic if it were widened.
#quote.official
@approved This was a difficult decision. We have listened to residents, and the conditions we have attached address many of their concerns.
@refused This is simply the wrong scheme in the wrong place.
@submitted We have designed these homes for local people, and we want to hear what the community thinks.
@appeal We believe the council's decision was wrong, and we are confident an inspector will agree.
@affordable We push developers as hard as the law allows, but the system is stacked in their favour.
#quote.expert
The valley does need homes. The argument is always about where, how many and for whom.
Viability rules have made affordable housing targets close to meaningless in many places.
Planning committees are often caught between the law, their officers' advice and the people who elected them.
#quote.resident
We're not nimbys. We just want the roads and the school sorted before the houses go up.
Nobody is against new homes. We're against this many, on a flood plain, with one road in and out.
My children can't afford to live in the village they grew up in. We need homes, but the right kind.
The surgery is already full. Where are another thousand people going to see a doctor?
We've been fighting this for three years. We'll keep fighting if the developer appeals.
#subhead
The plans
@approved The conditions
@refused Why councillors said no
Residents' concerns
The housing shortage
#bullet.lead
@submitted The plans in brief
#bullet
@submitted {count} homes, from two to four bedrooms
@submitted A shop and a play area
@submitted A new footpath to the river
@submitted About a third of homes offered as affordable
#closer
Comments on the application can be made on {link} until {date}.
@appeal The Planning Inspectorate is expected to publish its decision within about six months of the inquiry.
@approved The committee's decision will be confirmed once a legal agreement with the developer is signed.
#link
the council's planning portal => https://planning.marrenvalley-council.example/search
#caption
{site}, where the homes would be built.
Residents at the planning meeting in Eastmere.
@submitted An artist's impression of the proposed homes.
""")

    static let all = [budget, election, planning]
}
