"""The destination simulator numbers of the user guide: messages to them are not delivered to any
carrier; a "success" number produces successful delivery events, a "failure" number failure events.
They behave as verified destinations (no verification in the sandbox). Origination simulator numbers
(NumberType SIMULATOR) exist in the US only and may send to destination simulators of their own
country only. Countries are looked up by the whole number: Jersey and the UK share +44.
"""

from __future__ import annotations

SUCCESS, FAILURE = "success", "failure"

DESTINATION_SIMULATORS: dict[str, tuple[str, str]] = {
    "+61455944038": ("AU", SUCCESS),  # Australia
    "+61455944039": ("AU", FAILURE),
    "+43676800442031": ("AT", SUCCESS),  # Austria
    "+43676800442032": ("AT", FAILURE),
    "+32460213922": ("BE", SUCCESS),  # Belgium
    "+32460213923": ("BE", FAILURE),
    "+56229140630": ("CL", SUCCESS),  # Chile
    "+56229140631": ("CL", FAILURE),
    "+420790542286": ("CZ", SUCCESS),  # Czech Republic
    "+420790542287": ("CZ", FAILURE),
    "+4525919410": ("DK", SUCCESS),  # Denmark
    "+4525919215": ("DK", FAILURE),
    "+37282720792": ("EE", SUCCESS),  # Estonia
    "+37282720793": ("EE", FAILURE),
    "+3584573979110": ("FI", SUCCESS),  # Finland
    "+3584573979111": ("FI", FAILURE),
    "+33755512501": ("FR", SUCCESS),  # France
    "+33755512502": ("FR", FAILURE),
    "+85257048426": ("HK", SUCCESS),  # Hong Kong
    "+85257048854": ("HK", FAILURE),
    "+36707178770": ("HU", SUCCESS),  # Hungary
    "+36707178772": ("HU", FAILURE),
    "+394390009172": ("IT", SUCCESS),  # Italy
    "+394390009174": ("IT", FAILURE),
    "+447937404990": ("JE", SUCCESS),  # Jersey
    "+447937404992": ("JE", FAILURE),
    "+352691385880": ("LU", SUCCESS),  # Luxembourg
    "+352691385882": ("LU", FAILURE),
    "+3197008100148": ("NL", SUCCESS),  # Netherlands
    "+3197008100150": ("NL", FAILURE),
    "+4759449384": ("NO", SUCCESS),  # Norway
    "+4759449387": ("NO", FAILURE),
    "+48732141440": ("PL", SUCCESS),  # Poland
    "+48732141442": ("PL", FAILURE),
    "+351927946948": ("PT", SUCCESS),  # Portugal
    "+351927946950": ("PT", FAILURE),
    "+40783900330": ("RO", SUCCESS),  # Romania
    "+40783900332": ("RO", FAILURE),
    "+34683783440": ("ES", SUCCESS),  # Spain
    "+34683783442": ("ES", FAILURE),
    "+46790645100": ("SE", SUCCESS),  # Sweden
    "+46790645102": ("SE", FAILURE),
    "+41798075872": ("CH", SUCCESS),  # Switzerland
    "+41798075874": ("CH", FAILURE),
    "+886903444630": ("TW", SUCCESS),  # Taiwan
    "+886903444632": ("TW", FAILURE),
    "+447860019066": ("GB", SUCCESS),  # United Kingdom
    "+447860019067": ("GB", FAILURE),
    "+14254147755": ("US", SUCCESS),  # United States
    "+14254147167": ("US", FAILURE),
}


def simulator(number: str) -> tuple[str, str] | None:
    """(ISO country, "success" | "failure") for a destination simulator number, else None."""
    return DESTINATION_SIMULATORS.get(number)
