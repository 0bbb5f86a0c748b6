"""Decoding: mostly-UTF-8 text stays UTF-8, legacy text is read in its own page, binaries
are refused."""

from __future__ import annotations

import random

import pytest

from summarizer.errors import UnreadableSource
from summarizer.reading.decode import decode, decode_repaired

STORY = (
    "Talks resume in Genève\n\n"
    "François Müller, the bank’s chairman, said on Tuesday it would sell its stake for £600m.\n\n"
    "The Treasury said the sale would go ahead after a long review of the terms.\n"
)


def test_one_invalid_byte_leaves_every_other_accent_as_it_is() -> None:
    data = STORY[:40].encode() + b"\xff" + STORY[40:].encode()
    text, replaced = decode_repaired(data)
    assert text == STORY[:40] + "\ufffd" + STORY[40:]
    assert replaced == 1


def test_a_last_character_cut_short_is_replaced_not_read_as_a_legacy_page() -> None:
    data = (STORY.rstrip() + " Ça c’est")[:-1].encode() + "ç".encode()[:1]
    text, replaced = decode_repaired(data)
    assert text.startswith(STORY.rstrip())
    assert "François Müller" in text and "£600m" in text
    assert text.endswith("Ça c’es\ufffd")
    assert replaced == 1
    # Cut inside a three-byte quotation mark, with no other accent in the file.
    text, replaced = decode_repaired("The minister said yes.\n“".encode()[:-1])
    assert (text, replaced) == ("The minister said yes.\n\ufffd", 2)


def test_a_utf8_file_with_a_few_bad_sequences_is_read_not_refused() -> None:
    data = STORY.encode() * 3
    data = data.replace(b"Tuesday", b"Tues\xc3\x28day", 1).replace(b"terms", b"te\xa0\xa1rms", 1)
    text, replaced = decode_repaired(data + b"\xe2\x82 end.\n")
    assert text.count("François Müller") == 3 and text.count("£600m") == 3
    assert "Tues\ufffd(day" in text and text.endswith("\ufffd end.\n")
    assert replaced == 5


@pytest.mark.parametrize(
    "text",
    [
        "François Müller",
        "Talks in Genève: François Müller said £5m.",
        "Le ministre a annoncé à l'Élysée que la réunion aura lieu en été. Ça va, «oui».",
    ],
)
def test_short_latin_1_text_is_read_as_western_not_a_baltic_page(text: str) -> None:
    assert decode_repaired(text.encode("latin-1")) == (text, 0)


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 5% to £600m — the highest since 1990 (€700m).",
        "He paid €40 (£35) for the ticket — “too much”, he said.",
        "The temperature fell to -5°C; ½ of the roads closed.",
        "Regeringen i Sverige höjer skatten på öl. Hallitus nosti veroa äänestyksen jälkeen.",
    ],
)
def test_short_windows_1252_text_is_not_read_as_a_dos_mac_or_hp_page(text: str) -> None:
    """A detector finds no noise in "ú600m ù (Ç700m)" (DOS's cp437) or in HP Roman-8's
    "h—jer ... ððnestyksen", and a little in the Windows-1252 reading: Western news is not
    written in DOS, Mac or HP pages."""
    assert decode_repaired(text.encode("cp1252")) == (text, 0)


@pytest.mark.parametrize(
    "text",
    [
        "Ég heiti Þór og bý í Reykjavík. Það er gott veður á Íslandi í dag.",
        "Forsætisráðherra sagði á þriðjudag að viðræður myndu halda áfram.",
        "Björk Guðmundsdóttir sagði frá því.",
        "Ça a été créé à Noël.",
        "Où ça?",
        "Crème brûlée",
        "déjà vu",
        "Ñandú",
        "Hallå, älä!",
        "Le président a déclaré mardi à l'Élysée que les négociations reprendraient à Genève.",
        "Il presidente ha detto martedì a Città del Vaticano che è necessario.",
    ],
)
def test_short_or_accent_heavy_western_text_is_read_as_windows_1252(text: str) -> None:
    """Icelandic's ð, þ and ý are Turkish letters in Windows-1254, and a detector finds less
    noise in French read as the Baltic page ("franēais … ą Genčve"): Western text whose accents
    are one language's letters is read as Western."""
    assert decode_repaired(text.encode("cp1252")) == (text, 0)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Başbakan salı günü Ankara'da açıklama yaptı.", "cp1254"),
        ("Předseda vlády řekl", "cp1250"),
        ("Premier powiedział we wtorek w Łodzi, że rozmowy będą kontynuowane.", "cp1250"),
        ("Hrvatska vlada će u utorak raspravljati o đacima.", "cp1250"),
    ],
)
def test_short_central_european_and_turkish_text_is_not_taken_for_western(
    text: str, encoding: str
) -> None:
    assert decode_repaired(text.encode(encoding)) == (text, 0)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Президент России заявил во вторник, что переговоры в Женеве продолжатся. " * 3, "cp1251"),
        ("Ο πρωθυπουργός δήλωσε την Τρίτη ότι οι συνομιλίες θα συνεχιστούν. " * 3, "cp1253"),
        (
            "Prezydent Polski powiedział we wtorek, że rozmowy w Łodzi będą kontynuowane. " * 3,
            "cp1250",
        ),
        (
            "A miniszterelnök kedden azt mondta, hogy a tárgyalások jövő héten folytatódnak. Ő és ű.",
            "cp1250",
        ),
        ("国务院总理今天在北京会见了来访的外国代表团，双方就经济合作交换了意见。" * 3, "gbk"),
        (
            "日本政府は火曜日、東京で新しい経済対策を発表した。首相は記者会見で説明した。" * 3,
            "shift_jis",
        ),
        ("대한민국 정부는 화요일 서울에서 새로운 경제 대책을 발표했다. " * 3, "euc_kr"),
    ],
)
def test_legacy_pages_are_still_read_in_their_own_page(text: str, encoding: str) -> None:
    assert decode_repaired(text.encode(encoding)) == (text, 0)


def test_random_bytes_without_nuls_are_still_refused() -> None:
    noise = random.Random(7)
    data = bytes(noise.randrange(1, 256) for _ in range(3000))
    with pytest.raises(UnreadableSource, match="binary file or unknown text encoding"):
        decode(data)
