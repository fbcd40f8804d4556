// Science: research at Eastmere University, wildlife, climate and weather, the night sky. Written for this project;
// the findings are invented and described as such nowhere else.

enum GenScienceContent {
    static let research = GenKindSource(id: "research", section: "science", tags: ["Research", "Eastmere University"], weight: 6, text: """
#org
Eastmere University
#role.official
the university's pro vice-chancellor for research
the head of {department} at Eastmere University
#role.expert
who leads the {lab} at Eastmere University
a researcher in the {lab}
a professor of {field} at Eastmere University
#role.resident
a volunteer who helped collect samples for the study
a farmer from {place} who took part in the trial
#list.lab
Marren Estuary Laboratory
Valley Soil Research Group
Eastmere Materials Lab
Sallow Hill Field Station
Centre for Coastal Change
Eastmere Battery Research Group
#list.department
the School of Biosciences
the School of Engineering
the School of Earth Sciences
the Department of Physics
#list.field
marine biology
soil science
materials chemistry
coastal geomorphology
microbiology
electrochemistry
#list.journal
the Journal of Estuarine Studies
Coastal Systems Letters
the Review of Applied Materials
Soil and Land Science
#amount 200000 12000000
#count 12 3000
#headline
@finding Eastmere scientists make surprising discovery in the Marren estuary
@finding Study of the Marren estuary [surprises|puzzles] Eastmere scientists
@grant Eastmere University lab wins {amount} to study the Marren estuary
@grant {amount} grant for research into {topic} at Eastmere
@building New {amount} research centre opens at Eastmere University
@citizen Volunteers help scientists map {topic} across the valley
@battery Eastmere team develops battery material made from seaweed waste
#standfirst
@finding Researchers at Eastmere University say their findings, published in {journal}, could change how the estuary is managed, though they stress more work is needed.
@grant The grant will fund a team of [eight|ten|twelve] scientists for five years, and the university says it will make Eastmere a leading centre for the study of {topic}.
@building The building brings together [laboratories|labs, offices] and a public exhibition space, and the university hopes it will attract researchers from around the world.
@citizen In all, {count} volunteers have sent in samples and observations, giving researchers a picture of {topic} that would have taken a small team decades to build.
@battery The material is at an early stage, but the researchers say it could one day make batteries cheaper and easier to recycle.
#lede
@finding Scientists at Eastmere University have found {finding_long}, according to a study published this week in {journal}.
@grant The {lab} at Eastmere University has been awarded {amount} to study {topic} over the next five years.
@building Eastmere University has opened a {amount} research centre on its riverside campus, home to the {lab} and [three|four] other research groups.
@citizen In all, {count} volunteers across the valley have helped scientists at Eastmere University to map {topic}, in one of the largest citizen science projects of its kind.
@battery Researchers at Eastmere University have made an experimental battery material from seaweed left over by food processing, they report in {journal}.
#body
@finding The team collected samples at [forty|sixty|eighty] sites along the estuary over [two|three] years.
@finding The researchers say the results need to be confirmed by further studies before firm conclusions can be drawn.
@finding The study was carried out with colleagues from [two|three] other universities and the Environment Office.
@finding Samples were analysed at the university's laboratory on the riverside campus.
@finding Earlier studies had suggested the opposite, but they were based on far fewer samples.
@grant The money comes from a national research council and will pay for equipment, field work and [six|eight] new research posts.
@grant The team will install sensors along the river from Upper Sallow to Marren Bay.
@grant Data from the project will be published openly so that other scientists and the public can use it.
@building The building is heated by a ground-source heat pump and has solar panels on its roof.
@building A public gallery on the ground floor will host exhibitions and school visits.
@building Construction took [two|three] years and was paid for partly by a gift from a former student.
@citizen Volunteers used a free app to record what they found, along with a photograph and a location.
@citizen Schools in {place} and {place2} took part, with pupils collecting samples from their playing fields.
@citizen The project's map is available online, and anyone can add to it.
@battery The material stores charge in a structure made from compounds found in seaweed cell walls.
@battery In laboratory tests, cells made with the material kept most of their capacity after [500|800|1,000] charging cycles.
@battery The team has applied for a patent and is talking to companies about developing the idea.
Eastmere University has about [14,000|16,000] students and is the valley's largest employer after the health trust.
The university's research in this area goes back to the nineteen-sixties, when it set up a field station on the estuary.
The Marren estuary is one of the least studied on this stretch of coast, according to the university.
The research was funded in part by a national research council and in part by a charitable trust.
Students from the university's master's programme helped with the field work, spending weeks on the mudflats in all weathers.
The university's field station at Brackwater has been monitoring the estuary since the nineteen-sixties.
The team plans to share its findings with the Environment Office, the harbour board and local landowners.
Results from the project will be presented at a public talk at the Marren Valley Museum in {month2}.
#quote.official
@grant This is a tremendous achievement for the team and a recognition of the work they have done over many years.
@building This building is a statement of intent. We want Eastmere to be a place where important science happens.
Research like this shows what a university can do for the place it belongs to.
#quote.expert
The valley gives us an unusually complete record, from the hills to the sea, in a small area.
We want the public to see what we do. Science shouldn't happen behind closed doors.
@finding We were surprised by how clear the pattern was. We went back and checked everything twice.
@finding It's one study, and we need to be careful. But if it holds up, it changes how we think about the estuary.
@grant The estuary is a fantastic natural laboratory, right on our doorstep.
@citizen The volunteers have been extraordinary. We could never have collected this much data on our own.
@battery It's a long way from a laboratory cell to a battery you can buy. But the early results are very encouraging.
The best thing about this work is that it starts with a question people in the valley actually care about.
#quote.resident
@citizen I've always been curious about what lives in the garden. Now I know, and so does science.
@finding We see the estuary every day, but you don't think about what's going on underneath.
It's nice to feel part of something bigger.
#subhead
How the study worked
What it means
@grant The next five years
@citizen Science by the public
@battery From seaweed to battery
#bullet.lead
@finding The study in brief
#bullet
@finding Samples taken at dozens of sites along the estuary
@finding Results published in {journal}
@finding Further studies planned for next year
@finding Data to be made available to other researchers
#closer
The study, {title}, is available on {link}.
@building The centre's public gallery is open on weekdays and on the first Saturday of each month.
@citizen Volunteers can still join the project through {link}.
#link
the university's research news page => https://www.eastmere-university.example/research/news
the project's website => https://www.eastmere-university.example/projects/valley-map
#caption
@finding Researchers taking samples on the Marren estuary.
@building The new research centre at Eastmere University.
A researcher at work in the {lab}.
#list.topic
the estuary's mudflats
soil health on valley farms
microplastics in the Marren
the valley's hedgerows
coastal erosion at Marren Bay
#list.finding_long
that the mudflats store far more carbon than previously estimated
a species of marine worm not recorded in the region for a century
that microplastics are concentrated in a few hotspots downstream of Eastmere
a strain of soil bacteria that appears to protect crops from a common fungus
""")

    static let wildlife = GenKindSource(id: "wildlife", section: "science", tags: ["Wildlife", "River Marren"], weight: 5, text: """
#org
the Marren Valley Wildlife Trust
#role.official
the conservation manager at the Marren Valley Wildlife Trust
a ranger at the Brackwater marshes nature reserve
#role.expert
an ecologist at Eastmere University
a county recorder for {group}
#role.resident
a birdwatcher from {place}
a volunteer who has surveyed the river for {years} years
#list.group
birds
dragonflies
moths
mammals
#list.rarity
{species}
#list.creature
otters
kingfishers
water voles
avocets
salmon
beavers
marsh harriers
#amount 50000 3000000
#count 4 600
#headline
@return {creature} return to the Marren after decades away
@return First {creature} seen on the upper Marren in living memory
@count Record count of {creature} on the Brackwater marshes
@decline Survey finds steep decline in the valley's {creature}
@restore {amount} project to restore wetlands along the Marren
@species Amateur naturalist spots a rare {rarity} new to the valley
#standfirst
@return Conservationists say the return of {creature} is a sign that years of work to clean up the river are paying off, but warn that pollution remains a threat.
@count Volunteers counted more {creature} on the marshes than in any year since records began, and the wildlife trust credits new wetland habitat.
@decline The survey found far fewer {creature} than a decade ago, and scientists say changes to farming, pollution and habitat loss are all likely to be to blame.
@restore The project will create ponds, reedbeds and flood meadows on farmland along the river, giving wildlife room to spread and water somewhere to go in a flood.
@species The sighting has been confirmed by experts, and the county recorder says it shows how much there is still to learn about the valley's wildlife.
#lede
@return {creature} have returned to the upper Marren for the first time in decades, the Marren Valley Wildlife Trust has confirmed.
@count A record {count} {creature} were counted on the Brackwater marshes this {season}, the Marren Valley Wildlife Trust said on {weekday}.
@decline The number of {creature} in the Marren valley has fallen by {percent} per cent in ten years, according to a survey by the Marren Valley Wildlife Trust.
@restore A {amount} project to restore wetlands along a five-mile stretch of the Marren has been launched by the Marren Valley Wildlife Trust.
@species A rare {rarity} has been recorded in the valley for the first time, spotted by an amateur naturalist in a garden in {place}.
#body
The Marren runs for about 30 miles from the hills above Linden Cross to the sea, through farmland, towns and the marshes at Brackwater.
@return Signs including tracks and droppings were first found by volunteers near {place} in {month2}, and camera traps have since confirmed the sightings.
@return Water quality in the upper river has improved since sewage works were upgraded [five|seven] years ago.
@return The wildlife trust has asked people not to disturb the animals and is not giving their exact location.
@count The marshes were restored from drained grazing land about fifteen years ago.
@count Counts are carried out by volunteers on the same days each year, using the same methods.
@count The reserve is open to visitors all year, with hides overlooking the main lagoon.
@decline Surveys were carried out at the same {count} sites as ten years ago.
@decline Scientists say the decline matches trends recorded elsewhere in the region.
@decline The trust is calling for more money for farmers to leave field margins and hedgerows for wildlife.
@restore Farmers taking part will be paid to manage the land for wildlife and to allow it to flood in winter.
@restore The work will also help to slow floodwater before it reaches towns downstream, according to the trust.
@restore Volunteers will plant about [10,000|15,000] trees and shrubs over the next three years.
@species The {rarity} is more usually found [further south|on the continent|in a handful of coastal sites], and may have been helped by warmer summers.
@species The record was confirmed from photographs by the county recorder.
Anyone who sees unusual wildlife is encouraged to record it with the local records centre.
#quote.official
@return This is wonderful news, and a sign that the river is getting healthier. But the job isn't finished.
@count The marshes were a muddy field fifteen years ago. Now look at them.
@decline These figures should worry all of us. We are losing the wildlife that makes the valley special.
@restore We want to give the river room to breathe. That's good for wildlife and good for people downstream.
@species It's a fantastic record, and a reminder that anyone can make a discovery.
#quote.expert
Wildlife responds remarkably quickly when we give it a chance. The valley shows that.
One good year doesn't make a trend. We need to keep counting.
Declines like this rarely have a single cause. Habitat, pollution and climate all play a part.
#quote.resident
@return I've walked this river every morning for thirty years and never thought I'd see that.
@species I thought it was something ordinary until I looked at the photograph properly.
@count Sitting in the hide at dawn, watching them come in, is one of the best things I know.
#subhead
A river recovering
The numbers
@restore Room for the river
What people can do
#bullet.lead
How to help
#bullet
Report sightings to the local records centre
Keep dogs on leads near the riverbank in spring
Leave an untidy corner of the garden for wildlife
Join a volunteer survey with the wildlife trust
#closer
The wildlife trust's annual report will be published in {month2}, and volunteers can sign up on {link}.
@count The reserve at Brackwater is open every day from dawn to dusk.
#link
the Marren Valley Wildlife Trust => https://www.marrenwildlife.example/
the valley records centre => https://records.marrenwildlife.example/
#caption
The Brackwater marshes nature reserve.
The Marren near {place}.
@restore Farmland beside the Marren that will be turned into wetland.
""")

    static let climate = GenKindSource(id: "climate", section: "science", tags: ["Climate", "Weather", "Energy"], weight: 4, text: """
#org
the Eastmere Weather Station
Marren Valley District Council
#role.official
the district council's climate officer
the volunteer who runs the Eastmere Weather Station
#role.expert
a climate scientist at Eastmere University
a meteorologist who grew up in the valley
#role.resident
a farmer in {place}
who installed solar panels on [her|his|their] roof last year
#amount 100000 20000000
#count 60 4000
#headline
@record Eastmere records its [warmest|wettest|driest] {month} since records began
@record Eastmere weather station marks [130|132|135] years of daily readings
@solar Community solar farm near {place} begins generating power
@solar Hundreds of homes in {place} sign up for shared solar scheme
@erosion Sea eats into Coldharbour Ness as erosion speeds up
@heat Heatwave advice issued as valley prepares for [record|high] temperatures
#standfirst
@record Readings at the Eastmere Weather Station, kept since the eighteen-nineties, show the month was far outside the normal range, and scientists say such months are becoming more frequent.
@solar The solar farm is owned by more than {count} local shareholders, and profits will go into a fund for energy-saving projects in the valley.
@erosion Surveys show the shingle spit at Coldharbour Ness is retreating several metres a year, and residents of the hamlet fear for their homes.
@heat Health officials are urging people to check on elderly neighbours and avoid the midday sun as temperatures approach levels rarely seen in the valley.
#lede
@record Eastmere has recorded its [warmest|wettest|driest] {month} since records began in the eighteen-nineties, according to the town's weather station.
@solar A community-owned solar farm near {place} has started generating electricity, enough to power about {count} homes.
@erosion The shingle spit at Coldharbour Ness has retreated by more than [five|eight|ten] metres in a year, surveys by Eastmere University show.
@heat Temperatures in the Marren valley could reach [33|34|35C] this week, forecasters say, and health officials have issued heatwave advice.
#body
@record The station has been run by volunteers since the eighteen-nineties and is one of the longest continuous records in the region.
@record Readings are taken at 9am every day, using the same instruments in the same enclosure in the museum garden.
@record Eight of the ten warmest years in the station's record have come since 2000.
@solar The farm covers about [20|30] acres of poor grazing land and sheep will continue to graze between the panels.
@solar Shares were sold to local people, with a minimum investment of [£50|£100].
@solar The scheme paid for itself faster than expected because of high electricity prices.
@erosion Several homes at the end of the spit are now within [30|40] metres of the sea.
@erosion The council's shoreline plan does not include new defences at Coldharbour Ness, saying they would not be cost-effective.
@erosion Storms in {month2} removed large amounts of shingle in a single night.
@heat Schools have been told to keep children in the shade and make sure they drink water.
@heat The Environment Office has warned that river levels are low and has asked people not to swim in the Marren.
@heat Farmers say crops are suffering after weeks without significant rain.
Scientists say the valley's climate has warmed by about 1C since the station began its records.
#quote.official
@record The figures speak for themselves. The valley's climate is changing, and we need to plan for it.
@solar This is energy made in the valley, owned by the valley, with the profits staying in the valley.
@erosion We have to be honest with residents about what can and can't be done.
@heat Please look out for older neighbours and anyone who lives alone.
#quote.expert
A single month doesn't prove anything on its own. But the long-term record is very clear.
The Eastmere record is precious precisely because it's so long and so consistent.
The coast has always moved. What's changed is the speed, and the fact that people now live in its path.
#quote.resident
@solar We bought a few shares because we wanted to do something practical. It's nice to see it working.
@erosion We bought the house knowing the risk, but nobody expected it to be this fast.
The weather's just not what it was when I was a boy. The seasons have gone haywire.
#subhead
@record The record in numbers
A changing climate
@erosion Losing ground
@solar Power to the people
#closer
The weather station's monthly readings are published on {link}.
@heat Heatwave advice from the health trust is available on {link}.
#link
the Eastmere Weather Station => https://www.eastmereweather.example/records
the council's climate plan => https://www.marrenvalley-council.example/climate
#caption
@record The weather station enclosure in the museum garden in Eastmere.
@solar The community solar farm near {place}.
@erosion Homes at the end of the shingle spit at Coldharbour Ness.
The sky over {place}.
""")

    static let astronomy = GenKindSource(id: "astronomy", section: "science", tags: ["Astronomy", "Community"], weight: 2, text: """
#org
the Marren Valley Astronomical Society
#role.official
the chair of the Marren Valley Astronomical Society
#role.expert
an astrophysicist at Eastmere University
#role.resident
who came to the stargazing evening with [her|his|their] children
#count 40 900
#amount 20000 400000
#headline
@darksky Hills above Linden Cross could become a dark sky reserve
@observatory Astronomical society opens new observatory on Sallow Hill
@event Hundreds gather on the quay to watch the [meteor shower|lunar eclipse|planets]
#standfirst
@darksky The astronomical society says the hills above Linden Cross have some of the darkest skies in the region, and official status would protect them from light pollution.
@observatory The observatory was built by society volunteers over [three|four] years on a hilltop site donated by a local farmer, and it will be open to the public on clear evenings.
@event Clear skies and a calm night brought families, students and amateur astronomers to the quay at Marren Bay for one of the best displays in years.
#lede
@darksky The hills above Linden Cross could be named a dark sky reserve, under plans put forward by the Marren Valley Astronomical Society.
@observatory A new observatory on Sallow Hill has been opened by the Marren Valley Astronomical Society, after [three|four] years of fundraising and building.
@event About {count} people gathered on the quay at Marren Bay on {weekday} night to watch the sky, as the astronomical society set up telescopes for the public.
#body
@darksky Dark sky status would require councils to control new street lighting and encourage residents to shield outdoor lights.
@darksky Measurements by society members found the sky near Upper Sallow to be among the darkest in the region.
@observatory The observatory houses a telescope donated by a former member, and cost about {amount} to build.
@observatory The society will hold open evenings on the first Friday of each month.
@event Members of the society brought [eight|ten|twelve] telescopes and helped visitors find their way around the sky.
@event The next big event in the night sky is expected in {month2}.
The society has about {count} members and meets monthly at {venue}.
#quote.official
@darksky Our skies are a treasure. Once they're lost to light pollution, they're very hard to get back.
@observatory Volunteers have given thousands of hours to this. It's a dream come true.
@event Seeing people's faces when they look through a telescope for the first time never gets old.
#quote.expert
Dark skies are good for wildlife and for people, not just for astronomers.
#quote.resident
My daughter saw Saturn's rings and hasn't stopped talking about it.
#subhead
Under dark skies
#closer
Details of the society's open evenings are on {link}.
#link
the Marren Valley Astronomical Society => https://www.marrenastro.example/
#caption
Stargazers on the quay at Marren Bay.
@observatory The new observatory on Sallow Hill.
""")

    static let all = [research, wildlife, climate, astronomy]
}
