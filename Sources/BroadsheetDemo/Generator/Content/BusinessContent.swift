// Business: openings and closures, jobs, the harbour and fishing, tourism. Written for this project.

enum GenBusinessContent {
    static let opening = GenKindSource(id: "opening", section: "business", tags: ["Business openings", "High street"], weight: 6, text: """
#org
the {place} Chamber of Trade
Marren Valley District Council
#role.official
the chair of the {place} Chamber of Trade
the district council's cabinet member for the economy
#role.expert
an economist at Eastmere University who studies high streets
a retail consultant who has worked with towns across the region
#role.resident
a regular customer from {place2}
who runs the shop next door
#list.owner
{first} {surname}
#list.shop
{business}
#list.job
teacher
nurse
banker
chef
journalist
police officer
lawyer
pilot
solicitor
surveyor
software developer
firefighter
#list.premises
the old bank on {street}
a former shoe shop on {street}
the corner unit on {street}
the ground floor of the old post office
a converted chapel on {street}
#amount 20000 600000
#count 3 25
#headline
@open {shop} opens in {place} with {count} new jobs
@open New life for {premises} as {shop} opens its doors
@open [Former|Retired] {job} opens {shop} in {place}
@closure {shop} to close after {years} years on {street}
@closure Another shop closes on {street} as rents rise
@vacant Empty shops in {place} fall to their lowest level in years
@vacant One in [six|seven|eight] shops in {place} stands empty, survey finds
@market Plans to revive {place} market with evening stalls
#standfirst
@open {owner} spent [a year|eighteen months] turning {premises} into {shop}, and says the response from customers in {place} has been overwhelming.
@closure The owners of {shop} say rising rents, energy bills and online competition have made it impossible to carry on after {years} years of trading.
@vacant A survey by the chamber of trade found that [more|fewer] shops in {place} are empty than a year ago, and traders say independent businesses are leading the recovery.
@market Traders hope that evening opening, street food and live music will bring younger shoppers back to a market that has dwindled to a handful of stalls.
#lede
@open {shop} opened in {premises} on {weekday}, creating {count} jobs and filling a unit that had stood empty for [two|three|four] years.
@open A {job} who spent {years} years in [the city|the navy|the oil industry] has opened {shop} in {place}, investing {amount} of savings in the business.
@closure {shop} will close at the end of {month} after {years} years on {street}, its owners have announced.
@vacant The number of empty shops in {place} has fallen to its lowest level for [five|six|seven] years, according to a survey by the chamber of trade.
@market {place} market could open on Friday evenings from {month}, with street food, local producers and live music, under plans backed by the town council.
#body
@open The shop employs {count} people, most of them from {place} and the surrounding villages.
@open {owner} said the idea came during [the long winter|a walk along the river|a visit to a market abroad] and grew from there.
@open The business sells [local produce|goods made in the valley|fresh bread and pastries|second-hand books and coffee], and plans to open a second branch if the first year goes well.
@open Refitting the building cost about {amount}, including [a new shopfront|rewiring|restoring the original tiled floor].
@open The unit had been empty since the previous tenant, a [phone shop|bank branch|clothes shop], moved out.
@open The owners received a grant of {amount2} from the council's high street fund towards the cost of the shopfront.
@closure The shop's rent has risen by {percent} per cent in [three|four] years, and its energy bill has almost doubled.
@closure A closing-down sale starts on {weekday}, and regular customers have been leaving cards and flowers at the door.
@closure The owners said they had tried to sell the business as a going concern but found no buyer.
@closure It is the [third|fourth] shop on {street} to close this year.
@vacant The survey counted [14|17|22] empty units out of about [150|180|210], compared with [23|25|28] a year earlier.
@vacant Most of the new openings are independent businesses, including {business}, {business} and a bicycle repair workshop.
@vacant Rents in the town centre have fallen since the pandemic, making it easier for small businesses to take on leases.
@market The market has been held in the square since the fourteenth century, according to the town's charter.
@market At its peak in the nineteen-seventies, the market had more than [sixty|eighty] stalls; on a wet {weekday} this year, there were [seven|nine].
@market Stallholders would pay a reduced rent for the first six months under the plans.
Footfall on {street} has risen by {percent2} per cent since last year, according to counters installed by the town council.
#quote.official
@open It's fantastic to see a new independent business on the high street. This is exactly what {place} needs.
@closure It's a real loss to the town. Businesses like this are the reason people come into the centre.
@vacant The high street is changing, not dying. Independent shops are filling the gaps the chains left behind.
@market We want the market to be somewhere people go on a Friday night, not just somewhere they used to go.
#quote.expert
High streets that thrive now tend to offer something you can't get online: food, experiences, a bit of theatre.
Independent shops recycle more of their money into the local economy than chains do.
Rents are the single biggest factor. When landlords are flexible, empty units fill up.
#quote.resident
We've been waiting for somewhere like this for years. I'll be in every week.
I've bought my books there since I was a child. It won't be the same without it.
It's nice to see the lights on in that building again.
If the market comes back on Friday evenings, we'll be there with the children.
#subhead
@open Opening day
@closure The end of an era
The state of the high street
@open Plans for the future
#bullet.lead
@vacant The survey in numbers
#bullet
@vacant Empty units down from [23|25|28] to [14|17|22]
@vacant Most new openings are independent businesses
@vacant Footfall up {percent2} per cent on last year
@vacant Average rents down since the pandemic
#closer
@open {shop} is open from Tuesday to Saturday, and details are on {link}.
@market The town council will decide on the plans in {month2}.
The chamber of trade will publish its next survey in {season}.
#link
the chamber of trade's directory => https://www.valleytraders.example/directory
the council's high street fund => https://www.marrenvalley-council.example/high-street-fund
#caption
@open {owner} outside {shop} on its opening day.
{street} in {place} on a {weekday} morning.
@closure {shop}, which closes at the end of {month}.
""")

    static let jobs = GenKindSource(id: "jobs", section: "business", tags: ["Jobs", "Business openings"], weight: 4, text: """
#org
{firm}
#role.official
the managing director of {firm}
a spokesperson for {firm}
the district council's cabinet member for the economy
#role.expert
an economist at Eastmere University
the head of the Marren Valley Business Partnership
#role.resident
who has worked at the site for {years} years
a union representative at the plant
#list.firm
Aldwick Precision Castings
Marren Valley Creamery
Kestle Timber Works
Eastmere Instruments
Saltmarsh Solar
Linden Cross Printing Company
Harbourside Boatbuilders
#count 20 400
#amount 1000000 30000000
#headline
@expand {firm} to create {count} jobs in {amount} expansion
@expand Hundreds apply as {firm} begins hiring for {count} new jobs
@cuts {firm} to cut {count} jobs at its site in {place}
@cuts Workers at {firm} told jobs are at risk
@apprentices {firm} takes on record number of apprentices
@unemployment Unemployment in the valley falls to its lowest level in a decade
#standfirst
@expand The expansion at {firm} is the biggest investment in the valley for years, and the company says most of the new jobs will go to local people.
@cuts {firm} blames falling orders and rising energy costs, and says it will try to avoid compulsory redundancies among its {count2} staff in {place}.
@apprentices {firm} says it can no longer find the skilled workers it needs, so it has decided to train them itself.
@unemployment Figures published on {weekday} show fewer people claiming jobseeker's benefits in the valley than at any time in ten years, though many of the new jobs are part-time.
#lede
@expand {firm} will create {count} jobs at its site in {place} as part of a {amount} expansion, the company announced on {weekday}.
@cuts {firm} is to cut up to {count} jobs at its site in {place}, blaming a fall in orders and rising costs.
@apprentices {firm} has taken on [18|22|26] apprentices this year, the most in its history.
@unemployment The number of people out of work in the Marren valley has fallen to its lowest level in ten years, according to official figures.
#body
{firm} has been based in {place} since the [nineteen-fifties|nineteen-sixties|eighteen-nineties] and is one of the valley's largest private employers.
@expand The expansion includes a new production hall and warehouse on land next to the existing site.
@expand Roles will include engineers, machine operators, drivers and office staff, with training for those new to the industry.
@expand The district council helped with a grant of {amount2} from its economic development fund.
@expand Building work is due to start in {month} and the first new staff should be in place by {season}.
@cuts A consultation with staff and their union began on {weekday}.
@cuts The company said it would offer voluntary redundancy first and help staff find work with other employers.
@cuts Orders have fallen by {percent} per cent since last year, according to the company.
@cuts It is the second round of job cuts at the site in three years.
@apprentices Apprentices earn while they study at Eastmere College one day a week.
@apprentices Most of the company's managers started as apprentices, it says.
@apprentices The programme is open to school-leavers and adults looking to change careers.
@unemployment The claimant count in the valley fell to [2.1|2.4|2.7] per cent, below the regional average.
@unemployment Tourism, care and construction accounted for most of the new jobs.
@unemployment Unions point out that average wages in the valley remain below the national average.
#quote.official
@expand This is a vote of confidence in the valley and its workforce. We want to grow here, not anywhere else.
@cuts This is a very difficult day for everyone at the company. We will do everything we can to support our staff.
@apprentices If we want skilled people, we have to grow them ourselves. It's the best investment we make.
@unemployment These are encouraging figures, but we know there is more to do to make sure the jobs are good ones.
#quote.expert
Manufacturing is still a bigger part of the valley's economy than most people realise.
A firm of this size matters far beyond its own payroll: suppliers, cafés, landlords all depend on it.
Unemployment is low, but underemployment is the real story. Many people want more hours than they can get.
#quote.resident
@cuts My dad worked here, and I've worked here for most of my life. It's a worrying time for everyone.
@expand It's good news for young people. There aren't many jobs like this left in the valley.
@apprentices I didn't want to go to university. This way I'm learning a trade and getting paid.
#subhead
@expand The new jobs
@cuts A difficult year
@apprentices Learning on the job
The valley's economy
#closer
@expand Vacancies will be advertised on {link} from {month}.
@cuts Talks between the company and the union are expected to continue for several weeks.
#link
the company's careers page => https://careers.marrenvalley-business.example/
the Marren Valley Business Partnership => https://www.marrenvalley-business.example/
#caption
The {firm} site in {place}.
@apprentices Apprentices at work at {firm}.
""")

    static let harbour = GenKindSource(id: "harbour", section: "business", tags: ["Harbour", "Fishing", "Marren Bay"], weight: 4, text: """
#org
the Marren Bay Harbour Board
#role.official
the harbour master at Marren Bay
the chair of the Marren Bay Harbour Board
#role.expert
a marine scientist at Eastmere University
a fisheries economist who has studied the bay's fleet
#role.resident
who has fished out of Marren Bay for {years} years
who runs a fish stall on the quay
#list.boat
the Sally Ann
the Boy Callum
the Morning Star
the Heron II
the Cormorant
#amount 200000 8000000
#count 10 60
#headline
@landings Fish landings at Marren Bay [rise|fall] for the second year running
@landings Crab and lobster catches at Marren Bay hit a [ten-year|record] high
@investment {amount} plan to rebuild Marren Bay's fish quay
@investment New ice plant promises fresher catches for Marren Bay fleet
@fleet Marren Bay fleet shrinks to {count} boats as young fishers stay away
@fleet Young skipper buys Marren Bay's oldest fishing boat
@cruise Harbour board considers welcoming small cruise ships to Marren Bay
#standfirst
@landings The value of fish and shellfish landed at Marren Bay has changed sharply in a year, and the harbour board says prices, quotas and the weather all played a part.
@investment The harbour board says the crumbling quay must be rebuilt if Marren Bay is to keep its fishing fleet, and it is asking the government to help pay for it.
@fleet Fewer than half the boats that worked out of Marren Bay twenty years ago are still fishing, and skippers say it has become hard to persuade young people to join them.
@cruise Small expedition cruise ships could bring thousands of visitors a year to Marren Bay, but some residents fear the town is not ready for them.
#lede
@landings Fish and shellfish worth {amount} were landed at Marren Bay last year, figures from the harbour board show, a change of {percent} per cent on the year before.
@investment The Marren Bay Harbour Board has drawn up {amount} plans to rebuild the town's fish quay, parts of which have been fenced off as unsafe.
@fleet The fishing fleet at Marren Bay has shrunk to {count} boats, half the number working from the harbour twenty years ago.
@cruise Small cruise ships could call at Marren Bay from next summer under plans being considered by the harbour board.
#body
Marren Bay has been a fishing port since at least the thirteenth century, and fishing families still make up a large part of the town.
Most of the fleet today catches crab, lobster and whelks in the bay, with a few larger boats fishing for sole and plaice further out.
@landings Shellfish prices rose by {percent2} per cent over the year, driven by demand from restaurants inland.
@landings Storms in {month2} kept boats in harbour for almost three weeks.
@landings Much of the catch is sold at auction on the quay early in the morning, and some is sent abroad the same day.
@investment Engineers found that sections of the quay wall were being undermined by the tide.
@investment The plans include a new ice plant, a cold store and a covered area for landing catches.
@investment The board has applied for a government grant to cover most of the cost.
@fleet The average age of skippers in the bay is now over 55, according to the harbour board.
@fleet A training scheme run with Marren Bay Community College has taken on [four|five|six] trainees this year.
@fleet {boat}, built in the bay in the nineteen-sixties, is still fishing today.
@cruise The ships would carry up to [120|180|200] passengers and would anchor in the bay, bringing visitors ashore by launch.
@cruise Traders on the quay are divided, with some welcoming extra customers and others worried about crowds.
@cruise The harbour board says it would charge a landing fee to pay for improvements to the quay.
#quote.official
@landings It's been a year of two halves: good prices, but too many days when the boats couldn't get out.
@investment Without a safe quay, there is no fishing industry here. It's as simple as that.
@fleet We need young people to see fishing as a future, not just as something their grandparents did.
@cruise We would only welcome ships that suit the size and character of the town.
#quote.expert
Small inshore fleets like this one are more sustainable than people assume, but they are economically fragile.
Shellfish prices are high, but so are fuel costs, and the margins are thin.
#quote.resident
I've fished this bay since I was sixteen. It's hard work, but there's nothing else I'd rather do.
@investment That quay was old when my grandfather landed his catch on it.
@cruise We don't want to become a theme park. But a few more customers wouldn't hurt.
People come from miles away for the crab. You can't get it fresher anywhere.
#subhead
Life on the quay
@investment The plans
@fleet A shrinking fleet
The catch
#closer
@investment The harbour board expects to hear about its grant application in {month2}.
@cruise A public meeting about the cruise plans will be held at {venue} on {weekday2}.
Landing figures are published each quarter on {link}.
#link
the harbour board's website => https://www.marrenbayharbour.example/
#caption
Fishing boats in the harbour at Marren Bay.
@investment The fenced-off section of the fish quay at Marren Bay.
Crab pots stacked on the quay.
""")

    static let tourism = GenKindSource(id: "tourism", section: "business", tags: ["Tourism", "Jobs"], weight: 3, text: """
#org
Visit Marren Valley
#role.official
the chief executive of Visit Marren Valley
the district council's cabinet member for tourism
#role.expert
a tourism researcher at Eastmere University
#role.resident
who runs a bed and breakfast in {place}
who owns a holiday cottage in {place}
#amount 5000000 180000000
#count 200 4000
#headline
@season Valley enjoys its busiest summer for visitors in a decade
@season Wet summer hits tourism businesses across the Marren valley
@lets Holiday lets now make up one in {n} homes in {place}
@campaign New campaign aims to bring winter visitors to the valley
#standfirst
@season Hotels, campsites and cafés across the valley report a busy season, but businesses say staff shortages meant they could not always meet demand.
@lets Residents say short-term holiday lets are pushing up rents and hollowing out villages, while owners say visitors keep local shops and pubs alive.
@campaign Visit Marren Valley wants to fill hotel rooms, cottages and restaurant tables between October and March, when many of the valley's businesses struggle to cover their costs.
#lede
@season Tourism brought about {amount} into the Marren valley this summer, according to Visit Marren Valley, the most in at least a decade.
@lets Holiday lets now account for about {percent} per cent of homes in {place}, according to an analysis of listings by the Gazette.
@campaign A campaign to persuade visitors to come to the valley in winter has been launched by Visit Marren Valley.
#body
Tourism supports about {count} jobs in the valley, many of them seasonal.
The valley's main attractions include the Marren estuary, the hills above Linden Cross and the harbour at Marren Bay.
@season Campsites near Harrowgate Ferry were full for most of August, owners said.
@season Several restaurants cut their opening hours because they could not find enough staff.
@season Visitor numbers were [up|down] {percent2} per cent on last year.
@lets The number of homes listed as holiday lets in {place} has doubled in five years.
@lets The council is considering a licensing scheme for short-term lets.
@lets Local estate agents say there are now very few homes available to rent long-term in the village.
@campaign The campaign will promote winter walks, storm watching on the coast and the valley's pubs and restaurants.
@campaign Businesses can join the campaign for a small fee.
#quote.official
@season It's been a wonderful summer, and the valley has shown what it has to offer.
@lets We need visitors, but we also need people to live here all year round.
@campaign The valley is just as beautiful in January as it is in July. We want people to discover that.
#quote.expert
Tourism brings money in, but much of it is seasonal and low-paid. The challenge is spreading it through the year.
#quote.resident
We've been fully booked since June. I haven't had a day off in weeks.
@lets Half the houses on my street are empty all winter. It doesn't feel like a village any more.
#subhead
The season in numbers
@lets A village divided
#closer
Visit Marren Valley's annual report will be published in {month2}.
#link
Visit Marren Valley => https://www.visitmarrenvalley.example/
#caption
Visitors on the quay at Marren Bay.
Walkers on the hills above Linden Cross.
""")

    static let all = [opening, jobs, harbour, tourism]
}
