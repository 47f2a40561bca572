"""The words a generated WordPress export is written with: every one of them a real one."""

CATEGORIES = {
    "News": ["Lithuania", "Europe", "World", "Politics"],
    "Business": ["Economy", "Markets", "Energy", "Companies"],
    "Culture": ["Film", "Music", "Books", "Theatre"],
    "Sport": ["Football", "Basketball", "Athletics", "Sailing"],
    "Opinion": ["Editorials", "Columns", "Letters"],
    "Science": ["Environment", "Health", "Space"],
    "Technology": ["Startups", "Internet"],
    "Education": ["Schools", "Universities"],
    "Travel": ["Baltic Coast", "City Breaks"],
    "Life": ["Food", "Family"],
}
PLACES = [
    *"Vilnius Kaunas Klaipėda Šiauliai Panevėžys Alytus Marijampolė Palanga Riga Jūrmala".split(),
    *"Liepāja Tallinn Tartu Pärnu Narva Helsinki Warsaw Gdańsk Kraków Berlin Brussels".split(),
    *"Stockholm Copenhagen Minsk Kyiv".split(),
]
FIRST_NAMES = (
    "Rūta Eglė Aistė Gintarė Tomas Mantas Darius Jonas Vytautas Līga Ilze Jānis Mārtiņš Kadri "
    "Maarja Andres Tanel Agnieszka Tomasz Paweł Ieva Lukas Emilija Matas"
).split()
SURNAMES = (
    "Kazlauskas Petrauskaitė Jankauskas Stankevičius Žukauskas Butkus Urbonas Navickas "
    "Bērziņš Ozola Kalniņš Tamm Kask Saar Mägi Nowak Wiśniewski Dąbrowska Vaitkus Mockutė"
).split()
ROLES = [
    "a spokesperson for the ministry",
    "the mayor",
    "an economist at the central bank",
    "a professor at Vilnius University",
    "the head of the teachers' union",
    "a local resident",
    "the company's chief executive",
    "a police spokesperson",
    "an opposition member of parliament",
    "the chair of the residents' association",
    "a researcher at the institute",
    "the club's coach",
]
SUBJECTS = [
    "the government",
    "the city council",
    "the ministry of finance",
    "the central bank",
    "opposition parties",
    "local residents",
    "researchers at the university",
    "the health ministry",
    "the teachers' union",
    "farmers in the region",
    "the national railway company",
    "the police",
    "the prosecutor's office",
    "the European Commission",
    "small business owners",
    "the football federation",
    "hospital managers",
    "the mayor of {place}",
    "officials in {place}",
    "the port authority",
    "environmental groups",
    "parents in {place}",
    "energy companies",
    "the defence ministry",
    "museum directors",
    "students in {place}",
    "the statistics office",
    "the supreme court",
    "the airport in {place}",
    "the national library",
]
VERBS = [
    ("approved", "approves"),
    ("rejected", "rejects"),
    ("announced", "announces"),
    ("criticised", "criticises"),
    ("welcomed", "welcomes"),
    ("proposed", "proposes"),
    ("postponed", "postpones"),
    ("defended", "defends"),
    ("questioned", "questions"),
    ("reviewed", "reviews"),
    ("presented", "presents"),
    ("signed", "signs"),
    ("delayed", "delays"),
    ("backed", "backs"),
    ("opposed", "opposes"),
    ("published", "publishes"),
    ("unveiled", "unveils"),
    ("cut", "cuts"),
]
OBJECTS = [
    "the new budget",
    "plans for a railway link to {place}",
    "a reform of the tax system",
    "the trade agreement with {place}",
    "a proposal to extend shop opening hours",
    "new rules for short-term rentals",
    "funding for rural schools",
    "a report on air quality in {place}",
    "the hospital merger",
    "a plan to build wind farms off the coast",
    "higher wages for nurses",
    "the sale of the state airline",
    "a ban on single-use plastic",
    "the timetable for the bridge repairs",
    "a study of housing prices",
    "the expansion of the harbour",
    "a strategy against cyber attacks",
    "subsidies for electric buses",
    "the new football stadium in {place}",
    "the programme of the summer festival",
    "changes to the pension system",
    "a new curriculum for secondary schools",
    "measures against tax evasion",
    "a cap on energy prices",
    "the reopening of the border crossing",
    "money for R&D in small companies",
    "a tender for {count} new trams",
    "the restoration of the old town hall",
]
TAILS = [
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "after months of talks",
    "despite strong opposition",
    "in a statement",
    "earlier this week",
    "for the first time since {year}",
    "at a press conference in {place}",
    "after a long debate",
    "ahead of the elections",
    "as prices kept rising",
    "after complaints from residents",
    "",
    "",
]
FACTS = [
    "The decision affects about {count} people in {place}.",
    "Critics say the plan is too expensive and comes too late.",
    "Figures from the statistics office show a rise of {percent} per cent since {year}.",
    "The project is expected to cost {count} million euros.",
    "Work is due to start in {month} and to last two years.",
    "A final decision is expected by the end of the year.",
    "Similar measures were introduced in {place} in {year}.",
    "The proposal still needs the approval of parliament.",
    "Turnout at the public meeting in {place} was higher than expected.",
    "Prices in {place} have fallen for the third month in a row.",
    "More than {count} people have signed a petition against it.",
    "The money will come from European funds and the city's own budget.",
    "Both sides say they are open to further talks.",
    "Similar complaints were made when the rules last changed in {year}.",
    "The first results are expected in {month}.",
]
SAYINGS = [
    "We cannot wait any longer",
    "This is a good day for the city",
    "The numbers speak for themselves",
    "Nobody asked the people who live here",
    "It is a step in the right direction",
    "We will keep fighting for a fair deal",
    "The money has to come from somewhere",
    "Our members are deeply worried",
    "We have learned a lot from {place}",
    "It will take years before we see the results",
]
HEADINGS = [
    "What happens next",
    "Reactions in {place}",
    "How much it will cost",
    "A long debate",
    "Background",
    "What critics say",
    "The figures",
    "Next steps",
    "Lessons from {place}",
    "Who pays",
]
LIST_ITEMS = [
    "{count} million euros for {thing}",
    "work starts in {month}",
    "a public consultation until {month}",
    "new rules from {year}",
    "talks with {place} on {thing}",
    "a review after two years",
    "free entry for pupils and pensioners",
]
# What posts are about. Each post has two or three, which recur in its text and
# are its tags, so related articles are found from words as distinctive as real ones.
TOPICS = """
    airport ambulances amber archives asylum aviation bakeries ballet banking beaches beer
    biathlon bicycles biology borders bridges broadband buses canals cancer castles cathedrals
    census chemistry chess childcare choirs cinema climate coal coastguard concerts construction
    cooperatives copper corruption cruises currency customs cycling dairy dams defence dentists
    diesel diplomacy drones drought dunes elections electricity embassies emissions employment
    espionage exports factories farming ferries festivals fires fisheries floods football
    forestry fraud fuel furniture galleries gas glass grain gymnastics harbours healthcare heating
    heritage herring highways hockey honey hospitals hotels housing hunting immigration imports
    inflation insurance investment jazz journalism judges kindergartens lakes language libraries
    lighthouses linen literature logistics lotteries marathons media medicine midsummer migration
    mining mortgages motorways museums navy newspapers nuclear nursing oil opera orchestras
    painting parking pensions pharmacies photography pipelines poetry pollution postal poverty
    prisons privacy publishing radio railways recycling referendums refugees rent retail rivers
    robotics rowing rugby salaries sanctions satellites saunas schools sculpture security shipping
    shipyards skiing smuggling solar steel stocks storks strikes subsidies surgery swimming taxes
    taxis telecoms television tennis textiles timber tourism traffic trams tunnels unemployment
    universities vaccines veterans vineyards volleyball volunteers wages water welfare wildlife
    windfarms wine wolves wool zoos
""".split()
TOPIC_SENTENCES = [
    "The debate about {topic} is not new in {place}.",
    "Spending on {topic} has grown every year since {year}.",
    "Questions about {topic} remain open.",
    "Experts on {topic} say the change was overdue.",
    "It is the biggest change to the rules on {topic} in a decade.",
    "Several readers wrote to us about {topic} this week.",
    "The report on {topic} runs to {count} pages.",
    "People who work on {topic} have asked to meet the minister.",
    "In {place}, {topic} has been on the agenda since {year}.",
]
TOPIC_OBJECTS = [
    "new rules on {topic}",
    "plans for {topic} in {place}",
    "a report on {topic}",
    "more money for {topic}",
    "cuts to {topic}",
    "a review of {topic}",
]
TAG_SUFFIXES = ["policy", "prices", "reform", "jobs", "in {place}"]
THINGS = ["roads", "schools", "housing", "public transport", "hospitals", "parks", "the harbour"]
MONTHS = (
    "January February March April May June July August September October November December".split()
)
COMMENT_TEXTS = [
    "Finally! This should have happened years ago.",
    "Who is going to pay for all this?",
    "I live in {place} and nobody asked us.",
    "Thank you for a balanced article.",
    "The figures in the third paragraph do not add up.",
    "Same story every year, nothing changes.",
    "Good news for families with children.",
    "I was at the meeting and it was not like that at all.",
    "Let's wait and see what parliament says.",
    "Great reporting, please follow this up.",
    "Cheap watches and pills, visit our shop now",
    "In {place} they solved this long ago, we should learn from them.",
]
# Classic-editor text keeps > as typed; a code sample like this is how ]]>
# ends up inside a post, and why CDATA sections have to be split.
CODE_SAMPLE = "if (rows[index[0]]>limit) { alert('Too many rows'); }"
