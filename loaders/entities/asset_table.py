"""Military equipment and capabilities: designator prefixes and named systems.

Designators are ``PREFIX-NUMBER`` (``CH-47``, ``C-130``, ``F-16``, ``UH-60``, ``MiG-29``,
``SA-7``); the prefix decides the kind. Single-letter prefixes need a number of two or
more digits (``C-130``) unless listed in ``SHORT_DESIGNATORS`` (``U-2``), which keeps
``H-1B`` visas and ``I-20`` forms out.
"""

from __future__ import annotations

from typing import Final


def _names(text: str) -> frozenset[str]:
    """The whitespace-separated names in ``text``."""
    return frozenset(text.split())


AIRCRAFT_PREFIXES: Final = _names(
    """A AC AH AV B C CH CV E EA EC EP F HC HH KC MC MH MQ OH P RC RQ SH U UH V MV
    MiG MIG Mi MI Su SU Tu TU Il IL An AN Yak YAK Ka KA J JF TB"""
)
VEHICLE_PREFIXES: Final = _names("T BTR BMP BMD BRDM M LAV")
WEAPON_PREFIXES: Final = _names(
    """AK RPG SA SS S BM KN HQ DF JL R AGM AIM PAC SM Shahab SHAHAB Scud SCUD
    Nodong NODONG Taepodong TAEPODONG Fateh FATEH Zelzal ZELZAL Qassam QASSAM Hwasong
    HWASONG Kh KH"""
)
VESSEL_PREFIXES: Final = _names("DDG CG LHD LPD SSN SSBN CVN FFG LCS")
#: Prefixes whose kind wins over a shared aircraft prefix (``T-72`` is a tank).
VEHICLE_FIRST: Final = _names("BTR BMP BMD BRDM LAV T")
#: Prefixes that need a number of two digits or more (``AC-130``, not ``AC-1``).
LONG_NUMBER_PREFIXES: Final = _names("AC EC HC MC KC")
SHORT_DESIGNATORS: Final = _names("B-1 B-2 E-2 E-3 P-3 P-8 U-2 S-3")
#: Two-digit or longer single-letter designators that are not equipment.
NOT_DESIGNATORS: Final = _names("S-11 C-11")

#: Named systems and capabilities: surface form → (canonical name, kind).
NAMED_ROWS: Final = """
ISR|ISR|capability
intelligence, surveillance, and reconnaissance|ISR|capability
intelligence, surveillance and reconnaissance|ISR|capability
airlift|airlift|capability
heavy-lift|heavy lift|capability
medevac|MEDEVAC|capability
MEDEVAC|MEDEVAC|capability
sealift|sealift|capability
close air support|close air support|capability
aerial refueling|aerial refueling|capability
air-to-air refueling|aerial refueling|capability
counter-IED|counter-IED|capability
missile defense|missile defense|capability
IED|IED|weapon
IEDs|IED|weapon
MANPADS|MANPADS|weapon
MRAP|MRAP|vehicle
MRAPs|MRAP|vehicle
HMMWV|HMMWV|vehicle
Humvee|HMMWV|vehicle
Humvees|HMMWV|vehicle
UAV|UAV|aircraft
UAVs|UAV|aircraft
UAS|UAV|aircraft
AWACS|AWACS|aircraft
Chinook|CH-47|aircraft
Chinooks|CH-47|aircraft
Black Hawk|UH-60|aircraft
Blackhawk|UH-60|aircraft
Predator|MQ-1|aircraft
Reaper|MQ-9|aircraft
Global Hawk|RQ-4|aircraft
Hercules|C-130|aircraft
Stinger|Stinger|weapon
Stingers|Stinger|weapon
Tomahawk|Tomahawk|weapon
Patriot|Patriot|weapon
Aegis|Aegis|vessel
Iskander|Iskander|weapon
Scud|Scud|weapon
Scuds|Scud|weapon
Eurofighter|Eurofighter|aircraft
Gripen|Gripen|aircraft
Rafale|Rafale|aircraft
Mirage|Mirage|aircraft
JSF|F-35|aircraft
Joint Strike Fighter|F-35|aircraft
"""
#: Named forms that only count when followed by one of these words (Patriot Act ...).
NEEDS_CONTEXT: Final = frozenset({"Patriot", "Predator", "Reaper", "Hercules", "Mirage"})
