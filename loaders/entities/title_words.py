"""Vocabulary for officials: title heads, honorifics, title modifiers, office words,
and words that are never part of a person's name.
"""

from __future__ import annotations

from typing import Final


def _words(text: str) -> frozenset[str]:
    """A frozen set of the words in ``text`` and their capitals forms."""
    words = text.split()
    return frozenset(words) | frozenset(word.upper() for word in words)


#: Words of organisations: an appositive holding one names an affiliation.
ORG_WORDS: Final = frozenset(
    str.split(
        """Affairs Office Ministry Department Bureau Agency Embassy Council Division
    Directorate Command Party Bank Institute University Committee Commission"""
    )
)
#: Words that end a title and are followed by the person's name.
TITLE_HEADS: Final = _words(
    """Minister Ambassador President Secretary Adviser Advisor Director Governor Senator
    Congressman Congresswoman Chairman Chairwoman Chief Commander General Admiral Colonel
    Captain Spokesman Spokeswoman Spokesperson Envoy Counselor Consul Charge Chargé DCM
    Mayor Premier King Queen Prince Princess Emir Amir Sheikh Shaykh Sultan Speaker
    Undersecretary Coordinator Attache Attaché Judge Prosecutor Commissioner Rapporteur
    Administrator Ayatollah Archbishop Cardinal Pope Leader Chancellor Vice-President
    Gen. Lt. Col. Maj. Adm. Sen. Rep. Amb. Gov. Pres. Capt. Sgt. Cmdr. Brig.
    PM FM DFM MP A/S DAS PDAS U/S Deputy-Minister Vice-Minister Representative Head
    Lieutenant Major-General Brigadier Marshal Ombudsman Governor-General Officer
    President-elect Justice Attorney Secretary-General Director-General Mufti"""
)
#: Courtesy forms: they introduce a name but are not a title.
HONORIFICS: Final = _words("Mr. Mrs. Ms. Dr. Miss Prof. Mr Mrs Ms Dr Hon.")
#: Words that can stand before a title head inside the title.
TITLE_MODIFIERS: Final = _words(
    """Foreign Prime Deputy Vice National Security Defense Defence Assistant Under Acting
    Chief Special Executive Country Political Economic Military Finance Interior Justice
    Trade Commerce Health Education Agriculture Energy Labor Labour Culture Information
    Public Affairs State Senior First Second Principal Permanent Presidential Regional
    Provincial District Supreme Joint Staff Army Navy Air Force Marine Police Intelligence
    Legal Press Consular Management Diplomatic Political-Military Parliamentary
    Opposition Former Outgoing Incoming Interim Transport Environment Economy Development
    Planning Industry Counterterrorism Counternarcotics Treasury Homeland Human Rights
    Minority Majority Senate House Armed Services Relations Committee Council Party
    Managing General Lieutenant Major Attorney Sub Undersecretary Minister Ministry
    Counselor Commanding Commercial Cultural Head Program Operations Chairman Defense-
    Consul Pol Econ Pol/Mil Pol-Mil Desk Office Division Bureau Section Unit Multilateral
    Bilateral Director Secretary Ambassador Cabinet Chief-of-Staff Financial Religious"""
)
#: Words allowed after ``of`` / ``for`` inside a title: ``Minister of Defense``.
OFFICE_WORDS: Final = TITLE_MODIFIERS | _words(
    """Foreign Affairs Defense Interior Finance Justice Economy Trade Commerce Health
    Education Agriculture Energy Mines Oil Petroleum Labor Transport Culture Information
    Planning Industry Public Works Security National Internal External Home Social
    Development Environment Tourism Communications Reconstruction Rural Women Women's
    Hajj Religious Counterterrorism Policy Europe Eurasian Asian Pacific African
    Near Eastern Western Hemisphere South Central Affairs Political-Military Operations
    Staff Mission Cabinet Protocol Americas Europe Asia Africa the and Relations
    International Cooperation Integration Investment Water Resources Electricity"""
)
#: Particles inside a name: ``Lula da Silva``, ``Osama bin Laden``.
NAME_PARTICLES: Final = frozenset(
    [
        "da",
        "de",
        "del",
        "dos",
        "do",
        "bin",
        "ibn",
        "al",
        "van",
        "von",
        "der",
        "du",
        "la",
        "le",
        "y",
        "el",
        "abu",
        "Abu",
        "Al",
        "El",
        "Bin",
    ]
)
#: Capitalised words that are never a person's name (or part of one).
NOT_NAMES: Final = (
    _words(
        """The This That These Those Embassy Embassies Government Ministry Department Office
    Post Posts Mission Council Committee Party Parliament Congress Senate Assembly Court
    Palace House Administration Cabinet Staff Team Group Forces Force Army Navy Command
    Division Bureau Agency Service Services Corps Police University Institute Center
    Centre Foundation Bank Company Corporation Summit Meeting Conference Dialogue Talks
    Treaty Agreement Act Law Plan Program Programme Initiative Strategy Policy Day Week
    Year Talking Points Background Comment Summary Note Action Request Reftel Washington
    Also However In On At For And But Please He She They We It His Her Their Our Its When
    While After Before During Since As If Although Both Each All Any Some Country Chief
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday Ministers Ambassadors Secretaries Presidents Directors General
    Minister Ambassador President Secretary Affairs Foreign Defense National Security
    Deputy Prime Vice Special Regional Provincial State States Federal Republic Kingdom
    Union Nations United International European Islamic Democratic People's Popular
    Central Northern Southern Eastern Western North South East West New Old Great Royal
    Supreme Public Human Rights Council Commission Authority Front Movement Alliance
    Coalition Reconstruction Provincial Embassy's Department's Government's Minister's
    Next Last First Second Third Other Several Many Most Such Only Even Still Yet Thus
    Meanwhile Further Furthermore Moreover Instead Indeed Perhaps Regarding Following
    According Despite Under Over Between Among Through With Without Within Into Against
    Ambassador's President's Secretary's Embassy's Post's GOJ Mr. Mrs. Ms. Dr.
    AMEMBASSY AMCONSUL USMISSION Editor Anti Delegate Researcher Directorate Shura Engineer
    Socialist Major"""
    )
    | TITLE_HEADS
    | HONORIFICS
)
#: Frequent English words that all-capitals cables would otherwise read as names.
COMMON_CAPS: Final = frozenset(
    [
        "SAID",
        "SAYS",
        "TOLD",
        "NOTED",
        "ADDED",
        "ASKED",
        "STATED",
        "STRESSED",
        "EXPLAINED",
        "AGREED",
        "THAT",
        "THE",
        "AND",
        "WHO",
        "WAS",
        "IS",
        "WILL",
        "WOULD",
        "HAS",
        "HAD",
        "HAVE",
        "ALSO",
        "NOT",
        "TO",
        "OF",
        "IN",
        "ON",
        "AT",
        "FOR",
        "BY",
        "WITH",
        "FROM",
        "AS",
        "BUT",
        "OR",
        "IF",
        "HE",
        "SHE",
        "THEY",
        "WE",
        "IT",
        "HIS",
        "HER",
        "THEIR",
        "THIS",
        "THESE",
        "THOSE",
        "THAN",
        "THEN",
        "WHEN",
        "WHICH",
        "WHILE",
        "AFTER",
        "BEFORE",
        "DURING",
        "ABOUT",
        "ALL",
        "ANY",
        "SOME",
        "MET",
        "MEETING",
        "VISIT",
        "CALLED",
        "URGED",
        "WANTED",
        "BELIEVES",
        "BELIEVED",
        "THOUGHT",
        "INDICATED",
        "COMMENTED",
        "REPLIED",
        "RESPONDED",
        "EXPRESSED",
        "DESCRIBED",
        "MENTIONED",
        "CONFIRMED",
        "SUGGESTED",
        "PROPOSED",
        "REQUESTED",
        "ARGUED",
        "CLAIMED",
        "REPORTED",
        "ACKNOWLEDGED",
        "APPEARED",
        "SEEMED",
        "REMAINS",
        "REMAINED",
        "SEES",
        "SAW",
        "HOPES",
        "HOPED",
        "PLANS",
        "PLANNED",
        "EXPECTS",
        "EXPECTED",
        "CAN",
        "COULD",
        "SHOULD",
        "MAY",
        "MIGHT",
        "MUST",
        "SHALL",
        "DID",
        "DOES",
        "DO",
        "BE",
        "BEEN",
        "BEING",
        "ARE",
        "WERE",
        "AN",
        "A",
    ]
)
