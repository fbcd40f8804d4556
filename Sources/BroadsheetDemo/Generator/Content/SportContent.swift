// Sport: Eastmere Athletic, rowing on the Marren, grassroots sport. Written for this project; every club is invented
// except as a name in this fictional valley.

enum GenSportContent {
    private static let footballShared = """
#org
Eastmere Athletic
#role.official
the Eastmere Athletic manager
the Eastmere Athletic captain
#role.expert
a former Eastmere Athletic captain who now coaches the under-18s
#role.resident
a season-ticket holder since the nineteen-eighties
who travelled to the game from {place}
#list.opponent
Hallam Rovers
Bretton Town
Wickmoor United
Castleford Vale
Ashby Lock FC
Sandown Wanderers
Pellingham Athletic
#list.scorer
{first} {surname}
Tomás Ibáñez
Kwame Osei
#list.keeper
{first} {surname}
#count 900 4800
#amount 20000 600000
"""

    static let footballWin = GenKindSource(id: "football-win", section: "sport", tags: ["Eastmere Athletic", "Football"], weight: 5, text: footballShared + "\n" + """
#headline
@league Eastmere Athletic beat {opponent} {scoreHigh}-{scoreLow} to climb the table
@league Late goal from {scorer} gives Athletic a {scoreHigh}-{scoreLow} win over {opponent}
@cup Athletic knock {opponent} out of the county cup
@cup Eastmere Athletic reach the county cup final after beating {opponent}
#standfirst
@league Athletic were the stronger side against {opponent} in front of {count} fans at Kiln Lane, and the manager says the team's fitness made the difference in the final twenty minutes.
@cup A memorable night at Kiln Lane ended with Athletic celebrating a place in the next round, after {scorer} scored the decisive goal against {opponent}.
#lede
@league Eastmere Athletic beat {opponent} {scoreHigh}-{scoreLow} at Kiln Lane on Saturday, a result that lifts them into the top half of the table.
@league A late goal from {scorer} gave Eastmere Athletic a {scoreHigh}-{scoreLow} victory over {opponent} in front of {count} supporters at Kiln Lane.
@cup Eastmere Athletic are through to the next round of the county cup after a {scoreHigh}-{scoreLow} win over {opponent} at Kiln Lane on {weekday} night.
#body
{opponent} started the brighter side and hit the post inside the first ten minutes.
{scorer} opened the scoring with a low shot from the edge of the area after [24|31|38] minutes.
Athletic's goalkeeper, {keeper}, made two fine saves either side of half-time to keep the home side in front.
The second half was scrappy, with [five|six] yellow cards and a long stoppage for an injury to one of the {opponent} defenders.
{scorer} sealed the win with a header from a corner in the [84th|88th|90th] minute, sending the Kiln Lane terraces into celebration.
The crowd of {count} was the biggest at Kiln Lane this season.
Athletic have now won [four|five] of their last six matches.
The club's new signing, a midfielder who came through the youth academy at {opponent}, made his first start and was replaced to a standing ovation.
Kiln Lane has been Athletic's home since 1903, and the old wooden stand is one of the oldest still in use in the region.
@cup The cup run has brought in about {amount2} in gate receipts, money the club says will go towards new floodlights.
@cup Athletic last reached the final [twelve|fifteen|twenty] years ago.
@league The win moves Athletic up to [eighth|ninth|seventh] place.
Athletic play in the regional league, where they have spent most of their history since being founded by workers at the Aldwick foundry.
The club is owned by its supporters' trust, which bought it from a local businessman in the two-thousands.
Ticket prices at Kiln Lane are among the lowest in the league, with under-16s admitted free.
The manager has been in charge since last season, after several years coaching the club's under-18s.
The club's women's team, founded five years ago, also plays its home games at Kiln Lane.
#quote.official
I'm proud of the lads. We stuck to the plan and got our reward in the end.
{opponent} are a good side, and we had to dig deep. The crowd carried us through the last ten minutes.
We've been working hard on set pieces all week, so it's nice to see one go in.
@cup This club deserves nights like this. The supporters have waited a long time.
#quote.expert
The shape was much better in the second half. They pressed as a team, and that's what won it.
#quote.resident
We've had some lean years, so you enjoy days like this all the more.
I've been coming to Kiln Lane for forty years. That second goal was as good as any I've seen.
@cup The atmosphere was something else. You could hear it from the other side of town.
#subhead
How the goals came
The turning point
@cup A cup run to remember
What comes next
#bullet.lead
The match in brief
#bullet
Eastmere Athletic {scoreHigh}, {opponent} {scoreLow}
Goals: {scorer} (2)
Attendance: {count}
Man of the match: {keeper}
#closer
Athletic's next match is away at {opponent2} on Saturday, kick-off 3pm.
Tickets for the next home game are on sale from the club shop and on {link}.
#link
the club's fixtures page => https://www.eastmereathletic.example/fixtures
#caption
{scorer} celebrates scoring for Eastmere Athletic.
Supporters at Kiln Lane on Saturday.
The Kiln Lane stand during the second half.
#list.opponent2
Hallam Rovers
Bretton Town
Wickmoor United
Sandown Wanderers
""")

    static let footballLoss = GenKindSource(id: "football-loss", section: "sport", tags: ["Eastmere Athletic", "Football"], weight: 4, text: footballShared + "\n" + """
#headline
@league Eastmere Athletic lose {scoreHigh}-{scoreLow} to {opponent} as injuries bite
@league Athletic beaten {scoreHigh}-{scoreLow} at Kiln Lane by a clinical {opponent}
@relegation Defeat to {opponent} leaves Eastmere Athletic near the bottom of the table
#standfirst
@league Athletic were missing [three|four] regulars through injury and suspension, and {opponent} punished every mistake in front of {count} frustrated supporters.
@relegation The manager insists there is still time to turn the season around, but Athletic have won only [two|three] of their last twelve league games.
#lede
@league Eastmere Athletic lost {scoreHigh}-{scoreLow} to {opponent} at Kiln Lane on Saturday, their [third|fourth] defeat in a row.
@relegation Eastmere Athletic slipped to [19th|20th] in the table after a {scoreHigh}-{scoreLow} defeat by {opponent} on Saturday.
#body
{opponent} took the lead after [eleven|17|22] minutes when a cross from the right was turned in at the far post.
Athletic's goalkeeper, {keeper}, kept the score respectable with several good saves.
{scorer} pulled a goal back with a fine volley, but the visitors restored their lead within minutes.
The home side were missing their captain through suspension and two defenders through injury.
The crowd of {count} grew restless in the second half, and some supporters left before the final whistle.
Athletic have conceded [14|16|19] goals in their last five matches.
@relegation The bottom three are relegated, and Athletic are [two|three|four] points above the drop zone.
@relegation The club's board has said the manager has its full support.
#quote.official
We weren't good enough today, and I take responsibility for that.
We're missing some important players, but that's no excuse. We have to be better.
@relegation There's a long way to go. I believe in this group of players.
#quote.expert
Too many goals are coming from set pieces. That's fixable, but it needs fixing quickly.
#quote.resident
I'll be back next week. You don't stop supporting your club because of a bad run.
We've seen worse. But not much worse.
#subhead
Where it went wrong
The injury list
What comes next
#closer
Athletic's next match is at home to {opponent2} on Saturday, kick-off 3pm.
#link
the club's website => https://www.eastmereathletic.example/
#caption
{keeper} in action for Eastmere Athletic.
Supporters at Kiln Lane on Saturday.
#list.opponent2
Hallam Rovers
Bretton Town
Wickmoor United
Sandown Wanderers
""")

    static let rowing = GenKindSource(id: "rowing", section: "sport", tags: ["Rowing", "River Marren"], weight: 3, text: """
#org
Eastmere Rowing Club
the Marren Regatta
#role.official
the captain of Eastmere Rowing Club
the chair of the Marren Regatta committee
#role.expert
a rowing coach who has trained crews on the Marren for {years} years
#role.resident
who rowed at the regatta as a student
a spectator from {place}
#list.crew
the Eastmere women's eight
the Aldwick junior four
the Eastmere University men's eight
the Marren Bay veterans' four
#count 300 6000
#amount 400000 2500000
#headline
@regatta Crowds line the Marren for the [150th|annual] Eastmere regatta
@regatta {crew} win the Marren Cup at Eastmere regatta
@boathouse Eastmere Rowing Club opens {amount} boathouse
@junior Young rowers from Aldwick win national medals
#standfirst
@regatta About {count} spectators lined the riverbank in warm sunshine as crews from across the region raced over the traditional course between the ferry and the weir.
@boathouse The new boathouse replaces a wooden shed that flooded almost every winter, and the club hopes it will help it double its junior membership.
@junior The Aldwick crew only began rowing together eighteen months ago, and their coach says their success is down to early mornings and sheer stubbornness.
#lede
@regatta About {count} people lined the banks of the Marren on Saturday for the Eastmere regatta, one of the oldest rowing events in the region.
@regatta {crew} won the Marren Cup on Saturday, the highlight of the Eastmere regatta.
@boathouse Eastmere Rowing Club has opened a {amount} boathouse on the riverbank, replacing a shed that flooded almost every winter.
@junior Young rowers from Aldwick have won medals at the national junior championships, the first for the club in its history.
#body
The regatta course runs for about a mile from the Harrowgate ferry slipway to the weir at Aldwick.
@regatta Crews from [22|28|35] clubs took part, with races running from 9am until early evening.
@regatta The final was decided by less than a length after a close race.
@regatta Boats were delayed for an hour in the afternoon when a swan refused to leave the course.
@boathouse The boathouse has space for [thirty|forty] boats, changing rooms and a gym.
@boathouse It was paid for by a national sports grant, the club's own fundraising and a legacy from a former member.
@junior The club trains on the Marren six days a week, usually starting at 6am.
@junior The crew's coach is a former international rower who moved to the valley [five|ten] years ago.
Rowing has been part of life on the Marren since the eighteen-sixties, when the first regatta was held.
#quote.official
@regatta It was a perfect day. Great racing, a big crowd and the river at its best.
@boathouse For the first time in years, we won't be bailing out the boathouse every winter.
@junior They've worked incredibly hard, in all weathers. They deserve every bit of this.
#quote.expert
The Marren is a wonderful river to row on, but it's tricky. The current and the bends make it a real test.
#quote.resident
There's nothing like the regatta. The whole town comes down to the river.
#subhead
Racing on the river
#closer
Results from every race are published on {link}.
#link
the regatta's results page => https://www.marrenregatta.example/results
#caption
Crews racing on the Marren at the Eastmere regatta.
Spectators on the riverbank at Eastmere.
""")

    static let grassroots = GenKindSource(id: "grassroots", section: "sport", tags: ["Cricket", "Athletics", "Community"], weight: 3, text: """
#org
{club}
#role.official
the chair of {club}
the club's head coach
#role.expert
a sports development officer for the district council
#role.resident
a parent whose children play at the club
who has played for {club} for {years} years
#list.club
Linden Cross Cricket Club
Kestle Bridge Cricket Club
Eastmere Netball Club
Aldwick Cricket Club
Marren Bay Netball Club
#count 40 1800
#amount 5000 250000
#headline
@title {club} win the league for the first time in {years} years
@halfmarathon Record field for the Marren Valley Half Marathon
@halfmarathon Thousands to run the Marren Valley Half Marathon along the river
@facilities {club} unveil {amount} pavilion after years of fundraising
@volunteers Volunteers keep {club} going after its ground is flooded
#standfirst
@title The club went through the season unbeaten at home, and the captain says the title belongs to the volunteers who keep the club running as much as to the players.
@halfmarathon Runners will follow a course along the river from Eastmere to Harrowgate Ferry and back, and organisers have raised the field limit after entries sold out in a week.
@facilities The old pavilion had no running water and leaked every time it rained, and the club says the new building will let it open its doors to the whole community.
@volunteers Members spent three weekends clearing mud and debris from the ground after the Marren burst its banks, and the club hopes to play again within weeks.
#lede
@title {club} have won their league title for the first time in {years} years, sealing it with a win on the final day of the season.
@halfmarathon A record {count} runners have entered this year's Marren Valley Half Marathon, which takes place on {date}.
@facilities {club} have opened a new {amount} pavilion after [six|eight|ten] years of fundraising.
@volunteers Volunteers at {club} have spent three weekends clearing the ground after floodwater left it covered in mud.
#body
The club was founded in the [eighteen-eighties|nineteen-twenties|nineteen-seventies] and now has about {count2} members, including [four|five|six] junior teams.
@title The title was decided on the last day, with the club needing a win to finish above their rivals from {place2}.
@title The club's captain scored [a century|the winning runs|the decisive points] in the final match.
@halfmarathon The course is flat and fast, making it popular with runners chasing personal bests.
@halfmarathon Roads along the route will be closed from 8am until early afternoon.
@halfmarathon Entry fees help fund local charities, with about {amount2} raised last year.
@facilities The pavilion includes changing rooms, a kitchen and a room the club will let to community groups.
@facilities The money came from grants, sponsorship and years of quiz nights and cake sales.
@volunteers The ground has flooded [three|four] times in the past decade.
@volunteers Other clubs in the valley have offered to share their pitches in the meantime.
Grassroots sport in the valley relies heavily on volunteers, many of whom have given decades of service.
#quote.official
@title This is for everyone who has ever rolled a pitch, made the teas or driven the juniors to a match.
@halfmarathon We love seeing the whole valley come out to cheer the runners on.
@facilities The old pavilion served us well, but it was held together by paint and good luck.
@volunteers The mud was knee-deep in places. But this club has always pulled together.
#quote.expert
Clubs like this are the heart of the community. They keep people active and connected.
#quote.resident
My two kids have grown up at this club. It's like a second family.
#subhead
A season to remember
The club
#closer
New members are always welcome, and details are on {link}.
#link
the club's website => https://www.valleysport.example/clubs
#caption
Players and supporters at {club}.
Runners on the riverside path near Eastmere.
""")

    static let all = [footballWin, footballLoss, rowing, grassroots]
}
