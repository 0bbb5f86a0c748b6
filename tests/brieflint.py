"""The checks of the project's brief_lint tool, copied so the tests do not depend on ../shared.

A reader calls each of these a defect in a brief: furniture, slugs, metadata, escaped
characters, fragments, run-ons, dangling openers and openers that point back, an early "also",
a he/she/they subject with nobody named, unbalanced quotes, unattributed items, a credit whose
outlet's own sentence does not state the item (credit-unsupported), repeated statements
(also two that share a figure) and too few sections. Keep in step with
shared/tools/brief_lint.py: tests/test_brieflint.py checks that both give the same verdicts.
"""

# ruff: noqa
# mypy: ignore-errors
import argparse, json, re, sys
from itertools import combinations

BOILERPLATE = [
    r"leave a reply",
    r"email address will not be published",
    r"required fields are marked",
    r"back to top",
    r"quantcast",
    r"top of page",
    r"bottom of page",
    r"hi 👋",
    r"blog2_post",
    r"^post:",
    r"original source",
    r"^source:",
    r"click here",
    r"subscribe",
    r"cookie",
    r"all rights reserved",
    r"^advertisement",
    r"^share this",
    r"^read more",
    r"^related:",
]
SLUG = re.compile(r"\b[A-Za-z0-9]+_[A-Za-z0-9]+_[A-Za-z0-9_]+\b")
METADATA = re.compile(r"^(date|published|updated|by)\s*:?\s*\d", re.I)
ESCAPED = re.compile(r"\\[\"'nt]")
DANGLING = re.compile(
    r"^(He|She|They|It|This|These|Those|However|But|Meanwhile|Additionally|"
    r"Furthermore|Moreover|Also|And|Conversely|Instead|Still|Yet|In summary|"
    r"In the meantime|For its part|Aside from (that|this)|Despite (that|this)|"
    r"In addition|Besides|Even so|As a result|After that|Because of (that|this)|"
    r"On the other hand|Otherwise|At the same time|By contrast|In contrast|"
    r"Similarly|Likewise|Nevertheless|Nonetheless|Thus|Therefore|Hence|"
    r"That is why|That's why|Such)\b"
)
NUMBER = re.compile(r"\b\d[\d,.]*\b")
END = re.compile(r"[.!?][\"'”’)\]]*$")
STOP = set(
    """a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours ourselves out over own same she should so
some such than that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your yours
yourself yourselves said says say saying told also would could""".split()
)


def stem(w):
    for suf in ("ing", "ed", "es", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def content(text):
    return {
        stem(w)
        for w in re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))
        if w not in STOP and len(w) > 1
    }


def item_defects(text):
    t = text.strip()
    low = t.lower()
    out = []
    for pat in BOILERPLATE:
        if re.search(pat, low):
            out.append(("boilerplate", pat))
    if SLUG.search(t):
        out.append(("slug", SLUG.search(t).group(0)))
    if METADATA.search(t):
        out.append(("metadata", t[:30]))
    if ESCAPED.search(t):
        out.append(("escaped-character", ESCAPED.search(t).group(0)))
    words = t.split()
    if len(words) < 6:
        out.append(("fragment-short", f"{len(words)} words"))
    if len(words) > 70:
        out.append(("run-on", f"{len(words)} words"))
    if t and t[0].islower():
        out.append(("fragment-start", t[:20]))
    if not END.search(t):
        out.append(("fragment-end", t[-20:]))
    if DANGLING.match(t):
        out.append(("dangling-opener", DANGLING.match(t).group(0)))
    plain = re.sub(r"[“\"][^”\"]*[”\"]", " ", t)  # outside quotations
    if re.search(r"\balso\b", " ".join(plain.split()[:7])):
        out.append(("depends-on-context", "'also' early in the sentence"))
    m = re.match(r"^[^,“\"]{0,80},\s+(he|she|they)\b", plain)
    if m and not re.search(r"\s[A-Z]", plain[: m.start(1)]):
        out.append(("pronoun-subject", f"'{m.group(1)}' with nobody named before it"))
    if t.count('"') % 2 or t.count("“") != t.count("”"):
        out.append(("unbalanced-quotes", t[:30]))
    return out


def figures(text):
    """Quantities (not years, not identifiers such as 'Flight 111')."""
    out = set()
    for m in NUMBER.finditer(text):
        before = text[: m.start()].split()[-1:] or [""]
        n = m.group(0).strip(".,").replace(",", "")
        if before[0][:1].isupper() or len(n) < 2 or (len(n) == 4 and n[:2] in ("19", "20")):
            continue
        out.add(n)
    return out


def redundant(a, b):
    ca, cb = content(a), content(b)
    if not ca or not cb:
        return False
    inter = len(ca & cb)
    if figures(a) & figures(b) and inter >= 3:
        return True  # the same figure about the same thing
    return inter / len(ca | cb) >= 0.45 or inter / min(len(ca), len(cb)) >= 0.7


def states(item, quote):
    """Does an outlet's own sentence state the item (same fact, maybe other words)?"""
    a, b = content(item) | figures(item), content(quote) | figures(quote)
    shared = a & b
    if not a or not b:
        return False
    if len(shared) >= 3 or len(shared) >= min(len(a), len(b)) / 2:
        return True
    return bool(figures(item) & figures(quote)) and len(shared) >= 2


def lint(brief, min_sections=None):
    """min_sections: None = 3 for a brief themed from a themes file (the seeds' Diplomacy,
    Battlefield, NATO, Other), 1 for sections learned from the day or found as stories."""
    defects = []
    items = []
    for key in ("lead", "top"):  # a lead block kept outside the sections, if a brief has one
        block = brief.get(key)
        for it in block if isinstance(block, list) else []:
            if isinstance(it, dict) and "text" in it:
                items.append((key, it))
    for sec in brief.get("sections", []):
        for it in sec.get("items", []):
            items.append((sec.get("theme", "?"), it))
    if min_sections is None:
        themes = brief.get("themes") if isinstance(brief.get("themes"), dict) else {}
        min_sections = 3 if themes.get("from", "file") == "file" else 1
    nonempty = [s for s in brief.get("sections", []) if s.get("items")]
    if len(nonempty) < min_sections:
        defects.append(("too-few-sections", f"{len(nonempty)} non-empty sections", ""))
    for theme, it in items:
        text = it.get("text", "")
        for kind, why in item_defects(text):
            defects.append((kind, why, text))
        srcs = it.get("sources") or []
        if not srcs or not all((s.get("name") or "").strip() for s in srcs):
            defects.append(("unattributed", "no named source", text))
        for s in srcs:
            quote = s.get("text")
            if isinstance(quote, str) and quote.strip() and not states(text, quote):
                defects.append(("credit-unsupported", f"{s.get('name')}: {quote[:60]}", text))
    for (_, a), (_, b) in combinations(items, 2):
        if redundant(a.get("text", ""), b.get("text", "")):
            defects.append(("redundant-pair", b.get("text", "")[:80], a.get("text", "")))
    return items, defects


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("brief")
    ap.add_argument(
        "--min-sections",
        type=int,
        default=None,
        help="default: 3 for a brief themed from a themes file, else 1",
    )
    args = ap.parse_args()
    try:
        with open(args.brief, encoding="utf-8") as fh:
            brief = json.load(fh)
    except (OSError, ValueError) as e:
        print(f"cannot read {args.brief}: {e}", file=sys.stderr)
        return 2
    items, defects = lint(brief, args.min_sections)
    for kind, why, text in defects:
        print(f"{kind}: {why} :: {text[:120]}")
    kinds = sorted({d[0] for d in defects})
    print(
        f"{len(defects)} defects in {len(items)} items"
        + (f" ({', '.join(kinds)})" if kinds else "")
    )
    return 1 if defects else 0


if __name__ == "__main__":
    sys.exit(main())
