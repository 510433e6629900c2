"""The unit, topic and English wording of an SCB statistic, from SCB's own words.

The unit is read from the statistic's label ("Medianvärde, tkr", "Låg ekonomisk standard,
procent", "Antal personer totalt"), else from the footer's "Sort:" (tusentals kronor, andel,
antal), else from what the table counts: a count ("antal") of a table broken down by sex,
age, birth region or background counts people; by tenure or house type of dwellings, unless
its label says persons. Anything else is refused with the header it came from, since a
guessed unit would put a wrong label and range on every value.

The English glossary is the project's own translation of SCB's words (checked against SCB's
English table titles where they exist); a label with no entry stays in Swedish.
"""

from __future__ import annotations

import re

MONEY = ("tkr", "tusentals kronor", "tusental kronor")
PERCENT = ("procent", "%")
DWELLING_WORDS = ("lägenhet", "lägenheter", "bostäder", "bostadslägenheter", "hushåll med")
PEOPLE_WORDS = ("person", "folkmängd", "befolkning", "invånare", "sysselsatta", "arbetslösa",
                "arbetskraft", "födda", "döda", "barn", "elever", "kvinnor", "män ")
PEOPLE_VARIABLES = {"kön", "ålder", "födelseregion", "utländsk/svensk bakgrund",
                    "bakgrund", "utbildningsnivå", "inkomstslag"}
DWELLING_VARIABLES = {"upplåtelseform", "hustyp", "lägenhetstyp", "byggnadsperiod"}

GLOSSARY = {
    "medianvärde": "median", "medelvärde": "mean", "medelvärde för samtliga": "mean of all",
    "antal personer totalt": "number of persons, total", "antal personer": "number of persons",
    "antal": "number", "tkr": "SEK thousands", "procent": "per cent",
    "nettoinkomst": "net income", "lön": "wages", "löneinkomst": "wage income",
    "sammanräknad förvärvsinkomst": "total earned income",
    "disponibel inkomst": "disposable income",
    "låg ekonomisk standard": "low economic standard",
    "hög ekonomisk standard": "high economic standard",
    "folkmängden per region": "population", "folkmängd": "population",
    "befolkning 25-64 år": "population aged 25-64", "antal sysselsatta": "number employed",
    "antal arbetslösa": "number unemployed",
    "antal sysselsatta och arbetslösa (arbetskraften)": "number in the labour force",
    "antal personer utanför arbetskraften": "number outside the labour force",
    "antal totalt": "number, total", "totalt": "total", "män": "men", "kvinnor": "women",
    "sverige": "Sweden", "europa utom sverige": "Europe except Sweden",
    "övriga världen inkl. uppgift saknas": "rest of the world, incl. not known",
    "svensk bakgrund": "Swedish background", "utländsk bakgrund": "foreign background",
    "småhus": "one- or two-dwelling houses", "flerbostadshus": "multi-dwelling buildings",
    "övriga hus": "other buildings", "specialbostäder": "special housing",
    "uppgift saknas": "not known", "hyresrätt": "rental", "bostadsrätt": "tenant-owned",
    "äganderätt": "owner-occupied",
    "förgymnasial utbildning": "below upper secondary",
    "gymnasial utbildning": "upper secondary",
    "eftergymnasial utbildning, mindre än 3 år": "post-secondary, less than 3 years",
    "eftergymnasial utbildning, 3 år eller mer": "post-secondary, 3 years or more",
    "uppgift om utbildningsnivå saknas": "level of education not known",
    "region": "region", "år": "year", "kön": "sex", "ålder": "age",
    "födelseregion": "region of birth", "utländsk/svensk bakgrund": "foreign/Swedish background",
    "hustyp": "type of building", "utbildningsnivå": "level of education",
    "inkomstslag": "type of income", "inkomstkomponent": "income component",
    "upplåtelseform": "tenure", "tabellinnehåll": "statistic",
}


def english(text: str, *, capital: bool = True) -> str:
    """SCB's Swedish words in English where the glossary has them, part by part
    ('Medianvärde, tkr' -> 'Median, SEK thousands'); otherwise the Swedish."""
    whole = GLOSSARY.get(text.strip().casefold())
    parts = [GLOSSARY.get(p.strip().casefold()) for p in text.split(",")]
    age = re.fullmatch(r"(\d+)-(\d+) år", text.strip())
    if whole:
        found = whole
    elif all(parts):
        found = ", ".join(str(p) for p in parts)
    elif age:
        found = f"{age.group(1)}-{age.group(2)} years"
    else:
        return text
    return found[:1].upper() + found[1:] if capital else found


def _has(text: str, words: tuple[str, ...]) -> bool:
    folded = f" {text.casefold()} "
    return any(w in folded for w in words)


def unit_of(label: str, sort: str, title_head: str, variables: set[str]) -> str | None:
    """The unit code of a statistic, None when SCB's words do not say it."""
    for text in (label, sort):
        if _has(text, MONEY):
            return "sek_thousands"
        if _has(text, PERCENT):
            return "percent"
    for text in (label, title_head):
        if _has(text, DWELLING_WORDS):
            return "dwellings"
        if _has(text, PEOPLE_WORDS):
            return "persons"
    counts = _has(label, ("antal",)) or sort.casefold().strip() == "antal"
    if counts and variables & PEOPLE_VARIABLES:
        return "persons"
    if counts and variables & DWELLING_VARIABLES:
        return "dwellings"
    return None


def topic_of(unit: str) -> str:
    """Counts of people are population figures; the rest describe living conditions."""
    return "population" if unit == "persons" else "living_conditions"
