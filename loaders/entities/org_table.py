"""Organizations: canonical code (usually the acronym) and the ways cables write them.

One row per organization: ``CODE|surface forms separated by ;``. The code itself is
always a surface form too.
"""

from __future__ import annotations

from typing import Final

ORGANIZATION_ROWS: Final = """
ISAF|International Security Assistance Force;COMISAF
NATO|North Atlantic Treaty Organization;North Atlantic Council;NAC;SHAPE;SACEUR
G8|G-8;Group of Eight
G20|G-20;Group of Twenty
G7|G-7
UN|United Nations;U.N.;UNGA;United Nations General Assembly
UNSC|U.N. Security Council;UN Security Council;United Nations Security Council;Security Council
EU|European Union;E.U.;European Commission;European Council;European Parliament
IAEA|International Atomic Energy Agency
OSCE|Organization for Security and Cooperation in Europe
ASEAN|Association of Southeast Asian Nations
APEC|Asia-Pacific Economic Cooperation
WTO|World Trade Organization
IMF|International Monetary Fund
WORLD BANK|World Bank;IBRD
OPEC|Organization of Petroleum Exporting Countries
AU|African Union
OAS|Organization of American States
SCO|Shanghai Cooperation Organization
GCC|Gulf Cooperation Council
ARAB LEAGUE|Arab League;League of Arab States
OIC|Organization of the Islamic Conference;Organization of Islamic Cooperation
UNHCR|UN High Commissioner for Refugees;United Nations High Commissioner for Refugees
UNDP|United Nations Development Programme;UN Development Program
UNICEF|
UNESCO|
WHO|World Health Organization
WFP|World Food Program;World Food Programme
ICRC|International Committee of the Red Cross;Red Cross
INTERPOL|Interpol
ICC|International Criminal Court
ICJ|International Court of Justice
OECD|Organization for Economic Cooperation and Development
CSTO|Collective Security Treaty Organization
CIS|Commonwealth of Independent States
ECOWAS|Economic Community of West African States
SADC|Southern African Development Community
MERCOSUR|Mercosur
UNASUR|Unasur
ALBA|
CARICOM|Caricom
ADB|Asian Development Bank
IDB|Inter-American Development Bank
EBRD|European Bank for Reconstruction and Development
AFDB|African Development Bank
FATF|Financial Action Task Force
UNAMA|UN Assistance Mission in Afghanistan
UNIFIL|
MONUC|
UNAMID|
AMISOM|
KFOR|
EUFOR|
EULEX|
UNMIK|
OEF|Operation Enduring Freedom
MNF-I|Multi-National Force-Iraq;MNF-Iraq
CENTCOM|Central Command
EUCOM|European Command
AFRICOM|Africa Command
PACOM|Pacific Command
SOUTHCOM|Southern Command
NSG|Nuclear Suppliers Group
MTCR|Missile Technology Control Regime
PSI|Proliferation Security Initiative
OPCW|Organization for the Prohibition of Chemical Weapons
CTBTO|
TALIBAN|Taliban;Taleban
AL-QAIDA|al-Qaida;al-Qaeda;Al-Qaida;Al-Qaeda;al Qaida;al Qaeda;Al Qaeda
AQIM|al-Qaida in the Islamic Maghreb
HAMAS|Hamas
HIZBALLAH|Hizballah;Hezbollah;Hizbollah
FARC|Revolutionary Armed Forces of Colombia
ELN|
PKK|Kurdistan Workers Party
LTTE|Tamil Tigers
LASHKAR-E-TAYYIBA|Lashkar-e-Tayyiba;LeT;Lashkar-e-Taiba
HAQQANI NETWORK|Haqqani Network
FATAH|Fatah
PLO|Palestine Liberation Organization
PA|Palestinian Authority;PA
MUSLIM BROTHERHOOD|Muslim Brotherhood
SPLM|Sudan People's Liberation Movement
USAID|AID
DOD|DoD;Department of Defense;Pentagon
OSD|Office of the Secretary of Defense
CIA|Central Intelligence Agency
FBI|Federal Bureau of Investigation
DHS|Department of Homeland Security
NSC|National Security Council
USTR|
DEA|Drug Enforcement Administration
MCC|Millennium Challenge Corporation
PEPFAR|
OPIC|
EXIM|Ex-Im Bank;Export-Import Bank
"""

#: Codes that are also English words or office names in all-capitals text.
AMBIGUOUS_IN_CAPS: Final = frozenset(
    {"WHO", "AID", "ALBA", "PA", "SHAPE", "ELN", "PSI", "CIS", "SCO", "AU", "NAC", "ICC", "LET"}
)
#: Surface forms never taken as an organization in mixed-case text either.
AMBIGUOUS: Final = frozenset({"PA", "AID"})
