"""The countries and regions of the user guide's SMS table (and its voice long-code table), as data.

Transcribed from the user guide's "Supported countries and regions (SMS channel)" table; the guide's
quirks are fixed where they would break lookups: Tuvalu is TV (the guide repeats TC), Kosovo is XK
(the guide prints XV), and the Bahamas row appears once. Columns:

    ISO | name | dialing codes | short codes | long codes | sender IDs | two-way | voice long codes

long codes: yes | no | inbound (receive only, note 4); sender IDs: yes | no | registration (a
pre-registered sender ID is required); voice long codes: yes | address (only through a support case,
a local address is required) | no (the country is not in the voice table).
"""

from __future__ import annotations

from collections import namedtuple
from functools import cache

Country = namedtuple(
    "Country", "iso name dialing_codes short_codes long_codes sender_ids two_way voice_long_codes"
)

# The US and the territories that share its numbering and rules (toll-free, 10DLC, opt-out keywords).
US_AND_TERRITORIES = ("US", "PR", "VI", "GU", "AS")
# Where carriers require the opt-out keywords on every long code and short code ("such as in the US and Canada").
OPT_OUT_KEYWORD_COUNTRIES = US_AND_TERRITORIES + ("CA",)

_TABLE = """
AD|Andorra|376|no|no|yes|no|no
AE|United Arab Emirates (UAE)|971|yes|inbound|registration|yes|no
AF|Afghanistan|93|no|no|yes|no|no
AG|Antigua and Barbuda|1-268|no|no|yes|no|no
AI|Anguilla|1-264|no|no|yes|no|no
AL|Albania|355|no|no|yes|no|no
AM|Armenia|374|no|no|yes|no|no
AN|Netherlands Antilles|599|no|no|yes|no|no
AO|Angola|244|no|no|yes|no|no
AR|Argentina|54|yes|no|no|no|address
AT|Austria|43|yes|yes|yes|yes|yes
AU|Australia|61|no|yes|registration|yes|address
AW|Aruba|297|no|no|yes|no|no
AZ|Azerbaijan|994|no|no|yes|no|no
BA|Bosnia and Herzegovina|387|no|no|yes|no|no
BB|Barbados|1-246|no|no|yes|no|yes
BD|Bangladesh|880|no|no|yes|no|no
BE|Belgium|32|yes|yes|no|yes|no
BF|Burkina Faso|226|no|no|yes|no|yes
BG|Bulgaria|359|yes|no|yes|yes|address
BH|Bahrain|973|no|no|yes|no|address
BI|Burundi|257|no|no|yes|no|no
BM|Bermuda|1-441|no|no|yes|no|no
BN|Brunei|673|no|no|yes|no|no
BO|Bolivia|591|no|no|yes|no|no
BR|Brazil|55|yes|no|no|yes|yes
BS|Bahamas|1-242|no|no|no|no|no
BT|Bhutan|975|no|no|yes|no|no
BW|Botswana|267|no|no|yes|no|no
BY|Belarus|375|no|no|registration|no|no
BZ|Belize|501|no|no|yes|no|no
CA|Canada|1|yes|yes|no|yes|yes
CD|Democratic Republic of the Congo|243|no|no|yes|no|no
CF|Central African Republic|236|no|no|yes|no|no
CG|Republic of the Congo|242|no|no|no|no|no
CH|Switzerland|41|no|no|yes|no|address
CI|Ivory Coast|225|no|no|yes|no|no
CK|Cook Islands|682|no|no|yes|yes|no
CL|Chile|56|yes|yes|no|yes|yes
CM|Cameroon|237|yes|no|yes|yes|no
CN|China|86|yes|no|no|yes|no
CO|Colombia|57|no|yes|no|yes|yes
CR|Costa Rica|506|yes|yes|no|yes|no
CV|Cape Verde|238|no|no|yes|no|no
CY|Cyprus|357|no|no|yes|no|yes
CZ|Czechia (Czech Republic)|420|no|yes|yes|yes|no
DE|Germany|49|yes|yes|yes|yes|address
DJ|Djibouti|253|no|no|yes|no|no
DK|Denmark|45|yes|yes|yes|yes|no
DM|Dominica|1-767|no|no|yes|no|no
DO|Dominican Republic|1-809,1-829,1-849|yes|no|no|yes|yes
DZ|Algeria|213|no|no|yes|no|no
EC|Ecuador|593|yes|no|no|yes|yes
EE|Estonia|372|no|yes|yes|yes|no
EG|Egypt|20|yes|no|registration|yes|no
ER|Eritrea|291|no|no|yes|no|no
ES|Spain|34|yes|yes|yes|yes|no
ET|Ethiopia|251|no|no|yes|no|no
FI|Finland|358|yes|yes|yes|yes|address
FJ|Fiji|679|no|no|yes|no|no
FM|Micronesia (Federated States of)|691|no|no|no|no|no
FO|Faroe Islands|298|no|no|yes|no|no
FR|France|33|yes|no|yes|yes|no
GA|Gabon|241|no|no|yes|no|no
GB|United Kingdom|44|yes|yes|yes|yes|yes
GD|Grenada|1-473|no|no|yes|no|yes
GE|Georgia|995|no|no|yes|no|no
GF|French Guiana|594|no|no|yes|no|no
GG|Guernsey|44-1481|no|no|yes|no|no
GH|Ghana|233|no|yes|yes|yes|no
GI|Gibraltar|350|no|no|yes|no|no
GL|Greenland|299|no|no|yes|no|no
GM|Gambia|220|no|no|yes|no|no
GN|Guinea|224|no|no|yes|no|no
GP|Guadeloupe|590|no|no|yes|no|no
GQ|Equatorial Guinea|240|no|no|yes|no|no
GR|Greece|30|no|yes|yes|yes|address
GT|Guatemala|502|no|yes|no|yes|yes
GU|Guam|1-671|no|yes|no|yes|no
GW|Guinea-Bissau|245|no|no|yes|no|no
GY|Guyana|592|no|no|yes|no|no
HK|Hong Kong|852|no|yes|yes|yes|no
HN|Honduras|504|no|yes|yes|yes|no
HR|Croatia|385|yes|no|yes|yes|address
HT|Haiti|509|no|no|yes|no|no
HU|Hungary|36|no|yes|no|yes|address
ID|Indonesia|62|no|no|yes|no|yes
IE|Ireland|353|no|yes|yes|yes|address
IL|Israel|972|no|yes|yes|yes|yes
IM|Isle of Man|44-1624|no|no|yes|no|no
IN|India|91|yes|no|registration|yes|no
IQ|Iraq|964|no|no|yes|no|no
IS|Iceland|354|no|no|yes|no|address
IT|Italy|39|yes|yes|yes|yes|address
JE|Jersey|44-1434|no|yes|yes|yes|no
JM|Jamaica|1-876|no|no|yes|no|yes
JO|Jordan|962|no|no|registration|no|no
JP|Japan|81|yes|yes|yes|yes|no
KE|Kenya|254|yes|yes|yes|yes|yes
KG|Kyrgyzstan|996|no|no|yes|no|no
KH|Cambodia|855|no|no|yes|no|address
KM|Comoros|269|no|no|yes|no|no
KN|Saint Kitts and Nevis|1-869|no|no|no|no|no
KR|South Korea|82|no|no|no|no|no
KW|Kuwait|965|no|yes|registration|yes|no
KY|Cayman Islands|1-345|no|no|no|no|yes
KZ|Kazakhstan|7|no|no|yes|no|address
LA|Laos|856|no|no|yes|no|no
LB|Lebanon|961|no|no|yes|no|no
LC|Saint Lucia|1-758|no|no|no|no|no
LI|Liechtenstein|423|no|no|yes|no|no
LK|Sri Lanka|94|yes|yes|registration|yes|no
LR|Liberia|231|no|yes|no|no|no
LS|Lesotho|266|yes|no|yes|yes|no
LT|Lithuania|370|no|yes|yes|yes|yes
LU|Luxembourg|352|no|yes|yes|yes|address
LV|Latvia|371|no|yes|yes|yes|address
LY|Libya|218|no|no|yes|no|no
MA|Morocco|212|yes|no|yes|yes|no
MC|Monaco|377|no|no|no|no|no
MD|Moldova|373|no|no|yes|no|address
ME|Montenegro|382|no|no|yes|no|no
MG|Madagascar|261|no|no|yes|no|no
MH|Marshall Islands, The|692|no|no|no|no|no
MK|Macedonia|389|no|no|yes|yes|no
ML|Mali|223|no|no|yes|no|address
MM|Myanmar|95|no|yes|yes|yes|no
MN|Mongolia|976|no|no|yes|no|no
MO|Macau|853|no|no|yes|no|no
MQ|Martinique|596|no|no|yes|no|no
MR|Mauritania|222|no|no|yes|no|no
MS|Montserrat|1-664|no|no|yes|no|no
MT|Malta|356|no|yes|yes|yes|no
MU|Mauritius|230|no|yes|yes|yes|no
MV|Maldives|960|no|no|yes|no|no
MW|Malawi|265|yes|no|yes|yes|no
MX|Mexico|52|yes|no|no|yes|address
MY|Malaysia|60|yes|no|no|yes|no
MZ|Mozambique|258|no|no|no|no|no
NA|Namibia|264|yes|no|yes|yes|no
NC|New Caledonia|687|no|no|yes|no|no
NE|Niger|227|no|no|yes|no|no
NG|Nigeria|234|yes|no|yes|yes|no
NI|Nicaragua|505|no|no|no|no|address
NL|Netherlands|31|yes|yes|yes|yes|no
NO|Norway|47|no|yes|yes|yes|address
NP|Nepal|977|no|no|yes|no|no
NU|Niue|683|no|no|yes|no|no
NZ|New Zealand|64|yes|no|no|yes|yes
OM|Oman|968|no|no|yes|no|no
PA|Panama|507|yes|no|yes|yes|no
PE|Peru|51|yes|no|no|yes|yes
PF|French Polynesia|689|no|no|yes|no|no
PG|Papua New Guinea|675|no|no|yes|no|no
PH|Philippines|63|no|inbound|registration|no|yes
PK|Pakistan|92|yes|yes|yes|yes|no
PL|Poland|48|no|yes|yes|yes|address
PR|Puerto Rico|1-787,1-939|yes|yes|no|yes|yes
PS|Palestine|970|no|no|yes|no|no
PT|Portugal|351|no|yes|yes|yes|no
PY|Paraguay|595|no|no|no|no|no
QA|Qatar|974|yes|no|registration|yes|no
RE|Réunion (France)|262|no|no|yes|no|no
RO|Romania|40|no|yes|yes|yes|address
RS|Serbia|381|yes|no|yes|yes|no
RU|Russia|7|yes|no|registration|yes|no
RW|Rwanda|250|no|no|yes|no|no
SA|Saudi Arabia|966|no|inbound|registration|no|no
SB|Solomon Islands|677|no|no|yes|no|no
SC|Seychelles|248|no|no|yes|no|no
SE|Sweden|46|yes|yes|yes|yes|no
SG|Singapore|65|yes|yes|yes|yes|no
SI|Slovenia|386|no|no|yes|no|address
SK|Slovakia|421|no|yes|yes|yes|address
SL|Sierra Leone|232|no|no|yes|no|no
SM|San Marino|378|no|no|yes|no|no
SN|Senegal|221|no|no|yes|no|no
SO|Somalia|252|no|no|yes|no|no
SR|Suriname|597|no|no|yes|no|no
SS|South Sudan|211|no|no|yes|no|no
ST|São Tomé and Príncipe|239|no|no|yes|no|no
SV|El Salvador|503|no|no|no|no|yes
SZ|Eswatini|268|yes|no|yes|yes|no
TC|Turks and Caicos Islands|1-649|no|no|yes|no|no
TD|Chad|235|no|no|yes|no|no
TG|Togo|228|no|no|yes|no|no
TH|Thailand|66|no|yes|registration|yes|address
TJ|Tajikistan|992|no|no|yes|no|address
TL|Timor-Leste|670|no|no|yes|no|no
TM|Turkmenistan|993|no|no|no|no|no
TN|Tunisia|216|no|no|yes|no|no
TO|Tonga|676|no|no|yes|no|no
TR|Turkey|90|no|no|registration|no|no
TT|Trinidad and Tobago|1-868|no|no|yes|no|yes
TV|Tuvalu|688|no|no|yes|no|no
TW|Taiwan|886|no|yes|no|yes|address
TZ|Tanzania|255|no|yes|yes|yes|no
UA|Ukraine|380|no|yes|yes|yes|no
UG|Uganda|256|no|no|yes|no|no
US|United States|1|yes|yes|no|yes|yes
UY|Uruguay|598|yes|no|no|yes|address
UZ|Uzbekistan|998|no|no|yes|no|no
VE|Venezuela|58|no|no|no|no|address
VG|Virgin Islands, British|1-284|no|no|yes|no|no
VI|Virgin Islands, US|1-340|no|yes|no|yes|no
VN|Vietnam|84|yes|yes|registration|yes|yes
VU|Vanuatu|678|no|no|yes|no|no
WS|Samoa|685|no|yes|no|no|no
XK|Kosovo|383|no|no|yes|no|no
YE|Yemen|967|no|no|yes|no|no
YT|Mayotte|262|no|no|yes|no|no
ZA|South Africa|27|yes|yes|no|yes|address
ZM|Zambia|260|no|no|yes|no|no
ZW|Zimbabwe|263|no|no|yes|no|no
"""


@cache
def countries() -> dict[str, Country]:
    found = {}
    for line in _TABLE.strip().splitlines():
        iso, name, dialing, short, long_codes, sender_ids, two_way, voice = line.split("|")
        found[iso] = Country(iso, name, tuple(dialing.split(",")), short == "yes", long_codes, sender_ids,
                             two_way == "yes", voice)  # fmt: skip
    return found


def country(iso: str) -> Country | None:
    return countries().get(iso)


_WITH_ARTICLE = ("United ", "Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros", "Seychelles",
                 "Democratic Republic", "Republic of", "Czechia", "Central African", "Dominican")  # fmt: skip


def place_name(iso: str) -> str:
    """How messages name a country: "the United States", "France", or the code when it is unknown."""
    place = country(iso)
    if place is None:
        return iso
    name = place.name
    if name.startswith(_WITH_ARTICLE) or name.endswith("Islands"):
        return f"the {name}"
    return name
