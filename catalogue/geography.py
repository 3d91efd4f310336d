"""Where Danish places are: the region of an area name or a postal code, for suggestions and warnings.

Only what is sure is here. Postal codes follow the five regions (2007) by ranges, with the districts
that lie across a region border listed on their own; codes outside Denmark's regions (the Faroe Islands,
Greenland, the special codes under 1000) give no region.
"""

from __future__ import annotations

import bisect
import re

from .diagnostics import ascii_key

# Names editors use for a part of the country (written as taxonomy keys: æ→ae, ø→oe, å→aa) → region key.
AREAS: dict[str, str] = {
    # Region Hovedstaden
    "koebenhavn": "hovedstaden", "kbh": "hovedstaden", "storkoebenhavn": "hovedstaden",
    "hovedstadsomraadet": "hovedstaden", "frederiksberg": "hovedstaden", "amager": "hovedstaden",
    "nordsjaelland": "hovedstaden", "bornholm": "hovedstaden", "region-hovedstaden": "hovedstaden",
    # Region Sjælland
    "midtsjaelland": "sjaelland", "vestsjaelland": "sjaelland", "sydsjaelland": "sjaelland",
    "lolland": "sjaelland", "falster": "sjaelland", "lolland-falster": "sjaelland", "moen": "sjaelland",
    "roskilde": "sjaelland", "koege": "sjaelland", "naestved": "sjaelland", "holbaek": "sjaelland",
    "slagelse": "sjaelland", "region-sjaelland": "sjaelland",
    # Region Syddanmark
    "fyn": "syddanmark", "sydfyn": "syddanmark", "nordfyn": "syddanmark", "vestfyn": "syddanmark",
    "oestfyn": "syddanmark", "langeland": "syddanmark", "aeroe": "syddanmark", "odense": "syddanmark",
    "soenderjylland": "syddanmark", "sydjylland": "syddanmark", "sydvestjylland": "syddanmark",
    "trekantomraadet": "syddanmark", "esbjerg": "syddanmark", "kolding": "syddanmark", "vejle": "syddanmark",
    "fredericia": "syddanmark", "region-syddanmark": "syddanmark",
    # Region Midtjylland
    "oestjylland": "midtjylland", "vestjylland": "midtjylland", "aarhus": "midtjylland", "aros": "midtjylland",
    "djursland": "midtjylland", "salling": "midtjylland", "samsoe": "midtjylland", "randers": "midtjylland",
    "silkeborg": "midtjylland", "herning": "midtjylland", "holstebro": "midtjylland", "viborg": "midtjylland",
    "horsens": "midtjylland", "region-midtjylland": "midtjylland",
    # Region Nordjylland
    "vendsyssel": "nordjylland", "himmerland": "nordjylland", "thy": "nordjylland", "mors": "nordjylland",
    "hanherred": "nordjylland", "aalborg": "nordjylland", "laesoe": "nordjylland",
    "region-nordjylland": "nordjylland",
    # The whole country
    "landsdaekkende": "hele-landet", "hele-danmark": "hele-landet", "danmark": "hele-landet",
}

# (first postal code, region from it on, or None) in order; each row holds until the next one.
_POSTAL_RANGES: list[tuple[int, str | None]] = [
    (0, None),  # special codes (0800 Høje-Taastrup BG, 0900 København C …): not one place
    (1000, "hovedstaden"),  # København, Frederiksberg and the suburbs
    (2670, "sjaelland"),  # 2670 Greve, 2680 Solrød Strand, 2690 Karlslunde (Greve and Solrød)
    (2700, "hovedstaden"),
    (3800, None),  # 3800–3899 the Faroe Islands, 3900–3999 Greenland
    (4000, "sjaelland"),
    (4050, "hovedstaden"),  # 4050 Skibby (Frederikssund)
    (4051, "sjaelland"),
    (5000, "syddanmark"),  # Fyn and its islands, Sønderjylland, Esbjerg, Varde
    (6880, "midtjylland"),  # 6880 Tarm to 6990 Ulfborg (Ringkøbing-Skjern, Herning, Holstebro)
    (7000, "syddanmark"),  # Fredericia, Børkop, Vejle
    (7130, "midtjylland"),  # 7130 Juelsminde to 7171 Uldum (Hedensted)
    (7172, "syddanmark"),  # 7173 Vonge to 7260 Sønder Omme (Vejle, Billund)
    (7270, None),  # 7270 Stakroge, 7280 Sønder Felding: not sure enough
    (7300, "syddanmark"),  # 7300 Jelling, 7321 Gadbjerg, 7323 Give (Vejle)
    (7330, "midtjylland"),  # Brande, Herning, Holstebro, Struer
    (7700, "nordjylland"),  # Thisted and Thy
    (7790, "midtjylland"),  # 7790 Thyholm (Struer)
    (7800, "midtjylland"),  # Skive, Viborg
    (7900, "nordjylland"),  # Mors
    (8000, "midtjylland"),  # Aarhus, Randers, Silkeborg, Horsens, Viborg
    (9000, "nordjylland"),
    (9632, "midtjylland"),  # 9632 Møldrup (Viborg)
    (9633, "nordjylland"),
    (10000, None),
]
_STARTS = [start for start, _ in _POSTAL_RANGES]


def region_of_postal_code(postal_code: object) -> str | None:
    """The region key of a Danish postal code ('8230' → 'midtjylland'), or None when not sure."""
    text = str(postal_code).strip() if postal_code is not None else ""
    if not re.fullmatch("[0-9]{4}", text):  # ASCII digits: isdigit() takes every script's
        return None
    return _POSTAL_RANGES[bisect.bisect_right(_STARTS, int(text)) - 1][1]


def postal_ranges() -> list[tuple[int, str | None]]:
    """The table region_of_postal_code reads: (first postal code, region from it on, or None), in order; for the
    pages' "Hvor bor du?", which maps a postal code in the browser as check does."""
    return list(_POSTAL_RANGES)


def region_of_area(name: str) -> str | None:
    """The region key of an area's name ('Østjylland' → 'midtjylland'), or None."""
    return AREAS.get(ascii_key(name))
