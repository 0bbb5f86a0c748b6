"""The word lists that tell a name: given names, one-word country names, titles and offices.

Read once from the libraries that keep them (gender-guesser's name list, pycountry's ISO 3166
data, nameparser's titles), so ``names`` and the headings' rules ask the same lists.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path

from summarizer.runtime import deferred

# A line of nam_dict.txt: gender, name. Anchored on the newline, not on "^" with re.M: half
# the time, and this list is read at every start (and in every worker under spawn). Read as
# bytes: decoding the whole 4 MB file took longer than finding the names in it.
_LISTED = re.compile(rb"\n[MF1?][MF1?]? +([^ \n]+)")


def load_all() -> None:
    """Read every list now: in a process about to fork its workers, what each worker would
    otherwise read again (0.1-0.2 s each, a tenth of a small day's run)."""
    given_names()
    countries()
    titles()


@cache
def given_names() -> frozenset[str]:
    """The given names gender-guesser's name list knows (about 45,000, many languages). A
    "+" in a name there stands for a space, a hyphen or nothing; names are asked of one word,
    so "Abdel+Aziz" is kept as "Abdel-Aziz" and "AbdelAziz"."""
    data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    listed = [name.decode("utf-8") for name in _LISTED.findall(data.read_bytes())]
    joined = [n for n in listed if "+" in n]
    return (
        frozenset(listed)
        .difference(joined)
        .union(n.replace("+", sep) for n in joined for sep in ("", "-"))
    )


@cache
def countries() -> frozenset[str]:
    """Country names of one word from pycountry's ISO 3166 data ("Chile", "Venezuela"): no
    person's surname, as in "[Santiago de] Chile". Read as a file, without importing
    pycountry (0.08 s)."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(spec.submodule_search_locations[0]) / "databases" / "iso3166-1.json"
    records = json.loads(path.read_text(encoding="utf-8"))["3166-1"]
    names = {r.get(key, "") for r in records for key in ("name", "common_name")}
    # A country that is also a given name may well be a surname ("Vernon Jordan").
    people = given_names()
    return frozenset(n for n in names if n and " " not in n and "," not in n and n not in people)


@cache
def titles() -> frozenset[str]:
    """nameparser's list of titles (lower case, no full stops; its ``CONSTANTS.titles``), read
    once. Its word list alone: importing nameparser loads its parser, a tenth of a second at
    every start (``runtime.deferred``)."""
    deferred.import_beneath(("nameparser", "nameparser.config"), ("nameparser.config.titles",))
    from nameparser.config.titles import TITLES

    return frozenset(str(t) for t in TITLES) | _OFFICES


# Offices news puts before a name that nameparser's list lacks: "Sen.", "Assemblyman Herb
# Conaway", "Chairman Alan Greenspan" (without them the given name reads as inside another
# name, and the person's bare surname later is never restored).
_OFFICES = frozenset(
    {"sen", "assemblyman", "assemblywoman", "congressman", "congresswoman", "councilman",
     "councilwoman", "chairman", "chairwoman", "spokesman", "spokeswoman"}
)  # fmt: skip
