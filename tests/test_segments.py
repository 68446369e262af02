"""The segmenter (smscli.sms.segments) against docs/sms-encoding.md: the user guide's worked examples,
every case of the examples table, the extension characters, emoji, flags and ZWJ sequences at the part
boundaries, CR LF, the empty message, forced encodings, the service limits, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smscli.sms import replacements
from smscli.sms.segments import GSM7, GSM_BASIC, GSM_CHARACTERS, GSM_EXTENSION, UCS2, EncodingError, measure, segment

EXTENSION = ["\f", "^", "{", "}", "\\", "[", "]", "~", "|", "€"]


def units_of(text: str, encoding: str = "auto") -> list[int]:
    return [part.units for part in segment(text, encoding).parts]


def texts_of(text: str, encoding: str = "auto") -> list[str]:
    return [part.text for part in segment(text, encoding).parts]


def test_the_extension_table_is_the_ten_characters_of_the_spec():
    assert sorted(GSM_EXTENSION) == sorted(EXTENSION)
    assert len(GSM_BASIC) == 127  # 128 positions less ESC
    assert len(set(GSM_BASIC)) == 127
    assert "ç" not in GSM_CHARACTERS and "Ç" in GSM_CHARACTERS and "\t" not in GSM_CHARACTERS
    assert "\x1b" not in GSM_CHARACTERS


# ---------------------------------------------------------------------------------------------
# The seed's three worked examples (seed 001, "SMS character limits")

BILL = (
    "Hello Carlos. Your Example Corp. bill of $100 is now available. Autopay is scheduled for next Thursday, "
    "April 9. To view the details of your bill, go to https://example.com/bill1."
)
CHINESE = "亚马逊公司是一家总部位于美国西雅图的跨国电子商务企业，业务起始于线上书店，不久之后商品走向多元化。杰夫·贝佐斯于1994年7月创建了这家公司。"
APPOINTMENT = (
    "John: Your appointment with Dr. Salazar’s office is scheduled for next Thursday at 4:30pm. Reply YES to "
    "confirm, NO to reschedule."
)


def test_example_1_the_long_gsm_bill_reminder_is_two_parts():
    # The guide says 180 characters; the text as laid out in the guide joins to 179. Either is 2 parts.
    result = segment(BILL)
    assert (result.encoding, result.characters, result.units) == (GSM7, 179, 179)
    assert units_of(BILL) == [153, 26]
    assert texts_of(BILL) == [BILL[:153], BILL[153:]]
    assert result.max_units_per_part == 153 and result.non_gsm == [] and result.fits_service_limit


def test_example_2_seventy_one_chinese_characters_are_two_ucs2_parts():
    result = segment(CHINESE)
    assert (result.encoding, result.characters, result.units) == (UCS2, 71, 71)
    assert units_of(CHINESE) == [67, 4]
    assert texts_of(CHINESE) == [CHINESE[:67], CHINESE[67:]]
    assert result.non_gsm[:3] == ["亚", "马", "逊"] and "1" not in result.non_gsm


def test_example_3_one_curly_quote_makes_two_ucs2_parts_and_an_apostrophe_one_gsm_part():
    assert len(APPOINTMENT) == 130
    result = segment(APPOINTMENT)
    assert (result.encoding, units_of(APPOINTMENT), result.non_gsm) == (UCS2, [67, 63], ["’"])
    fixed = APPOINTMENT.replace("’", "'")
    assert (segment(fixed).encoding, units_of(fixed)) == (GSM7, [130])
    assert replacements.apply(APPOINTMENT) == (fixed, [{"Character": "’", "Replacement": "'", "Count": 1}])


# ---------------------------------------------------------------------------------------------
# The table of sms-encoding.md


@pytest.mark.parametrize(
    ("text", "encoding", "parts"),
    [
        ("A" * 160, GSM7, [160]),
        ("A" * 161, GSM7, [153, 8]),
        ("A" * 306, GSM7, [153, 153]),
        ("A" * 307, GSM7, [153, 153, 1]),
        ("€" * 80, GSM7, [160]),
        ("€" * 81, GSM7, [152, 10]),
        ("]" * 153, GSM7, [152, 152, 2]),
        ("A" * 152 + "€" + "B" * 10, GSM7, [152, 12]),
        ("Ж" * 70, UCS2, [70]),
        ("Ж" * 71, UCS2, [67, 4]),
        ("Ж" * 66 + "😀" + "Ж" * 5, UCS2, [66, 7]),
        ("😀" * 35, UCS2, [70]),
        ("😀" * 36, UCS2, [66, 6]),
        ("\f", GSM7, [2]),
        ("Dr. Salazar’s office", UCS2, [20]),
        ("ç" * 70, UCS2, [70]),
    ],
    ids=lambda value: repr(value)[:24] if isinstance(value, str) else None,
)
def test_the_cases_of_the_spec_table(text, encoding, parts):
    result = segment(text)
    assert result.encoding == encoding
    assert units_of(text) == parts
    assert "".join(texts_of(text)) == text
    assert result.units == sum(parts)
    assert result.max_units_per_part == ({GSM7: 160, UCS2: 70} if len(parts) == 1 else {GSM7: 153, UCS2: 67})[encoding]


def test_the_table_cases_part_texts():
    assert texts_of("A" * 161) == ["A" * 153, "A" * 8]
    assert texts_of("€" * 81) == ["€" * 76, "€" * 5]
    assert texts_of("]" * 153) == ["]" * 76, "]" * 76, "]"]
    assert texts_of("A" * 152 + "€" + "B" * 10) == ["A" * 152, "€" + "B" * 10]
    assert texts_of("Ж" * 66 + "😀" + "Ж" * 5) == ["Ж" * 66, "😀" + "Ж" * 5]
    assert texts_of("😀" * 36) == ["😀" * 33, "😀" * 3]


# ---------------------------------------------------------------------------------------------
# Each extension character at the 160/161 and 152/153 boundaries


@pytest.mark.parametrize("char", EXTENSION, ids=lambda c: f"U+{ord(c):04X}")
def test_extension_character_at_the_single_part_boundary(char):
    assert (segment("a" * 158 + char).encoding, units_of("a" * 158 + char)) == (GSM7, [160])
    assert segment("a" * 158 + char).units == 160
    # 159 + 2 = 161 septets: two parts, the pair goes whole with the second.
    assert units_of("a" * 159 + char) == [153, 8]
    assert texts_of("a" * 159 + char) == ["a" * 153, "a" * 6 + char]
    # In the middle of the message: 160 fits, 161 does not.
    assert units_of("a" * 80 + char + "a" * 78) == [160]
    assert units_of("a" * 80 + char + "a" * 79) == [153, 8]
    assert units_of(char * 80) == [160]
    assert units_of(char * 81) == [152, 10]


@pytest.mark.parametrize("char", EXTENSION, ids=lambda c: f"U+{ord(c):04X}")
def test_extension_character_at_the_multi_part_boundary(char):
    # The pair ends at septet 153: it fits.
    assert units_of("a" * 151 + char + "a" * 10) == [153, 10]
    assert texts_of("a" * 151 + char + "a" * 10) == ["a" * 151 + char, "a" * 10]
    # It would take septets 153 and 154: the pair moves whole to the next part, the part holds 152.
    assert units_of("a" * 152 + char + "a" * 10) == [152, 12]
    assert texts_of("a" * 152 + char + "a" * 10) == ["a" * 152, char + "a" * 10]
    # It starts the second part.
    assert units_of("a" * 153 + char + "a" * 10) == [153, 12]
    assert texts_of("a" * 153 + char + "a" * 10) == ["a" * 153, char + "a" * 10]
    # At the second boundary too (153 + 152 | pair).
    assert units_of("a" * 305 + char + "a") == [153, 152, 3]
    assert texts_of("a" * 305 + char + "a") == ["a" * 153, "a" * 152, char + "a"]


def test_extension_characters_fill_parts_in_pairs():
    message = "".join(EXTENSION) * 9  # 90 characters, 180 septets
    result = segment(message)
    assert (result.characters, result.units) == (90, 180)
    assert units_of(message) == [152, 28]
    assert [len(text) for text in texts_of(message)] == [76, 14]


# ---------------------------------------------------------------------------------------------
# Emoji, flags, ZWJ sequences, skin tones, combining marks at the 66/67/68 boundaries

CLUSTERS = {
    "emoji": ("😀", 2),
    "heart with VS16": ("❤️", 2),
    "e + combining acute": ("e\u0301", 2),
    "flag": ("🇫🇷", 4),
    "skin tone": ("👍🏽", 4),
    "ZWJ couple": ("👩‍❤️‍👨", 8),
    "ZWJ family": ("👨‍👩‍👧‍👦", 11),
    "ZWJ family with skin tones": ("👩🏽‍👩🏽‍👦🏽", 14),
    "tag sequence flag": ("🏴󠁧󠁢󠁳󠁣󠁴󠁿", 14),
    "hangul jamo": ("\u1100\u1161\u11a8", 3),
}


@pytest.mark.parametrize("name", list(CLUSTERS))
def test_a_cluster_that_ends_at_unit_66_or_67_stays_in_the_first_part(name):
    cluster, size = CLUSTERS[name]
    assert len(cluster.encode("utf-16-le")) // 2 == size
    ends_66 = "Ж" * (66 - size) + cluster + "Ж" * 5
    assert (segment(ends_66).encoding, units_of(ends_66)) == (UCS2, [67, 4])
    assert texts_of(ends_66) == ["Ж" * (66 - size) + cluster + "Ж", "Ж" * 4]
    ends_67 = "Ж" * (67 - size) + cluster + "Ж" * 5
    assert units_of(ends_67) == [67, 5]
    assert texts_of(ends_67) == ["Ж" * (67 - size) + cluster, "Ж" * 5]


@pytest.mark.parametrize("name", list(CLUSTERS))
def test_a_cluster_that_would_end_at_unit_68_moves_whole_to_the_next_part(name):
    cluster, size = CLUSTERS[name]
    before = 68 - size
    message = "Ж" * before + cluster + "Ж" * 5
    assert units_of(message) == [before, size + 5]
    assert texts_of(message) == ["Ж" * before, cluster + "Ж" * 5]
    # A cluster that starts exactly at the second part.
    message = "Ж" * 67 + cluster + "Ж" * 5
    assert texts_of(message) == ["Ж" * 67, cluster + "Ж" * 5]
    assert units_of(message) == [67, size + 5]


def test_emoji_in_a_row_keep_their_surrogate_pairs_whole():
    assert units_of("A" + "😀" * 35) == [67, 4]  # 1 + 33 * 2 = 67
    assert texts_of("A" + "😀" * 35) == ["A" + "😀" * 33, "😀" * 2]
    assert units_of("😀" * 100) == [66, 66, 66, 2]


def test_flags_pair_regional_indicators_from_the_start_of_the_run():
    flags = "🇺🇸🇫🇷🇩🇪"  # three flags, 12 units
    message = "Ж" * 60 + flags
    assert units_of(message) == [64, 8]
    assert texts_of(message) == ["Ж" * 60 + "🇺🇸", "🇫🇷🇩🇪"]
    # An odd indicator stands alone: (🇦🇧)(🇨), the lone one is its own cluster.
    odd = "Ж" * 62 + "🇦🇧🇨" + "Ж" * 5
    assert texts_of(odd) == ["Ж" * 62 + "🇦🇧", "🇨" + "Ж" * 5]
    assert units_of(odd) == [66, 7]


def test_a_cluster_longer_than_a_part_is_cut_between_code_points():
    zalgo = "a" + "\u0301" * 80  # one cluster of 81 units
    assert units_of(zalgo) == [67, 14]
    assert texts_of(zalgo) == ["a" + "\u0301" * 66, "\u0301" * 14]
    # ... but never inside a surrogate pair.
    long_zwj = "\u200d".join(["👩"] * 30)  # 30 * 2 + 29 = 89 units, one cluster
    parts = segment(long_zwj).parts
    assert [part.units for part in parts] == [66, 23]  # 22 * (👩 + ZWJ) = 66: the next 👩 would end at 68
    assert parts[0].text == "👩\u200d" * 22
    assert "".join(part.text for part in parts) == long_zwj


def test_a_cluster_longer_than_a_part_is_not_moved_to_make_one_more_part():
    # Moving it would not keep it whole: it is cut where the part is full, 2 parts, not [4, 67, 14].
    message = "ЖЖЖЖ" + "a" + "\u0301" * 80
    assert units_of(message) == [67, 18]
    assert texts_of(message) == ["ЖЖЖЖa" + "\u0301" * 62, "\u0301" * 18]
    message = "Ж" * 4 + "\u200d".join(["👩"] * 30) + "Ж"
    assert units_of(message) == [67, 27]  # 4 + 21 * (👩 + ZWJ)
    # A cluster of exactly one part's size still moves whole.
    message = "ЖЖЖЖ" + "a" + "\u0301" * 66 + "Ж"
    assert units_of(message) == [4, 67, 1]
    assert texts_of(message) == ["ЖЖЖЖ", "a" + "\u0301" * 66, "Ж"]


def test_a_cluster_of_66_units_moved_whole_leaves_no_part_over_67():
    # Twilio's calculator says 2 here: it pushes the last Ж into a part already full (68 units).
    message = "ЖЖЖ" + "a" + "\u0301" * 65 + "ЖЖ"  # 71 units
    assert units_of(message) == [3, 67, 1]
    assert texts_of(message) == ["ЖЖЖ", "a" + "\u0301" * 65 + "Ж", "Ж"]


def test_a_ucs2_message_cuts_gsm_text_at_code_units():
    # In UCS-2 the extension characters are one UTF-16 unit each.
    message = "€" * 70 + "’"
    assert (segment(message).encoding, units_of(message)) == (UCS2, [67, 4])


# ---------------------------------------------------------------------------------------------
# CR LF, empty input


def test_cr_lf_counts_as_two_characters():
    assert segment("a\r\nb").units == 4
    assert units_of("a" * 158 + "\r\n") == [160]
    assert units_of("a" * 159 + "\r\n") == [153, 8]
    assert segment("Ж\r\nЖ").units == 4
    assert units_of("Ж" * 68 + "\r\n") == [70]
    assert units_of("Ж" * 69 + "\r\n") == [67, 4]


def test_cr_lf_may_be_cut_apart_at_a_boundary_like_the_calculators_do():
    message = "a" * 152 + "\r\n" + "a" * 10
    assert texts_of(message) == ["a" * 152 + "\r", "\n" + "a" * 10]
    assert units_of(message) == [153, 11]
    message = "Ж" * 66 + "\r\n" + "Ж" * 5
    assert units_of(message) == [67, 6]


def test_the_empty_message_is_one_gsm_part_of_zero_units():
    result = segment("")
    assert (result.encoding, result.characters, result.units, result.message_parts) == (GSM7, 0, 0, 1)
    assert result.to_dict() == {
        "Encoding": "GSM-7", "MessageParts": 1, "Characters": 0, "Units": 0, "MaxUnitsPerPart": 160,
        "Parts": [{"Text": "", "Units": 0}], "NonGsmCharacters": [], "FitsServiceLimit": True,
    }  # fmt: skip
    assert segment("", UCS2).to_dict()["MaxUnitsPerPart"] == 70


# ---------------------------------------------------------------------------------------------
# Forced encodings


def test_forcing_gsm7_on_text_that_needs_ucs2_is_an_encoding_error():
    with pytest.raises(EncodingError) as caught:
        segment("Dr. Salazar’s office, ça va? 😀’", GSM7)
    assert caught.value.characters == ["’", "ç", "😀"]
    assert str(caught.value) == (
        "the message cannot be encoded in GSM-7: '’' (U+2019), 'ç' (U+00E7), '😀' (U+1F600) not in the GSM 03.38 "
        "character set"
    )
    assert isinstance(caught.value, ValueError)
    with pytest.raises(EncodingError) as caught:
        segment("tab\there", GSM7)
    assert "U+0009 not in" in str(caught.value)


def test_forcing_gsm7_on_gsm_text_is_the_same_as_auto():
    message = "a" * 152 + "€" + "b" * 10
    assert segment(message, GSM7).to_dict() == segment(message).to_dict()


def test_forcing_ucs2_on_gsm_text_counts_utf16_units():
    result = segment("A" * 71, UCS2)
    assert (result.encoding, units_of("A" * 71, UCS2), result.non_gsm) == (UCS2, [67, 4], [])
    assert segment("€" * 70, UCS2).units == 70  # one unit each, no escape
    assert units_of("€" * 80, UCS2) == [67, 13]
    assert units_of("Hello", UCS2) == [5]


def test_an_unknown_encoding_is_a_value_error():
    with pytest.raises(ValueError, match="unknown encoding 'latin-1'"):
        segment("x", "latin-1")


def test_non_gsm_characters_are_distinct_in_order_of_appearance():
    assert segment("a’b“c’d”“").non_gsm == ["’", "“", "”"]
    assert segment("Grüße").non_gsm == []  # ü is GSM, ß too
    assert segment("garçon").non_gsm == ["ç"]


# ---------------------------------------------------------------------------------------------
# The service limits: 1530 septets, 630 UTF-16 units


def test_the_gsm7_service_limit_is_1530_septets():
    assert segment("a" * 1530).fits_service_limit is True
    assert segment("a" * 1530).message_parts == 10
    assert segment("a" * 1531).fits_service_limit is False
    assert segment("a" * 1531).message_parts == 11
    assert segment("€" * 765).fits_service_limit is True  # 1530 septets
    assert segment("€" * 765 + "a").fits_service_limit is False
    assert segment("a" * 1530).to_dict()["FitsServiceLimit"] is True


def test_the_ucs2_service_limit_is_630_units():
    assert segment("Ж" * 630).fits_service_limit is True
    assert segment("Ж" * 630).message_parts == 10
    assert segment("Ж" * 631).fits_service_limit is False
    assert segment("😀" * 315).fits_service_limit is True
    assert segment("😀" * 315 + "Ж").fits_service_limit is False
    assert segment("A" * 631, UCS2).fits_service_limit is False


# ---------------------------------------------------------------------------------------------
# Properties

ATOMS_GSM = list(GSM_BASIC) + EXTENSION
# Clusters that never merge with their neighbours, so their boundaries are the only ones.
ATOMS_UCS2 = ATOMS_GSM + ["Ж", "’", "ç", "中", "😀", "🎉", "❤️", "e\u0301", "🇺🇸", "👍🏽", "👨‍👩‍👧‍👦", "한", "\u1100\u1161\u11a8"]


def oracle_units(text: str, encoding: str) -> int:
    if encoding == GSM7:
        return sum(2 if character in GSM_EXTENSION else 1 for character in text)
    return len(text.encode("utf-16-le")) // 2


def check_invariants(text: str, encoding: str = "auto") -> None:
    result = segment(text, encoding)
    parts = result.parts
    if encoding == "auto":
        assert (result.encoding == GSM7) == all(character in GSM_CHARACTERS for character in text)
    assert "".join(part.text for part in parts) == text
    assert result.units == oracle_units(text, result.encoding)
    assert sum(part.units for part in parts) == result.units
    for part in parts:
        assert part.units == oracle_units(part.text, result.encoding)
        assert part.units <= result.max_units_per_part
    single = 160 if result.encoding == GSM7 else 70
    assert (len(parts) == 1) == (result.units <= single)
    assert result.max_units_per_part == (single if len(parts) == 1 else {GSM7: 153, UCS2: 67}[result.encoding])
    assert all(part.text for part in parts) or text == ""
    assert result.fits_service_limit == (result.units <= (1530 if result.encoding == GSM7 else 630))
    assert result.non_gsm == list(dict.fromkeys(c for c in text if c not in GSM_CHARACTERS))


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=800))
def test_any_text_rejoins_and_no_part_is_over_its_limit(text):
    check_invariants(text)
    check_invariants(text, UCS2)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ATOMS_GSM), max_size=700))
def test_gsm_parts_are_greedy_and_never_split_an_escape_pair(atoms):
    text = "".join(atoms)
    check_invariants(text)
    result = segment(text)
    assert result.encoding == GSM7
    start = 0
    for part in result.parts[:-1]:
        start += len(part.text)
        following = oracle_units(text[start], GSM7)
        assert part.units + following > 153  # the next character did not fit: no part ends early


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ATOMS_UCS2), max_size=300))
def test_ucs2_parts_end_at_cluster_boundaries_and_are_greedy(atoms):
    text = "".join(atoms)
    check_invariants(text)
    result = segment(text)
    boundaries = {0}
    position = 0
    for atom in atoms:
        position += len(atom)
        boundaries.add(position)
    start = 0
    for part in result.parts[:-1]:
        start += len(part.text)
        if result.encoding == UCS2:
            assert start in boundaries, (text[:start][-3:], text[start:][:3])
        # the next cluster did not fit (GSM-7: the next character)
        following = next(atom for atom, end in _atom_ends(atoms) if end > start)
        limit = 153 if result.encoding == GSM7 else 67
        assert part.units + oracle_units(following, result.encoding) > limit


def _atom_ends(atoms):
    position = 0
    for atom in atoms:
        position += len(atom)
        yield atom, position


# ---------------------------------------------------------------------------------------------
# The smart replacements (smscli.sms.replacements)


def test_every_replacement_turns_a_non_gsm_character_into_gsm_characters():
    for character, replacement in replacements.REPLACEMENTS.items():
        assert character not in GSM_CHARACTERS, character
        assert all(c in GSM_CHARACTERS for c in replacement), (character, replacement)
    assert not any(letter in replacements.REPLACEMENTS for letter in "çÇéàöЖ中")  # letters are never changed


def test_apply_reports_each_character_once_in_order_of_first_appearance():
    assert replacements.apply("plain") == ("plain", [])
    assert replacements.apply("”a“b”\u200bc…") == ('"a"b"c...', [
        {"Character": "”", "Replacement": '"', "Count": 2},
        {"Character": "“", "Replacement": '"', "Count": 1},
        {"Character": "\u200b", "Replacement": "", "Count": 1},
        {"Character": "…", "Replacement": "...", "Count": 1},
    ])  # fmt: skip
    assert replacements.apply("ｆｕｌｌ｀") == ("full'", [
        {"Character": "ｆ", "Replacement": "f", "Count": 1}, {"Character": "ｕ", "Replacement": "u", "Count": 1},
        {"Character": "ｌ", "Replacement": "l", "Count": 2}, {"Character": "｀", "Replacement": "'", "Count": 1},
    ])  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(replacements.REPLACEMENTS) + list("aé€Ж😀")), max_size=200))
def test_apply_equals_a_character_by_character_translation(text):
    replaced, made = replacements.apply(text)
    assert replaced == "".join(replacements.REPLACEMENTS.get(character, character) for character in text)
    assert [item["Character"] for item in made] == list(dict.fromkeys(c for c in text if c in replacements.REPLACEMENTS))
    assert sum(item["Count"] for item in made) == sum(c in replacements.REPLACEMENTS for c in text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ATOMS_UCS2), max_size=400).map("".join) | st.text(alphabet=st.sampled_from("a €\n"), max_size=400))
def test_measure_is_the_encoding_units_and_parts_of_segment(text):
    result = segment(text)
    assert measure(text) == (result.encoding, result.units, result.message_parts)
