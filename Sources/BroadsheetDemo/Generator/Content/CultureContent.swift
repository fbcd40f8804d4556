// Culture: theatre, museums and libraries, music, books. Written for this project; every artist and title is invented.

enum GenCultureContent {
    static let theatre = GenKindSource(id: "theatre", section: "culture", tags: ["Theatre", "Festivals"], weight: 5, text: """
#org
the Lantern Theatre
the Eastmere Festival of Theatre
#role.official
the artistic director of the Lantern Theatre
the director of the Eastmere Festival of Theatre
#role.expert
a lecturer in drama at Eastmere University
a theatre critic who has reviewed the festival since it began
#role.resident
who has been to every festival since the first
a member of the Aldwick Players
#list.play
{title}
#list.company
the Aldwick Players
Tidewater Theatre Company
the Marren Bay Youth Theatre
Saltbox Theatre
the Ferry Street Players
#list.writer
{first} {surname}
Zōr
#amount 30000 2500000
#count 20 160
#headline
@festival Eastmere Festival of Theatre returns with {count} shows in ten days
@festival Festival brings street theatre and premieres to Eastmere
@premiere New play about the Harrowgate ferry premieres at the Lantern
@premiere {play}: a valley story told with wit and warmth
@refurb Lantern Theatre reopens after {amount} refurbishment
@amateur {company} celebrate {years} years on stage with a sell-out run
@funding Lantern Theatre warns it may have to cut its season after losing funding
#standfirst
@festival This year's programme mixes premieres by local writers with touring companies from across the country, and organisers hope to beat last year's record attendance.
@premiere {writer}'s new play, {play}, draws on stories collected from ferry passengers and crew, and it is the first commission from the theatre's new writing scheme.
@refurb The Victorian theatre has new seats, a rebuilt stage and a lift to every floor, and its director says it is now open to everyone for the first time in its history.
@amateur The company has staged everything from farces to Shakespeare since it was founded, and its anniversary production sold out within a week.
@funding The theatre says the loss of its grant leaves a gap it cannot fill from ticket sales alone, and it is asking audiences to become members.
#lede
@festival The Eastmere Festival of Theatre opens on {weekday} with {count} shows in ten days, in venues from the Lantern Theatre to the car deck of the Harrowgate ferry.
@premiere {play}, a new play by {writer}, opened at the Lantern Theatre on {weekday} night to a full house and a standing ovation.
@refurb The Lantern Theatre in Eastmere has reopened after an {amount} refurbishment that took almost two years.
@amateur {company} are celebrating {years} years on stage with a production that sold out within a week of tickets going on sale.
@funding The Lantern Theatre may have to cut its autumn season after losing a grant of {amount2} a year, its director has warned.
#body
The Lantern Theatre was built in the eighteen-eighties as a music hall and is one of the oldest working theatres in the region.
@festival Venues include the Lantern, the Assembly Rooms, two churches, a barge and several pubs.
@festival About a third of the shows are free, including street performances in the market square.
@festival Last year's festival sold about [18,000|21,000] tickets, a record.
@festival Highlights include a promenade performance along the riverbank and a late-night cabaret in a boatyard.
@premiere The play follows three generations of a ferry family through one long night on the river.
@premiere {writer} spent a year collecting stories from passengers and crew before starting to write.
@premiere The cast of [five|six] includes [two|three] actors who grew up in the valley.
@premiere The production runs until {date}, with a relaxed performance on the final Saturday.
@premiere The set, a tilting deck that rocks during the storm scenes, was built in the theatre's own workshop.
@refurb The work included new seating, a rebuilt stage floor and a lift serving all levels.
@refurb Builders found painted scenery from the nineteen-twenties behind a wall during the work.
@refurb The refurbishment was paid for by a lottery grant, the district council and a public appeal.
@amateur The company rehearses twice a week in a church hall in {place}.
@amateur Several former members have gone on to work in professional theatre.
@funding The theatre employs [24|30|36] staff and relies on grants for about a quarter of its income.
@funding Ticket prices have been kept low to make sure local families can afford to come.
The theatre's programme mixes touring productions with its own shows, and it runs a youth theatre with more than a hundred members.
The Eastmere Festival of Theatre began in the nineteen-eighties as a weekend of amateur productions and has grown every year since.
Many of the performers are from the valley, alongside companies from elsewhere in the country.
Ticket prices start at [£5|£8], with free tickets for under-16s at some performances.
The theatre's bar and café are run by volunteers, and profits go back into the building.
The programme includes a relaxed performance for audiences who may find a traditional theatre setting difficult.
#quote.official
@festival We want everyone in the valley to feel this festival belongs to them, whether they've been to the theatre before or not.
@premiere This is exactly the kind of work we exist to make: stories from here, told by people from here.
@refurb For the first time, everyone can get into every part of this building. That matters more than the new seats.
@funding We will fight to keep this theatre open. But we can't do it on ticket sales alone.
@amateur Everyone here does it for love. Nobody gets paid, and everybody turns up.
#quote.expert
@premiere It's a funny, tender and occasionally heartbreaking evening. The storm scene alone is worth the ticket.
Regional theatres are where new writers get their start. Lose them, and the whole industry suffers.
The festival has become one of the most adventurous in the region.
#quote.resident
I took my grandchildren, and they were spellbound from start to finish.
I've been coming to the Lantern since I was a child. It feels like a second home.
@amateur My first role was a tree. Thirty years later, I'm still here.
@festival It's the best ten days of the year. The whole town comes alive.
#subhead
@festival The programme
@premiere On stage
@refurb Behind the scenes
@funding An uncertain future
A theatre town
#bullet.lead
@festival Festival highlights
#bullet
@festival A promenade performance along the riverbank
@festival A new play performed on the Harrowgate ferry
@festival Late-night cabaret in a boatyard
@festival Free street theatre in the market square every afternoon
#closer
Tickets are available from the box office and on {link}.
@premiere {play} runs at the Lantern Theatre until {date}.
#link
the Lantern Theatre's website => https://www.lanterntheatre.example/whats-on
the festival programme => https://www.eastmerefestival.example/programme
#caption
The cast of {play} in rehearsal.
The Lantern Theatre in Eastmere.
@festival Street performers in the market square in Eastmere.
""")

    static let museum = GenKindSource(id: "museum", section: "culture", tags: ["Museums", "Heritage", "Libraries"], weight: 4, text: """
#org
the Marren Valley Museum
Eastmere Library
#role.official
the director of the Marren Valley Museum
the district council's libraries manager
the curator of the exhibition
#role.expert
a historian at Eastmere University
an archaeologist who has worked in the valley for {years} years
#role.resident
a volunteer at the museum
a regular at {place} Library
#list.object
a {craft}
a medieval ferry token
a Roman coin hoard
a Victorian diving helmet
a hand-drawn map of the estuary
#amount 20000 3000000
#count 40 4000
#headline
@exhibition Museum exhibition tells the story of the Harrowgate ferry
@exhibition {craft_title}: new exhibition at the Marren Valley Museum
@find Metal detectorist's find goes on show at the Marren Valley Museum
@library Library in {place} saved by volunteers
@library Eastmere Library lends its [millionth|two-millionth] book since going digital
@archive Valley archive puts {count} old photographs online
#standfirst
@exhibition The exhibition brings together objects, photographs and recorded memories from the valley, many of them lent by local families and never shown in public before.
@find The find was made in a field near {place}, and experts say it sheds new light on the valley's past.
@library Volunteers will run the library three days a week after the council withdrew its funding, and they have already recruited more than {count2} helpers.
@archive The photographs, some more than a century old, show the valley's towns, farms and harbour as they once were, and the archive is asking the public to help identify the people in them.
#lede
@exhibition A new exhibition at the Marren Valley Museum in Eastmere tells the story of the valley through {count} objects, from {object} to a ferry ticket machine.
@find {object} found by a metal detectorist in a field near {place} has gone on display at the Marren Valley Museum.
@library The library in {place} will stay open after volunteers agreed to run it, weeks before it was due to close.
@archive The valley archive has put {count} historic photographs online, from Victorian harbour scenes to the floods of the nineteen-fifties.
#body
The museum is housed in a former corn exchange on the market square in Eastmere and attracts about [40,000|55,000] visitors a year.
@exhibition The exhibition runs until {date} and entry is free.
@exhibition Many of the objects were lent by families in {place} and {place2}.
@exhibition Visitors can listen to recordings of older residents describing life in the valley.
@exhibition Curators spent [two|three] years gathering material for the exhibition.
@find The find was reported under the rules that govern archaeological discoveries, and the museum raised {amount2} to buy it.
@find Experts believe it dates from the [thirteenth|fourteenth|second] century.
@find The field where it was found will be surveyed by archaeologists from Eastmere University.
@library The council withdrew funding from [four|five] branch libraries last year to save money.
@library The library will open on Tuesdays, Thursdays and Saturdays, and the council will continue to supply books.
@library Library use has risen since the pandemic, with more people borrowing e-books and using the computers.
@archive The archive holds about [90,000|120,000] photographs, most of them donated by families.
@archive Volunteers spent [two|three] years scanning the images.
@archive Some of the photographs were taken by a Victorian chemist in Eastmere who photographed the town for fifty years.
#quote.official
@exhibition This exhibition belongs to the people of the valley. Most of what's here was in someone's attic a year ago.
@find It's a remarkable find, and it's wonderful that it will stay in the valley where it belongs.
@library A library is more than books. It's warm, it's free, and it's for everyone.
@archive Every photograph tells a story. We'd love people to help us work out what those stories are.
#quote.expert
Objects like this are how we reach the ordinary people of the past, who left no written records.
The valley's history is a history of the river: trade, floods, ferries and fish.
#quote.resident
I found my grandfather in one of the photographs, standing on the quay with his boat. I cried.
@library I've been coming here since I was five. I wasn't going to let it close.
It's a wonderful museum, and it's free. More people should know about it.
#subhead
@exhibition Inside the exhibition
@find An extraordinary find
@library Saved by volunteers
@archive Faces from the past
#closer
@exhibition The museum is open from Tuesday to Sunday, and details are on {link}.
@archive The photographs can be browsed on {link}.
@library The library will reopen under volunteer management on {date}.
#link
the Marren Valley Museum => https://www.marrenvalleymuseum.example/
the valley archive's online collection => https://archive.marrenvalleymuseum.example/photographs
#caption
@exhibition Visitors at the new exhibition at the Marren Valley Museum.
@library Volunteers at the library in {place}.
The Marren Valley Museum in Eastmere.
#list.craft_title
{title}
""")

    static let music = GenKindSource(id: "music", section: "culture", tags: ["Music", "Festivals"], weight: 4, text: """
#org
the Marren Bay Folk Festival
the Eastmere Choral Society
#role.official
the director of the Marren Bay Folk Festival
the conductor of the Eastmere Choral Society
#role.expert
a music lecturer at Eastmere University
#role.resident
who has sung with the choir for {years} years
a festival-goer from {place}
#list.act
Zōr
the Salt Road Band
{first} {surname}
the Heron Quartet
the Sallow Valley Fiddlers
#list.album
{title}
#count 40 9000
#amount 20000 900000
#headline
@festival Marren Bay Folk Festival sells out for the first time
@festival {count} expected as folk festival returns to Marren Bay
@album {act} record new album in a boathouse on the Marren
@choir Eastmere Choral Society marks its [centenary|150th anniversary] with a free concert
@venue Music venue in {place} saved after crowdfunding appeal
#standfirst
@festival Three days of music on the harbour will feature performers from across the country alongside local bands, and organisers say the town's hotels and campsites are full.
@album The album was recorded over a winter in a boathouse near Harrowgate Ferry, with the sound of the river on many of its tracks.
@choir The choir has sung in Eastmere through two world wars, floods and a pandemic, and its anniversary concert will feature singers from every school in the town.
@venue Fans raised more than {amount2} in a month to buy the building, and the venue will now be run as a community cooperative.
#lede
@festival The Marren Bay Folk Festival has sold out for the first time in its history, with about {count} people expected over three days.
@album {act} will release {album} on {date}, an album recorded in a boathouse on the banks of the Marren.
@choir The Eastmere Choral Society will mark its anniversary with a free concert in the market square on {date}.
@venue A music venue in {place} has been saved from closure after fans raised {amount2} in a crowdfunding appeal.
#body
@festival The festival began in a pub back room more than forty years ago.
@festival Concerts take place on a stage on the harbour, in the church and in pubs around the town.
@festival The festival is run almost entirely by volunteers.
@festival This year's line-up includes {act} and more than forty other acts.
@album The boathouse had no heating, and the musicians recorded wrapped in coats and blankets.
@album The songs draw on stories of the river, the ferry and the fishing families of Marren Bay.
@album The album will be launched with a concert at the Lantern Theatre.
@choir The society has about [90|110|120] members, from teenagers to singers in their nineties.
@choir The concert will include music written for the choir by a composer from {place}.
@venue The venue has hosted bands in an upstairs room above a pub since the nineteen-seventies.
@venue The cooperative plans to add a café and rehearsal rooms.
Live music venues across the country have struggled with rising costs.
#quote.official
@festival We have always said the festival belongs to the town. This year the town has shown it agrees.
@choir Singing together is one of the oldest joys there is, and the choir has kept that going for generations.
@venue This room has launched hundreds of bands. We couldn't let it go.
#quote.expert
The valley has a musical tradition that goes back centuries, and it is very much alive.
@album It's a quiet, haunting record, full of water and weather.
#quote.resident
@choir Singing on a Tuesday night is the best part of my week.
@festival I've been coming since I was a teenager. Now I bring my grandchildren.
@album We were freezing, but you can hear the river on every track.
#subhead
@festival The line-up
@album Recording by the river
@choir A century of song
@venue Saved by the fans
#closer
Tickets and details are available on {link}.
#link
the festival's website => https://www.marrenbayfolk.example/
the choral society's concerts page => https://www.eastmerechoral.example/concerts
#caption
@festival The harbour stage at the Marren Bay Folk Festival.
@choir The Eastmere Choral Society in rehearsal.
Musicians performing in {place}.
""")

    static let books = GenKindSource(id: "books", section: "culture", tags: ["Books", "Festivals"], weight: 3, text: """
#org
the Linden Cross Book Festival
#role.official
the director of the Linden Cross Book Festival
#role.expert
a lecturer in English literature at Eastmere University
#role.resident
a bookseller in {place}
who has been to the festival every year since it started
#list.author
{first} {surname}
#list.book
{title}
#count 20 120
#amount 10000 300000
#headline
@festival Linden Cross Book Festival announces {count} events for its tenth year
@novel Debut novel set in the Marren valley wins regional prize
@novel {author}'s {book} brings the valley's floods to the page
@shop New independent bookshop opens in {place}
#standfirst
@festival Novelists, historians, poets and children's writers will take part in the festival, which has grown from a handful of talks in a church hall into one of the region's biggest literary events.
@novel The novel follows a family through the great flood of the nineteen-fifties, and the judges praised its sense of place and its unsentimental characters.
@shop The owner says a bookshop is about more than selling books, and plans to host readings, children's story times and a monthly book club.
#lede
@festival The Linden Cross Book Festival will host {count} events across ten days in {month}, its organisers announced on {weekday}.
@novel {book}, the debut novel by {author}, has won a regional prize for fiction.
@shop A new independent bookshop has opened in {place}, the first in the town for more than a decade.
#body
@festival The festival began as a handful of talks in a church hall and now attracts about [15,000|20,000] visitors.
@festival Events take place in the town hall, the church, the school and a marquee on the green.
@festival A programme of free events for schools will run alongside the main festival.
@novel {author} grew up in {place} and worked as a teacher before writing the novel.
@novel The book took [six|seven|eight] years to write and was turned down by [eleven|fourteen] publishers before being accepted.
@novel The prize is worth {amount2} and is awarded each year to a writer from the region.
@shop The shop stocks new and second-hand books and has a small café at the back.
@shop Independent bookshops have been opening across the country after years of decline.
#quote.official
@festival We want the festival to be a place where everyone feels they belong, whether they read one book a year or one a week.
#quote.expert
@novel It's a remarkable debut, rooted in a real place and full of people you believe in.
Books about small places often turn out to be about everything.
#quote.resident
@shop A town without a bookshop isn't really a town. I'm so glad it's here.
@festival It's the highlight of my year. I always come home with too many books.
#subhead
@festival The programme
@novel The book
@shop Opening day
#closer
The festival programme is available on {link}.
#link
the Linden Cross Book Festival => https://www.lindencrossbooks.example/
#caption
@festival The festival marquee on the green in Linden Cross.
@shop The new bookshop in {place}.
Books on display in {place}.
""")

    static let all = [theatre, museum, music, books]
}
