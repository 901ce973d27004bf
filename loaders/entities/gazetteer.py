"""Places and posts: cities known from diplomatic posts, and station keys.

``STATION_CITIES`` are the cities of US embassies, consulates and missions as they
appear in ACP 117 routing names (``../shared/reference-data/route2name.csv``), written
the way cable ids spell stations once spaces are dropped (``RIO DE JANEIRO`` →
``RIODEJANEIRO``). ``EXTRA_PLACES`` adds places often named in cable text.
"""

from __future__ import annotations

from typing import Final

STATION_CITIES: Final = tuple(
    city.strip()
    for city in """ABIDJAN;ABU DHABI;ABUJA;ACCRA;ADANA;ADDIS ABABA;ALGIERS;AMMAN;AMSTERDAM;ANKARA;
    ANTANANARIVO;APIA;ASHGABAT;ASMARA;ASTANA;ASUNCION;ATHENS;AUCKLAND;BAGHDAD;BAKU;BAMAKO;
    BANDAR SERI BEGAWAN;BANGKOK;BANGUI;BANJUL;BARCELONA;BEIJING;BEIRUT;BELFAST;BELGRADE;
    BELMOPAN;BERLIN;BERN;BISHKEK;BOGOTA;BRASILIA;BRATISLAVA;BRAZZAVILLE;BRIDGETOWN;BRUSSELS;
    BUCHAREST;BUDAPEST;BUENOS AIRES;BUJUMBURA;CAIRO;CALGARY;CANBERRA;CAPE TOWN;CARACAS;
    CASABLANCA;CHENGDU;CHIANG MAI;CHISINAU;CIUDAD JUAREZ;COLOMBO;CONAKRY;COPENHAGEN;COTONOU;
    CURACAO;DAKAR;DAMASCUS;DAR ES SALAAM;DHAHRAN;DHAKA;DILI;DOHA;DUBAI;DUBLIN;DURBAN;
    DUSHANBE;DUSSELDORF;EDINBURGH;FLORENCE;FRANKFURT;FREETOWN;FUKUOKA;GABORONE;GENEVA;
    GEORGETOWN;GUADALAJARA;GUANGZHOU;GUATEMALA CITY;GUAYAQUIL;HALIFAX;HAMBURG;HAMILTON;
    HANOI;HARARE;HELSINKI;HERAT;HERMOSILLO;HO CHI MINH CITY;ISLAMABAD;ISTANBUL;JAKARTA;
    JEDDAH;JERUSALEM;JUBA;KABUL;KAMPALA;KAOHSIUNG;KARACHI;KATHMANDU;KHARTOUM;KIGALI;KINGSTON;
    KINSHASA;KOLKATA;KOLONIA;KOROR;KRAKOW;KUALA LUMPUR;KYIV;LA PAZ;LAGOS;LAHORE;LEIPZIG;
    LIBREVILLE;LILONGWE;LIMA;LISBON;LJUBLJANA;LOME;LONDON;LUANDA;LUSAKA;MADRID;MAJURO;MALABO;
    MANAGUA;MANILA;MAPUTO;MARSEILLE;MASERU;MATAMOROS;MBABANE;MELBOURNE;MERIDA;MEXICO CITY;
    MILAN;MINSK;MONROVIA;MONTERREY;MONTEVIDEO;MONTREAL;MOSCOW;MUMBAI;MUNICH;NAGOYA;NAHA;
    NAIROBI;NAPLES;NASSAU;NDJAMENA;NEW DELHI;NIAMEY;NICOSIA;NOGALES;NOUAKCHOTT;NUEVO LAREDO;
    OSAKA;OSLO;OTTAWA;OUAGADOUGOU;PANAMA CITY;PARAMARIBO;PARIS;PERTH;PESHAWAR;PHNOM PENH;
    PODGORICA;PONTA DELGADA;PORT AU PRINCE;PORT MORESBY;PORT OF SPAIN;PRAGUE;PRAIA;PRETORIA;
    PRISTINA;QUEBEC;QUITO;RABAT;RANGOON;RECIFE;REYKJAVIK;RIGA;RIO DE JANEIRO;RIYADH;ROME;
    SAN JOSE;SAN SALVADOR;SANAA;SANTIAGO;SANTO DOMINGO;SAO PAULO;SAPPORO;SARAJEVO;SEOUL;
    SHANGHAI;SHENYANG;SKOPJE;SOFIA;ST PETERSBURG;STOCKHOLM;STRASBOURG;SURABAYA;SUVA;SYDNEY;
    TAIPEI;TALLINN;TASHKENT;TBILISI;TEGUCIGALPA;TEL AVIV;THE HAGUE;THESSALONIKI;TIJUANA;
    TIRANA;TOKYO;TORONTO;TRIPOLI;TUNIS;ULAANBAATAR;VALLETTA;VANCOUVER;VIENNA;VIENTIANE;
    VILNIUS;VLADIVOSTOK;WARSAW;WELLINGTON;WINDHOEK;YAOUNDE;YEKATERINBURG;YEREVAN;ZAGREB;
    KUWAIT;SINGAPORE;LUXEMBOURG;DJIBOUTI;HONG KONG;VATICAN""".replace("\n", "").split(";")
)

EXTRA_PLACES: Final = [
    "Washington",
    "New York",
    "Kandahar",
    "Helmand",
    "Kunduz",
    "Mazar-e Sharif",
    "Jalalabad",
    "Basra",
    "Mosul",
    "Fallujah",
    "Kirkuk",
    "Erbil",
    "Tehran",
    "Pyongyang",
    "Gaza City",
    "Ramallah",
    "Benghazi",
    "Mogadishu",
    "Darfur",
    "Kosovo",
    "Chechnya",
    "Kashmir",
    "Tibet",
    "Xinjiang",
    "Kyoto",
    "Okinawa",
    "Hiroshima",
    "Yokohama",
    "Seattle",
    "Chicago",
    "Los Angeles",
    "San Francisco",
    "Miami",
    "Houston",
    "Boston",
    "Brasilia",
    "Sao Paulo",
    "Havana",
    "Guantanamo",
    "Quetta",
    "Rawalpindi",
    "Waziristan",
    "Swat",
    "Balochistan",
    "Punjab",
    "Sindh",
    "Crimea",
    "Sevastopol",
    "Abkhazia",
    "South Ossetia",
    "Nagorno-Karabakh",
    "Transnistria",
    "Kurdistan",
    "Sinai",
    "Golan Heights",
    "Bekaa",
    "Hormuz",
    "Bosphorus",
    "Brussels",
    "Strasbourg",
    "Davos",
    "Hague",
    "Geneva",
    "Lisbon",
    "Madrid",
    "Barcelona",
    "Hamburg",
    "Munich",
    "Frankfurt",
    "Cologne",
    "Lyon",
    "Marseille",
    "Milan",
    "Naples",
    "Venice",
    "Sicily",
    "Sardinia",
    "Corsica",
    "Crete",
    "Cyprus",
    "Gibraltar",
    "Canary Islands",
    "Ceuta",
    "Melilla",
    "Tangier",
    "Marrakech",
    "Alexandria",
    "Aden",
    "Hodeidah",
    "Muscat",
    "Manama",
    "Jeddah",
    "Mecca",
    "Medina",
    "Islamabad",
    "Lahore",
    "Karachi",
    "Mumbai",
    "Chennai",
    "Bangalore",
    "Kolkata",
    "Hyderabad",
    "Shanghai",
    "Hong Kong",
    "Macau",
    "Taipei",
    "Seoul",
    "Busan",
    "Vladivostok",
    "Siberia",
    "Caucasus",
    "Balkans",
    "Sahel",
    "Maghreb",
    "Horn of Africa",
    "Great Lakes",
    "Niger Delta",
    "Amazon",
    "Patagonia",
    "Chiapas",
    "Yucatan",
    "Caribbean",
    "Mediterranean",
    "Black Sea",
    "Caspian",
    "Baltic",
    "Gulf of Aden",
    "Red Sea",
    "Persian Gulf",
    "Arabian Sea",
    "South China Sea",
    "East China Sea",
    "Taiwan Strait",
    "Strait of Hormuz",
    "Pacific",
    "Atlantic",
    "Arctic",
    "Antarctica",
    "Middle East",
    "Central Asia",
    "South Asia",
    "Southeast Asia",
    "East Asia",
    "Latin America",
    "Central America",
    "South America",
    "North Africa",
    "West Africa",
    "East Africa",
    "Southern Africa",
    "Sub-Saharan Africa",
    "Western Europe",
    "Eastern Europe",
    "Europe",
    "Asia",
    "Africa",
]
