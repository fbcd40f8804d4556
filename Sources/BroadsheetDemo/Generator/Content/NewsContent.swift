// News: floods, the ferry, roads and bridges, the hospital, schools, policing. Written for this project.
// Lines starting with "@name" belong to one angle of a kind; a story follows a single angle.

enum GenNewsContent {
    static let flood = GenKindSource(id: "flood", section: "news", tags: ["Flooding", "River Marren", "Weather"], weight: 6, text: """
#org
the Marren Valley Flood Partnership
the Environment Office
Marren Valley District Council
#role.official
the district council's flood risk manager
the Environment Office's area manager for the Marren
the duty officer at the Marren Valley Flood Partnership
#role.expert
a hydrologist at Eastmere University
a flood engineer who has studied the Marren for two decades
#role.resident
whose [home|kitchen|shop] on {street} flooded [last winter|twice in three years]
a volunteer flood warden in {place}
#list.water
the Marren
the Sallow Brook
the Kestle
#list.spot
the Mill Street underpass
the riverside car park in {place}
the road between {place} and {place2}
the towpath below Kestle Bridge
the low road through Brackwater
the playing fields beside the river in {place}
#amount 400000 9000000
#count 40 600
#headline
@flood Homes flooded in {place} as {water} bursts its banks
@flood {place} homes flooded for the second time in [three years|a decade]
@flood [Volunteers|Neighbours] rally round as floodwater reaches homes in {place}
@flood Road to {place2} closed as {water} floods {place}
@warning Flood warnings issued for {place} as {water} rises after heavy rain
@warning Residents in {place} told to prepare as river levels climb
@warning Sandbags handed out in {place} ahead of [another night of rain|a wet weekend]
@defences {amount} flood defence scheme for {place} approved after years of delay
@defences [Work to start|Green light] on {amount} flood defences for {place}
@cleanup Clean-up begins in {place} after the worst flooding in years
@cleanup [Questions asked|Anger grows] over flood defences that failed in {place}
#standfirst
@flood Heavy rain pushed {water} over its banks on {weekday}, flooding {count2} homes in {place} and leaving families counting the cost of the [second|third] flood in a decade.
@flood Emergency crews worked through the night in {place} as water entered homes and shops, and forecasters warned that more rain was on the way.
@warning The Environment Office says {water} could reach the level that flooded {place} {years} years ago, and residents near the river are being urged to move valuables upstairs.
@warning Warnings are in force along {water} from {place} to {place2}, with the Environment Office urging people to stay away from flooded roads and fast-flowing water.
@defences The long-promised defences for {place} will cost {amount} and take two years to build, but residents say they have heard such promises before.
@defences Councillors have approved a {amount} scheme to protect {count} homes in {place} from {water}, more than a decade after it was first proposed.
@cleanup Carpets, furniture and ruined stock are piled outside homes and shops in {place}, and residents want to know why the town's defences did not hold.
#lede
@flood Floodwater reached {count2} homes and businesses in {place} overnight after {water} burst its banks following [two days|more than 36 hours] of heavy rain.
@flood Families in {place} were moved to a rest centre on {weekday} night as {water} rose over its banks and into streets near the river.
@warning Residents in {place} were urged to move valuables upstairs on {weekday} as {water} rose towards the level that flooded the town {years} years ago.
@warning The Environment Office issued flood warnings for {place} and {place2} on {weekday}, the [first|second] such warnings [this year|since {month2}].
@defences A flood defence scheme for {place} costing {amount} has been approved by {org}, ending a debate that has run for more than a decade.
@cleanup The clean-up began in {place} on {weekday} as floodwater drained away, leaving [streets|whole streets] coated in mud and residents asking how the defences failed.
#body
River levels at the gauge in {place} peaked at [3.2|3.6|2.9|4.1] metres shortly [before|after] {time} on {weekday}, according to the Environment Office.
@flood {spot} was under water for much of the night, and police turned back drivers who tried to cross.
@flood Firefighters used boats to reach elderly residents on {street}, and no injuries were reported.
@flood A rest centre was opened at {venue} for anyone who could not stay at home; [a dozen|about twenty] people spent the night there.
@flood Schools in {place} closed early and the number 7 bus was diverted away from the river.
@warning Sandbags were handed out from {venue}, where volunteers filled more than {count} bags by the end of the afternoon.
@warning Forecasters expect the river to stay high until at least {weekday2}, with more rain forecast for the hills.
@warning The Environment Office said the ground was already saturated and the reservoir at Upper Sallow was full, leaving the rain with nowhere to go but the river.
@warning Flood wardens have been knocking on doors along {street} to make sure residents, especially older neighbours, have seen the warnings.
@defences The scheme includes a new flood wall, raised embankments and a storage basin upstream, where water can be held back during a flood.
@defences The plans were first drawn up after the floods of {years} years ago, when more than 200 homes in the valley were damaged.
@defences Construction is expected to take about two years, and {spot} will be closed for part of that time.
@defences The Environment Office will pay for most of the scheme, with the district council contributing {amount2}.
@defences An earlier version of the plan was dropped [in {month2}|three years ago] after the cost rose faster than the funding available.
@cleanup Insurers began visiting flooded homes on {weekday2}, and the council said it would pause council tax for households forced to move out.
@cleanup The district council has set aside {amount2} for emergency grants to residents and small businesses affected by the flooding.
@cleanup Engineers will inspect the old flood wall near {spot} before the road reopens.
@cleanup Several residents say the drains on {street} had not been cleared for months before the water arrived.
@cleanup The clean-up is likely to take weeks, and some families have been told they will not be home before {month2}.
{water} drains about 400 square miles of hills, and a downpour on the moors above Upper Sallow can reach {place} within hours.
Flood records kept since the nineteenth century show the river reaching similar levels about once a generation, but three of those occasions have come in the past decade.
{org} says [about|roughly] {count} properties in {place} are at high risk of flooding from {water}.
The worst flood in living memory came in the winter of 1953, when the river reached the first floor of houses on Mill Street in Eastmere.
Much of {place} was built on the flood plain in the nineteenth century, when the river powered the mills and carried goods to the sea.
Farmland upstream has been drained over the past century, which scientists say sends rain into the river faster than before.
The Environment Office runs an automatic warning service that sends texts and phone calls to registered households.
About one in four households at risk in {place} has not signed up for the warning service, according to the district council.
Insurance for homes near the river has become harder to find, although a national scheme caps premiums for many households.
Flood wardens, all volunteers, keep watch on the river and check on vulnerable neighbours when a warning is issued.
The tidal reach of the Marren runs as far as Harrowgate Ferry, so high tides can make river flooding worse downstream.
#quote.official
@flood We are asking people to stay away from the river and not to drive through floodwater. It is deeper and faster than it looks.
@flood Our teams have been out since the early hours, and they will stay out for as long as they are needed.
@warning The river is still rising in places, so the warnings remain in force. Please keep checking them.
@warning The ground is saturated and the reservoir is full. Even a modest amount of rain now will go straight into the river.
@defences These defences will protect {count} homes in {place}. We know people have waited far too long for them.
@defences This is the biggest investment in flood protection the valley has seen, and it will make a real difference.
@cleanup We will learn lessons from this, and we will look again at every part of our response.
@cleanup Our priority now is getting people back into their homes as quickly and safely as possible.
#quote.expert
Flood warnings are only useful if people act on them, and most people in the valley now do.
The Marren responds very quickly to rain on the hills. There is often only a few hours between a downpour and a flood.
Defences buy time, but they don't remove the risk. The valley will have to live with the river, not just fight it.
Storms of this size used to come once in a generation. The records suggest they are now arriving much more often.
What happens upstream matters as much as what happens in the town. Slowing the water on the hills would help.
#quote.resident
You never get used to it. Every time the rain starts, you wonder if this is the night.
The flood wardens were out before anyone else. They're the unsung heroes of this town.
@flood The water came up through the floor in about twenty minutes. We didn't have time to move anything.
@flood The neighbours were brilliant. People turned up with pumps, tea and dry clothes without being asked.
@warning I've had the sandbags at the door since {month2}. You learn to keep them ready.
@warning Every time it rains hard now, I sit up at night watching the river level on my phone.
@defences We were told the defences would be built before this winter. Nobody has told us anything since.
@defences I'll believe the wall is coming when I see the diggers. We've been promised it before.
@cleanup We can't get insurance any more, so every flood comes straight out of our own pockets.
@cleanup Everything downstairs has gone. The sofa, the children's drawings, the lot.
#subhead
@flood A night of rising water
@warning Waiting for the rain
@defences Defences and delays
@cleanup Counting the cost
Living with the river
The river's history
#bullet.lead
@warning The warnings in force
@flood What residents should do
#bullet
@warning Flood warning for {place}, from {spot} to the river
@warning Flood warning for {place2} and low-lying roads nearby
@warning Sandbags available at {venue} until {time}
@warning Check the river level gauge before travelling
@flood Do not walk or drive through floodwater
@flood Report blocked drains to the council on its website
@flood Keep medicines, documents and phone chargers upstairs
@flood Call the flood hotline if water is entering your home
#closer
@warning The Environment Office will review the warnings at noon on {weekday2}.
@defences Work on the defences is expected to start in {month2}, subject to final approval from the Environment Office.
The council's flood hotline is open around the clock, and river levels are posted on {link}.
#link
the Environment Office's flood warning service => https://floods.environment-office.example/marren
the river level gauge at Eastmere => https://floods.environment-office.example/gauges/eastmere
#caption
@flood Floodwater on {street} in {place} on {weekday}.
@warning Volunteers filling sandbags at {venue}.
@cleanup Residents clearing ruined furniture from homes on {street}.
{water} close to the top of its banks near {place}.
The road between {place} and {place2}, closed by floodwater.
""")

    static let ferry = GenKindSource(id: "ferry", section: "news", tags: ["Ferries", "Transport", "Harrowgate Ferry"], weight: 5, text: """
#org
Valley Ferries
the Harrowgate Ferry Trust
#role.official
the operations manager at {org}
the chief executive of {org}
the harbour master at Harrowgate Ferry
#role.expert
a lecturer in transport studies at Eastmere University
the chair of the Valley Passenger Group
#role.resident
who uses the ferry to get to work in Eastmere
a commuter from {place2}
who has crossed on the ferry every day for [ten|fifteen|twenty] years
#list.vessel
the Marren Maid
the Lady Sallow
the Kestrel
#amount 1500000 6500000
#count 150 2200
#headline
@fares Harrowgate Ferry fares to rise by {percent} per cent from {month}
@fares Ferry passengers face biggest fare rise in {years} years
@closure Chain ferry out of action for [three weeks|a month] as {vessel} goes into dock
@closure Commuters face [long|hour-long] detours while Harrowgate Ferry is closed
@replace {amount} plan to replace the ageing Harrowgate chain ferry
@replace New electric ferry proposed for the Harrowgate crossing
@timetable Harrowgate Ferry to stay open later after a campaign by commuters
@timetable Passengers angry over cancelled crossings at Harrowgate Ferry
#standfirst
@fares Valley Ferries says higher fares are needed to cover rising fuel and repair costs, but passengers say the crossing is already one of the most expensive in the region.
@closure The only river crossing between Eastmere and the coast will close while {vessel} is repaired, adding up to forty minutes to journeys for {count} daily users.
@replace A {amount} plan to replace the chain ferry would secure the crossing for decades, if the district council agrees to pay for most of it.
@timetable Commuters have complained for months about cancelled crossings and an early last ferry, and the operator now says changes are coming from {month}.
#lede
@fares Fares on the Harrowgate chain ferry will rise by {percent} per cent from {month}, Valley Ferries announced on {weekday}, the biggest increase in {years} years.
@closure The Harrowgate chain ferry will be out of service for [three weeks|a month] from {date} while {vessel} is lifted out for repairs at the boatyard in Marren Bay.
@replace Valley Ferries has asked the district council to help pay for a {amount} replacement for the Harrowgate chain ferry, saying {vessel} is near the end of her working life.
@timetable About {count} people a day use the Harrowgate chain ferry, and many of them were left waiting on {weekday} when crossings were cancelled for the third time this month.
#body
The crossing is the only way over the Marren between Kestle Bridge and the sea, and the road detour through Eastmere adds about [14|16|18] miles to the journey.
{vessel} was built in the [nineteen-seventies|nineteen-sixties], and her chains and engine need more work every year.
The ferry can carry [eight|ten|twelve] cars and up to [60|80] foot passengers on each crossing, which takes about four minutes.
{org} is a not-for-profit operator that took over the crossing from the district council in the nineteen-nineties.
The ferry's slipways at both ends were rebuilt [in {month2}|last year] at a cost of {amount2}.
Tourists make up almost {percent2} per cent of passengers in July and August, according to the operator.
@fares A single crossing for a car and driver will cost [£3.20|£3.60|£4.10] under the new prices, while foot passengers will pay [80p|90p|£1].
@fares Books of ten tickets will still be available for regular users, and children under five will continue to travel free.
@fares The operator said fuel and insurance costs had risen by {percent2} per cent in a year.
@fares An online petition calling for the rise to be dropped has gathered {count} signatures.
@closure While the ferry is out of service, a shuttle bus will run between the two slipways via Eastmere every half hour.
@closure The repairs include new chains, a rebuilt ramp and work on the hull below the waterline.
@closure Valley Ferries said it had timed the work for the quietest weeks of the year.
@replace Under the plans, {vessel} would be replaced by an electric chain ferry charged from the grid at the {place2} slipway.
@replace The new vessel would carry more cars and run more quietly, with a crossing time of about three minutes.
@replace A feasibility study paid for by the operator estimates that the replacement would save {amount2} a year in fuel and repairs.
@timetable The last crossing currently leaves {place2} at [9.40pm|8.50pm], which hospital and hotel staff say is no use to them.
@timetable Queues on the {place2} side stretched back past {pub} on {weekday}, drivers said.
@timetable A petition calling for a later last crossing has gathered {count} signatures.
@timetable Valley Ferries blamed the cancellations on staff sickness and a fault with the ramp.
A ferry has crossed the Marren at Harrowgate since at least the fifteenth century, first rowed and later pulled across on chains.
The crossing is used by commuters, school pupils, farm vehicles and, in summer, large numbers of cyclists following the valley trail.
Villages on the south bank depend on the ferry for access to jobs, shops and the hospital in Eastmere.
The ferry does not run in high winds or when the river is in flood, which happens on several days most winters.
The operator's accounts show that the ferry made a small loss last year, after two years of modest surpluses.
#quote.official
@fares We don't take fare rises lightly, but the ferry has to pay for itself, and costs have gone up faster than anyone expected.
@closure We are sorry for the disruption. The repairs can't wait, and the work will make the service more reliable.
@replace A new ferry would secure this crossing for the next forty years. It's a once-in-a-generation decision.
@timetable We have listened to passengers, and the new timetable reflects what they told us.
The vessel is more than fifty years old. Keeping her running gets harder every year.
#quote.expert
Rural crossings like this one are lifelines. When they close, the detour is measured in hours, not minutes.
Fares on small ferries tend to rise faster than inflation, because the costs are fixed and passenger numbers are small.
The replacement question has been put off for too long. Every year of delay adds to the eventual bill.
#quote.resident
My children get the ferry to school. Without it, they'd be on a bus for an hour each way.
Without the ferry my commute goes from ten minutes to nearly an hour. It's not a luxury, it's how I get to work.
@fares I understand costs go up, but this is a lot for people on low wages to find.
The staff are lovely. It's the boat that lets everyone down.
@timetable We were stuck on the slipway for forty minutes with no idea what was going on.
@timetable If the last crossing was later, I'd use it every day instead of driving round.
The ferry is part of what makes Harrowgate Ferry what it is. We'd be lost without it.
#subhead
@fares The cost of crossing
A vessel showing its age
@closure Detours and delays
@timetable What passengers want
@replace A new ferry?
#bullet.lead
@fares The changes at a glance
#bullet
@fares Car and driver: up {percent} per cent from {month}
@fares Foot passengers and cyclists: a smaller rise
@fares Books of ten tickets: still available from the ticket office
@fares Children under five: still free
#closer
@fares The new fares take effect on {date}, and the timetable is published on {link}.
@replace Councillors will consider the replacement plans at their meeting on {weekday2}.
@timetable {org} says it will review the timetable again in {month2}.
@closure Service updates during the closure will be posted on {link}.
#link
the Valley Ferries timetable => https://www.valleyferries.example/harrowgate/timetable
the ferry's service updates => https://www.valleyferries.example/status
#caption
{vessel} on the Marren at Harrowgate Ferry.
Cars queueing for the ferry on the {place2} side.
The slipway at Harrowgate Ferry on {weekday} morning.
""")

    static let roads = GenKindSource(id: "roads", section: "news", tags: ["Roads", "Transport"], weight: 5, text: """
#org
Marren Valley District Council
#role.official
the district council's cabinet member for highways
the council's head of highways
#role.expert
a structural engineer who has surveyed the valley's bridges
a lecturer in transport studies at Eastmere University
#role.resident
who runs {business} near the works
a delivery driver from {place2}
#list.structure
Kestle Bridge
the Old Mill bridge in {place}
the Sallow Brook bridge
the bridge on {street}
#list.road
the main road between {place} and {place2}
{street} in {place}
the valley road through Wrenfold
the hill road to Upper Sallow
#amount 300000 6000000
#count 2000 9000
#headline
@bridge {structure} to close for [six months|a year] after inspection finds cracks
@bridge Weight limit placed on {structure} over safety fears
@reopen {structure} reopens to traffic after {amount} repairs
@reopen Drivers welcome end of long detour as {structure} reopens
@works Roadworks on {road} to last until {month}, council says
@works Businesses near roadworks in {place} say they are losing customers
@works Roadworks in {place} to last until {month}
@potholes Pothole complaints in {place} double after a wet winter
@potholes Council promises {amount} for road repairs as potholes multiply
#standfirst
@bridge Engineers found cracks in {structure} during a routine inspection, and the council says it must close to traffic while repairs worth {amount} are carried out.
@reopen The repairs took eight months and cost {amount}, but drivers in {place} say they are simply glad to stop taking the long way round.
@works Work on {road} will mean temporary lights until {month}, and traders say their takings have fallen by up to {percent} per cent since the cones went up.
@potholes Drivers in {place} have reported more potholes this year than ever before, and the council says a wet winter has broken up roads faster than crews can mend them.
#lede
@bridge {structure} will close to vehicles from {date} after engineers found cracks in its supports during a routine inspection, {org} said on {weekday}.
@reopen {structure} reopened to traffic on {weekday} after eight months of repairs costing {amount}, ending a long detour for drivers in {place}.
@works Resurfacing work on {road} will continue until {month}, the district council has confirmed, with temporary traffic lights for much of that time.
@potholes Drivers in {place} reported {count2} potholes to the council in the past three months, almost twice as many as in the same period last year.
#body
@bridge The bridge carries about {count} vehicles a day, many of them lorries heading for the harbour at Marren Bay.
@bridge Pedestrians and cyclists will still be able to cross while the work is carried out, the council said.
@bridge The signed diversion runs through {place2} and adds about [six|nine|eleven] miles to journeys.
@bridge {structure} was built more than 150 years ago and is a listed structure, which limits the materials engineers can use.
@bridge A survey for the council last year rated {count2} of the district's bridges as needing attention.
@bridge Bus routes 4 and 12 will be diverted for the duration of the closure.
@reopen The work included new bearings, waterproofing of the deck and repairs to the stonework of the arches.
@reopen A weight limit that applied before the repairs has been lifted.
@reopen Traders on both sides of the bridge said the closure had cost them customers through the winter.
@works Temporary traffic lights near the junction with {street} have caused queues of up to half a mile at rush hour.
@works The works include new drainage, new kerbs and a raised crossing outside the primary school.
@works Residents will be given access to their homes during overnight closures.
@works Night work is being considered to shorten the project, subject to noise limits.
@potholes The council spends {amount2} a year on pothole repairs across the district, a sum councillors say barely keeps up.
@potholes Frost and heavy rain break up the valley's older roads faster than they can be mended, according to engineers.
@potholes Dangerous potholes are supposed to be repaired within a day of being reported, and others within a month.
@potholes Cyclists say the potholes on {street} are the worst in the valley.
Wet winters are hard on the valley's narrow lanes, many of which were built for carts rather than lorries.
#quote.official
@bridge Safety has to come first. We would not close the bridge unless we had to.
@reopen This repair should give the bridge another fifty years of life.
@works We know roadworks are frustrating, but this road has been patched for years and it needs doing properly.
@works The contractor is working as fast as it safely can, and we are looking at whether some of the work can be done at night.
@potholes Every pothole reported to us is inspected, and the dangerous ones are fixed within a day.
#quote.expert
Old masonry bridges were never designed for modern lorries. It's remarkable how well most of them have coped.
Patching potholes is like bailing out a boat. Unless the road is rebuilt, the water always wins.
Closures are painful, but a bridge that fails without warning is far worse.
#quote.resident
@works We've lost about a third of our trade since the barriers went up. People just don't bother stopping.
The diversion adds half an hour to every delivery. Multiply that by a week and it's a lot of time.
@bridge I walk my children to school across that bridge, so I'm glad they're fixing it.
@potholes The potholes on our street are so deep you could plant potatoes in them.
@works They dug this road up last year as well. Why can't they do it all at once?
@reopen It's like getting a bit of the town back. The shops on the other side will be relieved.
#subhead
@bridge Cracks in the arches
@bridge The diversion
@works Traders feel the pinch
A backlog of repairs
@reopen Back to normal
#bullet.lead
@bridge What drivers need to know
#bullet
@bridge Closure starts on {date}
@bridge Diversion signed via {place2}
@bridge Pedestrians and cyclists can still cross
@bridge Bus routes 4 and 12 diverted
#closer
The council says it will publish progress reports on {link}.
@works The works are due to finish by the end of {month}, weather permitting.
@potholes Potholes can be reported on {link}.
#link
the council's roadworks map => https://roads.marrenvalley-council.example/works
the pothole reporting page => https://www.marrenvalley-council.example/report-a-pothole
#caption
@bridge Barriers across {structure} on {weekday}.
@works Roadworks on {road}.
@reopen Traffic crossing {structure} after it reopened.
Temporary traffic lights near {street} in {place}.
""")

    static let health = GenKindSource(id: "health", section: "news", tags: ["Health"], weight: 4, text: """
#org
the Marren Valley Health Trust
#role.official
the chief executive of the Marren Valley Health Trust
the medical director at Eastmere General Hospital
a spokesperson for the health trust
#role.expert
a senior lecturer in public health at Eastmere University
a retired GP who chairs the Valley Patients' Forum
#role.resident
a patient from {place2}
whose father was treated at the hospital last year
#list.unit
the minor injuries unit in {place}
the maternity unit at Eastmere General
the community hospital in {place}
#amount 2000000 40000000
#count 40 3000
#headline
@closure {unit} to close overnight from {month}, health trust confirms
@closure Campaigners fight to keep {unit} open at night
@centre {amount} diagnostic centre opens in {place}
@centre Scans closer to home as new centre opens in {place}
@waits Waiting times at Eastmere General fall for the first time in a year
@waits Patients wait up to [nine|eleven] hours in Eastmere General's emergency department
@gp New GP surgery for {place} after years of campaigning
#standfirst
@closure The Marren Valley Health Trust says staff shortages leave it no choice, but campaigners warn that patients in {place} will have to travel much further for care at night.
@centre The new centre will offer scans and blood tests closer to home for about {count} patients a month, cutting waits that have stretched to eighteen weeks.
@waits New figures show {percent} per cent of patients at Eastmere General were seen within four hours in {month2}, and the trust says the worst of the winter pressure is over.
@gp Families in {place} have had to travel to {place2} to see a doctor since the last practice closed, but a new surgery is due to open in {month}.
#lede
@closure {unit} will close overnight from {month}, the Marren Valley Health Trust confirmed on {weekday}, blaming a shortage of senior nurses.
@closure More than {count} people have signed a petition to keep {unit} open at night, ahead of a board meeting on {weekday}.
@centre A {amount} diagnostic centre has opened in {place}, bringing scans, blood tests and heart checks closer to home for patients across the valley.
@waits Patients at Eastmere General spent an average of [five|six] hours in the emergency department in {month2}, new figures show, an improvement on the month before.
@gp A new GP surgery will open in {place} in {month}, three years after the town's last practice closed its doors.
#body
The trust serves about 180,000 people across the valley and runs Eastmere General, three community hospitals and a number of clinics.
Patients from Marren Bay and Linden Cross already travel up to an hour to reach Eastmere General by car, and longer by bus.
@closure The trust has struggled to fill [dozens of|more than forty] nursing posts this year, according to its latest board papers.
@closure Under the changes, patients needing urgent care at night will be taken to Eastmere General instead.
@closure The patients' forum says the trust did not consult the public properly before deciding.
@closure Ambulance response times in the outer parts of the valley are already among the longest in the region.
@centre The building on {street} cost {amount} and will employ [about 40|more than 50] staff.
@centre Until now, patients needing an MRI scan have had to travel to Eastmere General or further.
@centre The centre will be open from 8am to 8pm, seven days a week.
@waits Waits for hip and knee operations have fallen by {percent2} per cent since the start of the year.
@waits The trust said extra beds had been opened and more staff hired before the winter.
@waits The figures remain well short of the national target of 95 per cent.
@gp The surgery will take on up to {count} patients and will be run by a group practice based in {place2}.
@gp Residents have been travelling to {place2} for appointments, a round trip of more than an hour by bus.
#quote.official
@closure We know this is worrying for people, but we have to make sure every patient is seen by the right staff, safely.
@closure We will keep the unit under review, and if we can recruit the staff we need, we will look at reopening overnight.
@centre This centre means patients no longer have to travel for an hour for a scan that takes fifteen minutes.
@waits Our staff are working incredibly hard, and the figures are starting to show it.
@gp Every community deserves a doctor nearby. This surgery puts that right for {place}.
#quote.expert
Rural hospitals everywhere are struggling to recruit. The valley is not alone in this.
Moving services further away always has a cost, and it falls hardest on people without a car.
Diagnosis closer to home is one of the simplest ways to shorten waiting lists.
#quote.resident
@closure When my father fell ill, the unit saved his life. I can't believe they're closing it at night.
@waits I waited nine hours with a broken wrist. The staff were wonderful, but there just weren't enough of them.
@centre Having the scanner here will make a huge difference. I used to lose a whole day getting to Eastmere.
It's forty minutes to Eastmere if the roads are clear. In winter, they often aren't.
@gp Getting an appointment has meant taking a day off work. This will change that.
#subhead
@closure Staff shortages
Further to travel
@waits The numbers
@closure A petition grows
@centre Inside the new centre
#bullet.lead
@closure What is changing
#bullet
@closure {unit}: closed overnight from {month}
@closure Urgent overnight cases taken to Eastmere General
@closure Daytime services unchanged
@closure The decision to be reviewed in six months
#closer
The trust's board meets in public on {weekday2}, and its papers are published on {link}.
Patients with questions can contact the trust's patient advice service through {link}.
#link
the health trust's website => https://www.marrenvalleyhealth.example/
the trust's board papers => https://www.marrenvalleyhealth.example/board-meetings
#caption
@closure {unit}, pictured on {weekday}.
@centre The new diagnostic centre on {street} in {place}.
The entrance to Eastmere General Hospital.
""")

    static let schools = GenKindSource(id: "schools", section: "news", tags: ["Education"], weight: 4, text: """
#org
Marren Valley District Council
the Marren Learning Trust
#role.official
the head teacher of {school}
the district council's cabinet member for children's services
#role.expert
a lecturer in education at Eastmere University
a former head teacher who advises schools in the valley
#role.resident
whose [son|daughter] attends {school}
a parent governor at {school}
#list.school
Eastmere Academy
Linden Cross High School
Aldwick Primary School
St Wenna's Primary School
Kestle Bridge Primary School
Harrowgate Ferry Primary School
Marren Bay Community College
#amount 800000 12000000
#count 90 1400
#headline
@results {school} celebrates its best exam results in a decade
@results Record results for pupils at {school}
@inspection Inspectors rate {school} good after a difficult few years
@extension {amount} extension to {school} gets the go-ahead
@closure {school} faces closure as pupil numbers fall
@transport Parents protest over cuts to school buses in {place}
@breakfast Free breakfast club at {school} feeds {count2} pupils a day
#standfirst
@results Pupils at {school} recorded their best results in a decade, and the head teacher says much of the credit belongs to staff and families who never gave up.
@inspection Inspectors found a school transformed since it was placed in special measures, with pupils who are safe, happy and learning.
@extension Plans for {amount} of new classrooms at {school} will add places for {count2} more pupils as the valley's population grows.
@closure The council says falling pupil numbers make {school} too expensive to keep open, but parents say closing it would rip the heart out of {place}.
@transport Parents say plans to cut free school transport would leave children walking along unlit country roads to reach their classrooms.
@breakfast A breakfast club run by volunteers now serves more than a hundred meals a week, and teachers say pupils arrive ready to learn.
#lede
@results {school} has recorded its best exam results in ten years, with {percent} per cent of pupils achieving strong passes in English and maths.
@inspection Inspectors have rated {school} good in every area, two years after the school was placed in special measures.
@extension Councillors have approved a {amount} extension to {school}, which will add six classrooms and a new hall.
@closure {school} could close next summer after the number of pupils fell to {count2}, well below the level the council says is needed.
@transport Parents in {place} have launched a campaign against plans to cut free school transport for hundreds of pupils.
@breakfast A free breakfast club at {school} is now feeding {count2} pupils every morning, a year after it started with a dozen.
#body
The school has {count} pupils on its roll and takes children from {place} and the villages around it.
@results The results put the school above the national average for the first time in {years} years.
@results Science results rose for the third year in a row, and every pupil in year 11 has a place at college, in training or at work.
@inspection The inspection report praised the school's reading programme and pupils' behaviour, but said attendance still needed work.
@inspection The school was taken over by the Marren Learning Trust after its previous inspection.
@extension The extension will include a science laboratory, a library and a kitchen, and is due to be finished by {season}.
@extension Pupil numbers at the school have risen by {percent2} per cent in five years as new homes have been built nearby.
@closure The number of young families in parts of the valley has fallen, and the council expects further drops over the next five years.
@closure The nearest alternative school is in {place2}, about five miles away along a narrow, winding road.
@closure The building dates from the eighteen-seventies and its roof needs costly repairs.
@transport Under the proposals, only pupils living more than three miles from school would qualify for council-funded transport.
@transport The council says the change would save {amount2} a year.
@breakfast The club is run by volunteers and teaching assistants and is paid for by a grant from a local charity.
@breakfast Teachers say attendance and concentration in morning lessons have improved since the club began.
Head teachers across the valley say they have struggled to recruit maths and science teachers, with some posts advertised three times.
#quote.official
@results These results belong to the pupils and the staff. They have worked incredibly hard, and it shows.
@inspection The inspectors saw what we see every day: children who are happy, safe and learning.
@closure Nobody wants to close a village school, but we have to make sure every child gets the education they deserve.
@extension We are investing in schools across the valley because families are choosing to live here.
@transport We have a legal duty to provide transport, and we will meet it. But we also have to balance the budget.
@breakfast No child can learn on an empty stomach. It's as simple as that.
#quote.expert
Small rural schools punch well above their weight, but their finances are always fragile.
Results like these don't happen by accident. They usually reflect years of steady work.
Transport is the hidden cost of rural education. Cut it, and you change who can get to school.
#quote.resident
The teachers know every child by name. You can't put a price on that.
@transport My daughter would have to get two buses to school if this goes ahead. She's eleven.
@closure When we moved here, the school was the reason. If it closes, families will stop coming.
@results I was nervous opening the envelope, but I got the grades I needed for college.
@breakfast My two love it. They'd go in at seven if they could.
#subhead
@results Results day
@inspection What the inspectors found
@closure A shrinking roll
@transport Getting to school
Pressure on schools
#bullet.lead
@results The results at a glance
#bullet
@results {percent} per cent achieved strong passes in English and maths
@results Science results up for the third year in a row
@results Reading scores above the district average
@results Every pupil in year 11 moved on to college, training or work
#closer
@closure The council's cabinet will make a final decision after the consultation closes on {date}.
@transport Parents can give their views on {link}.
The full inspection reports for schools in the valley can be read on {link}.
#link
the council's schools consultation => https://www.marrenvalley-council.example/schools-consultation
the inspection reports website => https://reports.schools-inspectorate.example/search
#caption
@results Pupils at {school} on results day.
{school}, pictured in {month2}.
@transport Parents outside {school} in {place}.
""")

    static let policing = GenKindSource(id: "policing", section: "news", tags: ["Policing", "Community"], weight: 3, text: """
#org
Marren Valley Police
#role.official
the inspector in charge of policing in {place}
a spokesperson for Marren Valley Police
#role.expert
a criminologist at Eastmere University
the coordinator of the valley's Neighbourhood Watch groups
#role.resident
whose [shed|garage] was broken into last month
a shopkeeper on {street}
#list.crime
shed break-ins
bike thefts
tool thefts
thefts of boat engines
#amount 8000 120000
#count 20 300
#headline
@thefts Police step up patrols in {place} after a spate of {crime}
@thefts Police urge residents to lock up after a string of {crime}
@office Police office reopens in {place} after {years} years
@speed Average speed cameras proposed for the road into {place}
@arrests Two arrested after break-ins in {place} and {place2}
#standfirst
@thefts Marren Valley Police say reports of {crime} in {place} have risen by {percent} per cent this year, and officers are urging residents to report anything suspicious.
@office The return of a police office to {place} is meant to reassure residents who say they have not seen an officer on the street in years.
@speed Volunteers recorded drivers at more than 50mph in a 30mph limit, and residents say it is only a matter of time before someone is badly hurt.
@arrests Officers made the arrests after a run of break-ins at sheds and garages, and say they expect to recover more of the stolen property.
#lede
@thefts Police have stepped up patrols in {place} after more than a dozen {crime} since {month2}, Marren Valley Police said on {weekday}.
@office A police office has reopened in {place} library for the first time in {years} years, staffed two days a week.
@speed Average speed cameras could be installed on the road into {place} after residents' checks found drivers routinely breaking the limit.
@arrests Two men have been arrested after a series of break-ins at sheds and garages in {place} and {place2}, police said on {weekday}.
#body
@thefts Officers believe the same people may be behind many of the thefts, which have mostly happened between midnight and 5am.
@thefts Most of the reports have come from {street} and the lanes around it.
@thefts The value of the stolen property is put at {amount}.
@office The office will be staffed by the local neighbourhood officer and a police community support officer.
@office The previous office closed to save money, and residents have had to travel to Eastmere to speak to an officer in person.
@speed Speed checks by volunteers recorded cars at up to 60mph in a 30mph limit outside the primary school.
@speed Cameras of this kind measure a driver's average speed between two points rather than at a single spot.
@arrests The men, aged 24 and 31, have been released on bail while inquiries continue.
@arrests Police said tools and two bicycles had been recovered from an address in {place2}.
Neighbourhood Watch groups in {place} have doubled in size in the past year.
Overall crime in the valley remains well below the national average.
Police advise marking tools and bikes with a postcode so they can be returned if recovered.
#quote.official
@thefts We are taking these reports seriously and we have extra officers in the area, day and night.
Please lock sheds and garages, mark your tools, and call us if you see anything that doesn't look right.
@office Having a police presence back in the community was the number one thing residents asked us for.
@speed The figures speak for themselves. Drivers need to slow down.
@arrests I hope these arrests reassure people. Our inquiries are continuing.
#quote.expert
Rural crime tends to come in waves, often the work of a small number of people.
Visible policing doesn't always reduce crime, but it does make people feel safer, and that matters.
#quote.resident
@thefts They took everything, the mower, the tools, even my grandfather's old saw. It's the sentimental things that hurt.
We used to leave our doors unlocked. Nobody does that here any more.
@office I'm glad the office is back. It's good to have somewhere to go that isn't a phone line.
@speed Cars come through here far too fast. One day someone is going to get hurt.
#subhead
@thefts A run of thefts
What police advise
@office Back on the beat
#bullet.lead
Police advice
#bullet
Lock sheds, garages and outbuildings
Mark tools and bikes with your postcode
Keep valuables out of sight in vehicles
Report suspicious activity on the non-emergency number
#closer
Anyone with information is asked to contact Marren Valley Police through {link}.
@office The office in {place} is open on Tuesdays and Thursdays from 10am.
#link
the police's online reporting page => https://www.marrenvalley-police.example/report
#caption
Police officers on patrol in {place}.
@office The reopened police office in {place}.
""")

    static let all = [flood, ferry, roads, health, schools, policing]
}
