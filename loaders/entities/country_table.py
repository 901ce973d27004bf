"""Country names, short forms and demonyms → State Department (FIPS 10-4 style) codes.

One row per country: ``CODE|Canonical name|other surface forms separated by ;``.
Surface forms are matched case-sensitively as written here and in capitals.
Bare ``US`` is left out on purpose (it is also the pronoun in all-capitals cables).
"""

from __future__ import annotations

from typing import Final

COUNTRY_ROWS: Final = """
AF|Afghanistan|Afghan;Afghans;GIRoA;GOA
AL|Albania|Albanian;Albanians
AG|Algeria|Algerian;Algerians
AN|Andorra|Andorran
AO|Angola|Angolan;Angolans
AC|Antigua and Barbuda|Antigua
AR|Argentina|Argentine;Argentines;Argentinian;Argentinians;GOA
AM|Armenia|Armenian;Armenians
AS|Australia|Australian;Australians
AU|Austria|Austrian;Austrians
AJ|Azerbaijan|Azerbaijani;Azerbaijanis;Azeri;Azeris
BF|Bahamas|Bahamian;The Bahamas
BA|Bahrain|Bahraini;Bahrainis
BG|Bangladesh|Bangladeshi;Bangladeshis
BB|Barbados|Barbadian
BO|Belarus|Belarusian;Belarusians;Belarussian
BE|Belgium|Belgian;Belgians
BH|Belize|Belizean
BN|Benin|Beninese
BT|Bhutan|Bhutanese
BL|Bolivia|Bolivian;Bolivians
BK|Bosnia and Herzegovina|Bosnia;Bosnian;Bosnians;Bosnia-Herzegovina;BiH
BC|Botswana|Batswana
BR|Brazil|Brazilian;Brazilians;GOB
BX|Brunei|Bruneian
BU|Bulgaria|Bulgarian;Bulgarians
UV|Burkina Faso|Burkinabe
BM|Burma|Burmese;Myanmar
BY|Burundi|Burundian
CB|Cambodia|Cambodian;Cambodians
CM|Cameroon|Cameroonian;Cameroonians
CA|Canada|Canadian;Canadians
CV|Cape Verde|Cape Verdean
CT|Central African Republic|Centrafrique
CD|Chad|Chadian;Chadians
CI|Chile|Chilean;Chileans
CH|China|Chinese;PRC;People's Republic of China
CO|Colombia|Colombian;Colombians;GOC
CN|Comoros|Comoran
CF|Republic of the Congo|Congo-Brazzaville;Republic of Congo
CG|Democratic Republic of the Congo|DRC;Congo;Congolese;Congo-Kinshasa;Democratic Republic of Congo
CS|Costa Rica|Costa Rican;Costa Ricans
IV|Cote d'Ivoire|Ivory Coast;Ivorian;Ivoirian;Côte d'Ivoire
HR|Croatia|Croatian;Croatians;Croat;Croats
CU|Cuba|Cuban;Cubans;GOC
CY|Cyprus|Cypriot;Cypriots
EZ|Czech Republic|Czech;Czechs
DA|Denmark|Danish;Danes;Dane
DJ|Djibouti|Djiboutian
DO|Dominica|Dominican Commonwealth
DR|Dominican Republic|Dominicans
TT|Timor-Leste|East Timor;Timorese
EC|Ecuador|Ecuadorian;Ecuadorians;Ecuadoran
EG|Egypt|Egyptian;Egyptians;GOE
ES|El Salvador|Salvadoran;Salvadorans
EK|Equatorial Guinea|Equatoguinean
ER|Eritrea|Eritrean;Eritreans
EN|Estonia|Estonian;Estonians
ET|Ethiopia|Ethiopian;Ethiopians
FJ|Fiji|Fijian;Fijians
FI|Finland|Finnish;Finns
FR|France|French;GOF
GB|Gabon|Gabonese
GA|Gambia|Gambian;The Gambia
GG|Georgia|Georgian;Georgians;GOG
GM|Germany|German;Germans;FRG
GH|Ghana|Ghanaian;Ghanaians
GR|Greece|Greek;Greeks;GOG
GJ|Grenada|Grenadian
GT|Guatemala|Guatemalan;Guatemalans
GV|Guinea|Guinean;Guineans
PU|Guinea-Bissau|Bissau-Guinean
GY|Guyana|Guyanese
HA|Haiti|Haitian;Haitians
VT|Holy See|Vatican;Vatican City
HO|Honduras|Honduran;Hondurans
HK|Hong Kong|Hong Kongers
HU|Hungary|Hungarian;Hungarians
IC|Iceland|Icelandic;Icelanders
IN|India|Indian;Indians
ID|Indonesia|Indonesian;Indonesians
IR|Iran|Iranian;Iranians;Islamic Republic of Iran
IZ|Iraq|Iraqi;Iraqis
EI|Ireland|Irish
IS|Israel|Israeli;Israelis;GOI
IT|Italy|Italian;Italians
JM|Jamaica|Jamaican;Jamaicans
JA|Japan|Japanese;GOJ
JO|Jordan|Jordanian;Jordanians
KZ|Kazakhstan|Kazakh;Kazakhs;Kazakhstani
KE|Kenya|Kenyan;Kenyans
KR|Kiribati|I-Kiribati
KN|North Korea|North Korean;North Koreans;DPRK
KS|South Korea|South Korean;South Koreans;ROK;Republic of Korea;Korea;Korean;Koreans
KV|Kosovo|Kosovar;Kosovars;Kosovo Albanians
KU|Kuwait|Kuwaiti;Kuwaitis
KG|Kyrgyzstan|Kyrgyz;Kyrgyz Republic
LA|Laos|Lao;Laotian
LG|Latvia|Latvian;Latvians
LE|Lebanon|Lebanese;GOL
LT|Lesotho|Basotho
LI|Liberia|Liberian;Liberians
LY|Libya|Libyan;Libyans
LS|Liechtenstein|Liechtensteiner
LH|Lithuania|Lithuanian;Lithuanians
LU|Luxembourg|Luxembourger;Luxembourgish
MC|Macau|Macao;Macanese
MK|Macedonia|Macedonian;Macedonians;FYROM
MA|Madagascar|Malagasy
MI|Malawi|Malawian;Malawians
MY|Malaysia|Malaysian;Malaysians
MV|Maldives|Maldivian
ML|Mali|Malian;Malians
MT|Malta|Maltese
RM|Marshall Islands|Marshallese
MR|Mauritania|Mauritanian;Mauritanians
MP|Mauritius|Mauritian
MX|Mexico|Mexican;Mexicans;GOM
FM|Micronesia|Micronesian
MD|Moldova|Moldovan;Moldovans
MN|Monaco|Monegasque
MG|Mongolia|Mongolian;Mongolians
MJ|Montenegro|Montenegrin;Montenegrins
MO|Morocco|Moroccan;Moroccans;GOM
MZ|Mozambique|Mozambican;Mozambicans
WA|Namibia|Namibian;Namibians
NR|Nauru|Nauruan
NP|Nepal|Nepalese;Nepali
NL|Netherlands|Dutch;Holland;The Netherlands
NZ|New Zealand|New Zealander;New Zealanders
NU|Nicaragua|Nicaraguan;Nicaraguans
NG|Niger|Nigerien;Nigeriens
NI|Nigeria|Nigerian;Nigerians
NO|Norway|Norwegian;Norwegians
MU|Oman|Omani;Omanis
PK|Pakistan|Pakistani;Pakistanis;GOP
PS|Palau|Palauan
PM|Panama|Panamanian;Panamanians
PP|Papua New Guinea|PNG;Papua New Guinean
PA|Paraguay|Paraguayan;Paraguayans
PE|Peru|Peruvian;Peruvians
RP|Philippines|Philippine;Filipino;Filipinos;The Philippines
PL|Poland|Polish;Poles
PO|Portugal|Portuguese
RQ|Puerto Rico|Puerto Rican
QA|Qatar|Qatari;Qataris
RO|Romania|Romanian;Romanians
RS|Russia|Russian;Russians;Russian Federation;GOR
RW|Rwanda|Rwandan;Rwandans
SC|Saint Kitts and Nevis|St. Kitts and Nevis;St. Kitts
ST|Saint Lucia|St. Lucia;Saint Lucian
VC|Saint Vincent and the Grenadines|St. Vincent
WS|Samoa|Samoan
SM|San Marino|Sammarinese
TP|Sao Tome and Principe|Sao Tome
SA|Saudi Arabia|Saudi;Saudis;SAG;KSA
SG|Senegal|Senegalese
RI|Serbia|Serbian;Serbians;Serb;Serbs
SE|Seychelles|Seychellois
SL|Sierra Leone|Sierra Leonean
SN|Singapore|Singaporean;Singaporeans
LO|Slovakia|Slovak;Slovaks;Slovakian
SI|Slovenia|Slovenian;Slovenians;Slovene
BP|Solomon Islands|Solomon Islander
SO|Somalia|Somali;Somalis
SF|South Africa|South African;South Africans;SAG
OD|South Sudan|South Sudanese
SP|Spain|Spanish;Spaniards;GOS
CE|Sri Lanka|Sri Lankan;Sri Lankans
SU|Sudan|Sudanese;GOS
NS|Suriname|Surinamese
WZ|Swaziland|Swazi
SW|Sweden|Swedish;Swedes
SZ|Switzerland|Swiss
SY|Syria|Syrian;Syrians;SARG
TW|Taiwan|Taiwanese
TI|Tajikistan|Tajik;Tajiks
TZ|Tanzania|Tanzanian;Tanzanians
TH|Thailand|Thai;Thais;RTG
TO|Togo|Togolese
TN|Tonga|Tongan
TD|Trinidad and Tobago|Trinidadian;Trinidad
TS|Tunisia|Tunisian;Tunisians
TU|Turkey|Turkish;Turks;GOT
TX|Turkmenistan|Turkmen
TV|Tuvalu|Tuvaluan
UG|Uganda|Ugandan;Ugandans
UP|Ukraine|Ukrainian;Ukrainians
AE|United Arab Emirates|UAE;Emirati;Emiratis;U.A.E.
UK|United Kingdom|UK;U.K.;Britain;British;Great Britain;England;HMG;Northern Ireland
US|United States|U.S.;USG;U.S.G.;USA;U.S.A.;America;American;Americans;United States of America
UY|Uruguay|Uruguayan;Uruguayans
UZ|Uzbekistan|Uzbek;Uzbeks
NH|Vanuatu|Ni-Vanuatu
VE|Venezuela|Venezuelan;Venezuelans;GOV;BRV
VM|Vietnam|Vietnamese;Viet Nam;GVN
WE|West Bank|Palestinian Territories
GZ|Gaza Strip|Gaza
WI|Western Sahara|Sahrawi;Saharawi
YM|Yemen|Yemeni;Yemenis;ROYG
ZA|Zambia|Zambian;Zambians
ZI|Zimbabwe|Zimbabwean;Zimbabweans;GOZ
"""

#: Government acronyms used by several countries (``GOA``, ``GOC`` ...): left out.
AMBIGUOUS: Final = frozenset({"GOA", "GOC", "GOG", "GOM", "GOS", "GOI", "SAG", "GOP"})

#: Surface forms that contain a country form but name something else.
NOT_COUNTRIES: Final = [
    "Latin America",
    "Latin American",
    "Latin Americans",
    "South America",
    "South American",
    "Central America",
    "Central American",
    "North America",
    "North American",
    "New Mexico",
    "New Guinea",
    "Indian Ocean",
    "American Samoa",
    "French Guiana",
    "Persian Gulf",
    "Jordan River",
    "New England",
    "Georgia Tech",
    "Irish Sea",
    "Korean Peninsula",
    "Korean War",
    "Arab",
]
