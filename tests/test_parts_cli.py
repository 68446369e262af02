"""`smscli parts`: the JSON contract, text and table views, --encoding, --smart, --file, stdin, --batch,
--strict and the exit codes of the README (252 a bad command line or input, 254 what the service
would refuse)."""

from __future__ import annotations

import io
import json
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_process
from smscli.cli import parts as parts_cli
from smscli.cli.parts import STRICT_EXIT
from smscli.sms.segments import segment

BILL = (
    "Hello Carlos. Your Example Corp. bill of $100 is now available. Autopay is scheduled for next Thursday, "
    "April 9. To view the details of your bill, go to https://example.com/bill1."
)
APPOINTMENT = (
    "John: Your appointment with Dr. Salazar’s office is scheduled for next Thursday at 4:30pm. Reply YES to "
    "confirm, NO to reschedule."
)
FIXED = APPOINTMENT.replace("’", "'")


@pytest.fixture
def stdin(monkeypatch):
    """Give standard input these bytes (the command reads sys.stdin.buffer)."""

    def feed(data: bytes | str) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))

    return feed


def lines_of(result) -> list[dict]:
    return [json.loads(line) for line in result.out.splitlines()]


# ---------------------------------------------------------------------------------------------
# --output json: the contract of sms-encoding.md


def test_json_contract_of_a_two_part_gsm_message(smscli):
    result = smscli("parts", BILL, "--output", "json")
    assert result.code == 0, result.err
    assert result.json() == {
        "Encoding": "GSM-7",
        "MessageParts": 2,
        "Characters": 179,
        "Units": 179,
        "MaxUnitsPerPart": 153,
        "Parts": [{"Text": BILL[:153], "Units": 153}, {"Text": BILL[153:], "Units": 26}],
        "NonGsmCharacters": [],
        "FitsServiceLimit": True,
    }
    assert list(result.json()) == [
        "Encoding", "MessageParts", "Characters", "Units", "MaxUnitsPerPart", "Parts", "NonGsmCharacters", "FitsServiceLimit",
    ]  # fmt: skip


def test_json_contract_of_a_curly_quote_message_with_its_gsm_alternative(smscli):
    result = smscli("parts", APPOINTMENT, "--output", "json")
    assert result.code == 0, result.err
    assert result.json() == {
        "Encoding": "UCS-2",
        "MessageParts": 2,
        "Characters": 130,
        "Units": 130,
        "MaxUnitsPerPart": 67,
        "Parts": [{"Text": APPOINTMENT[:67], "Units": 67}, {"Text": APPOINTMENT[67:], "Units": 63}],
        "NonGsmCharacters": ["’"],
        "FitsServiceLimit": True,
        "GsmAlternative": {
            "Text": FIXED, "Encoding": "GSM-7", "MessageParts": 1, "Units": 130, "PartsSaved": 1,
            "Replacements": [{"Character": "’", "Replacement": "'", "Count": 1}],
        },
    }  # fmt: skip


def test_json_of_escape_pairs_emoji_and_the_empty_message(smscli):
    assert smscli("parts", "€" * 81, "--output", "json").json() == {
        "Encoding": "GSM-7", "MessageParts": 2, "Characters": 81, "Units": 162, "MaxUnitsPerPart": 153,
        "Parts": [{"Text": "€" * 76, "Units": 152}, {"Text": "€" * 5, "Units": 10}],
        "NonGsmCharacters": [], "FitsServiceLimit": True,
    }  # fmt: skip
    data = smscli("parts", "Ж" * 66 + "😀" + "Ж" * 5, "--output", "json").json()
    assert (data["Characters"], data["Units"], data["NonGsmCharacters"]) == (72, 73, ["Ж", "😀"])
    assert data["Parts"] == [{"Text": "Ж" * 66, "Units": 66}, {"Text": "😀" + "Ж" * 5, "Units": 7}]
    assert "GsmAlternative" not in data  # Ж has no GSM-7 stand-in
    assert smscli("parts", "", "--output", "json").json() == {
        "Encoding": "GSM-7", "MessageParts": 1, "Characters": 0, "Units": 0, "MaxUnitsPerPart": 160,
        "Parts": [{"Text": "", "Units": 0}], "NonGsmCharacters": [], "FitsServiceLimit": True,
    }  # fmt: skip


def test_json_is_the_default_when_not_on_a_terminal_and_query_applies(smscli):
    assert smscli("parts", "hello").json()["Encoding"] == "GSM-7"
    result = smscli("parts", APPOINTMENT, "--query", "[Encoding, MessageParts, GsmAlternative.MessageParts]")
    assert result.json() == ["UCS-2", 2, 1]


# ---------------------------------------------------------------------------------------------
# text and table


def test_text_output(smscli):
    result = smscli("parts", "Dr. Salazar’s office", "--output", "text")
    assert result.code == 0, result.err
    assert result.out == (
        "20\tUCS-2\tTrue\t70\t1\t20\n"
        "GSMALTERNATIVE\tGSM-7\t1\t0\tDr. Salazar's office\t20\n"
        "REPLACEMENTS\t’\t1\t'\n"
        "NONGSMCHARACTERS\t’\n"
        "PARTS\tDr. Salazar’s office\t20\n"
    )


def test_table_of_a_message_that_is_ucs2_only_because_of_a_curly_quote(smscli):
    result = smscli("parts", APPOINTMENT, "--output", "table")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[:8] == [
        "MessageParts",
        "",
        "Encoding                UCS-2",
        "Characters              130",
        "Units                   130 UTF-16 code units",
        "Parts                   2 (billed per part)",
        "Units per part          at most 67",
        "Fits the service limit  yes",
    ]
    assert "Not in GSM 03.38 (they make the message UCS-2): '’' (U+2019)" in lines
    assert "Part   Units   Text" in lines
    assert "   1      67   John: Your appointment with Dr. Salazar’s office is scheduled for" in lines
    assert "   2      63   ext Thursday at 4:30pm. Reply YES to confirm, NO to reschedule." in lines
    assert "GSM-7 version: 1 part instead of 2, saves 1 part (--smart applies it)" in lines
    assert "Replace '’' (U+2019) -> \"'\" ×1" in lines
    assert "John: Your appointment with Dr. Salazar's office is scheduled for next Thursday" in lines


def test_table_highlights_non_gsm_characters_in_colour(smscli):
    result = smscli("parts", "a’b Ж", "--output", "table", "--color", "on")
    assert result.code == 0, result.err
    highlighted = "\x1b[1;7;31m"
    assert f"a{highlighted}’\x1b[0m" in result.out and f"{highlighted}Ж\x1b[0m" in result.out
    assert "(U+2019), 'Ж' (U+0416)" in result.out
    assert "GSM-7 version" not in result.out  # Ж cannot be replaced: no GSM-7 version to offer


def test_table_of_a_gsm_message_shows_control_characters_and_no_non_gsm_line(smscli):
    result = smscli("parts", "Total: 5€\r\nThanks", "--output", "table")
    assert result.code == 0, result.err
    assert "Encoding                GSM-7" in result.out
    assert "Units                   18 septets" in result.out  # 17 characters, € is two septets
    assert "Total: 5€␍␊Thanks" in result.out
    assert "Not in GSM" not in result.out and "GSM-7 version" not in result.out


def test_table_of_a_message_beyond_the_service_limit(smscli):
    result = smscli("parts", "a" * 1531, "--output", "table")
    assert result.code == 0
    assert "Fits the service limit  NO: more than 1530 septets, a send would fail" in result.out
    assert "Parts                   11 (billed per part)" in result.out


# ---------------------------------------------------------------------------------------------
# --encoding


def test_encoding_gsm7_on_a_message_that_needs_ucs2_is_a_parameter_error(smscli):
    result = smscli("parts", "Ça va, ça?", "--encoding", "GSM-7")
    assert (result.code, result.out) == (252, "")
    assert result.err == (
        "smscli: [ERROR]: Parameter validation failed:\n"
        "Invalid value for parameter --encoding: the message cannot be encoded in GSM-7: 'ç' (U+00E7) not in the "
        "GSM 03.38 character set\n"
    )


def test_encoding_forced(smscli):
    data = smscli("parts", "A" * 71, "--encoding", "UCS-2", "--output", "json").json()
    assert (data["Encoding"], [part["Units"] for part in data["Parts"]]) == ("UCS-2", [67, 4])
    data = smscli("parts", "€" * 10, "--encoding", "ucs2", "--output", "json").json()
    assert (data["Encoding"], data["Units"]) == ("UCS-2", 10)
    data = smscli("parts", "Grüße", "--encoding", "gsm-7", "--output", "json").json()
    assert (data["Encoding"], data["Units"]) == ("GSM-7", 5)


def test_an_unknown_encoding_is_a_usage_error(smscli):
    result = smscli("parts", "x", "--encoding", "latin1")
    assert result.code == 252
    assert result.err.endswith(
        "smscli: error: argument --encoding: Invalid choice 'latin1', valid choices are:\n\nauto | GSM-7 | UCS-2\n"
    )


# ---------------------------------------------------------------------------------------------
# --smart


def test_smart_replaces_and_reports_the_parts_saved(smscli):
    data = smscli("parts", "--smart", APPOINTMENT, "--output", "json").json()
    assert (data["Encoding"], data["MessageParts"], data["Parts"]) == ("GSM-7", 1, [{"Text": FIXED, "Units": 130}])
    assert data["Replacements"] == [{"Character": "’", "Replacement": "'", "Count": 1}]
    assert (data["OriginalEncoding"], data["OriginalMessageParts"], data["PartsSaved"]) == ("UCS-2", 2, 1)


def test_smart_with_several_replacements(smscli):
    data = smscli("parts", "--smart", "“Hi” – it’s 5\u00a0pm… don’t", "--output", "json").json()
    assert data["Parts"] == [{"Text": "\"Hi\" - it's 5 pm... don't", "Units": 25}]
    assert data["Replacements"] == [
        {"Character": "“", "Replacement": '"', "Count": 1},
        {"Character": "”", "Replacement": '"', "Count": 1},
        {"Character": "–", "Replacement": "-", "Count": 1},
        {"Character": "’", "Replacement": "'", "Count": 2},
        {"Character": "\u00a0", "Replacement": " ", "Count": 1},
        {"Character": "…", "Replacement": "...", "Count": 1},
    ]
    assert (data["OriginalEncoding"], data["PartsSaved"]) == ("UCS-2", 0)


def test_smart_with_nothing_to_replace_and_with_letters_it_must_not_change(smscli):
    data = smscli("parts", "--smart", "plain text", "--output", "json").json()
    assert data["Replacements"] == [] and "PartsSaved" not in data
    data = smscli("parts", "--smart", "garçon’s", "--output", "json").json()
    assert (data["Encoding"], data["Parts"][0]["Text"], data["NonGsmCharacters"]) == ("UCS-2", "garçon's", ["ç"])
    assert data["PartsSaved"] == 0


def test_smart_makes_gsm7_possible_when_forced(smscli):
    result = smscli("parts", "--smart", "--encoding", "GSM-7", "it’s", "--output", "json")
    assert result.code == 0, result.err
    assert (result.json()["Encoding"], result.json()["OriginalEncoding"]) == ("GSM-7", "UCS-2")


def test_smart_table(smscli):
    result = smscli("parts", "--smart", APPOINTMENT, "--output", "table")
    assert "Replaced (--smart)" in result.out
    assert "Before: UCS-2, 2 parts; saved 1 part." in result.out
    assert "Encoding                GSM-7" in result.out


# ---------------------------------------------------------------------------------------------
# --file, standard input


def test_file_without_its_final_line_ending(smscli, tmp_path):
    path = tmp_path / "message.txt"
    path.write_bytes("Dr. Salazar’s office\n".encode())
    assert smscli("parts", "--file", str(path)).json()["Characters"] == 20
    path.write_bytes(b"two lines\r\nhere\r\n")
    assert smscli("parts", "--file", str(path)).json()["Parts"] == [{"Text": "two lines\r\nhere", "Units": 15}]
    path.write_bytes(b"kept\n\n")  # one final line ending is dropped, not two
    assert smscli("parts", "--file", str(path)).json()["Parts"][0]["Text"] == "kept\n"
    path.write_bytes(b"\xef\xbb\xbfwith a BOM")
    assert smscli("parts", "--file", str(path)).json()["NonGsmCharacters"] == []


def test_file_errors(smscli, tmp_path):
    result = smscli("parts", "--file", str(tmp_path / "missing.txt"))
    assert result.code == 252
    assert result.err == (
        f"smscli: [ERROR]: Error parsing parameter '--file': Unable to load paramfile {tmp_path / 'missing.txt'}: "
        "No such file or directory\n"
    )
    path = tmp_path / "latin1.txt"
    path.write_bytes("garçon".encode("latin-1"))
    result = smscli("parts", "--file", str(path))
    assert result.code == 252
    assert result.err == (
        "smscli: [ERROR]: Error parsing parameter '--file': the message is not UTF-8 text: 'utf-8' codec can't "
        "decode byte 0xe7 in position 3: invalid continuation byte\n"
    )


def test_standard_input(smscli, stdin):
    stdin("Dr. Salazar’s office\n")
    data = smscli("parts", "-").json()
    assert (data["Encoding"], data["Characters"]) == ("UCS-2", 20)
    stdin("from --file -\n")
    assert smscli("parts", "--file", "-").json()["Characters"] == 13
    stdin(b"\xff\xfe")
    result = smscli("parts", "-")
    assert result.code == 252
    assert result.err.startswith("smscli: [ERROR]: Error parsing parameter '-': the message is not UTF-8 text: ")


def test_the_message_once_and_at_least_once(smscli, tmp_path):
    result = smscli("parts", "text", "--file", str(tmp_path / "x"))
    assert result.code == 252
    assert "give the message once: as TEXT, with --file PATH, or on standard input (-)" in result.err
    result = smscli("parts", "--encoding", "UCS-2")
    assert result.code == 252
    assert "a message is required: smscli parts TEXT, --file PATH, or - to read standard input" in result.err


def test_help(smscli):
    result = smscli("parts", "--help")
    assert (result.code, result.err) == (0, "")
    assert "\nSYNOPSIS\n         parts [TEXT]\n         [--file <PATH>]\n         [--encoding <auto|GSM-7|UCS-2>]\n" in result.out
    for option in ("--file", "--encoding", "--smart", "--batch", "--strict"):
        assert f"\n       {option} (" in result.out
    assert f"{STRICT_EXIT} with --strict" in " ".join(result.out.split())
    assert smscli("parts", "help").out == smscli("parts", "-h").out == smscli("help", "parts").out == result.out
    assert smscli("parts", "hello", "--smart", "help").out == result.out, "help is the last word"


def test_the_word_help_is_counted_after_the_double_dash(smscli):
    result = smscli("parts", "--output", "json", "--", "help")
    assert (result.code, result.err) == (0, "")
    assert result.json() == {"Encoding": "GSM-7", "MessageParts": 1, "Characters": 4, "Units": 4, "MaxUnitsPerPart": 160,
                             "Parts": [{"Text": "help", "Units": 4}], "NonGsmCharacters": [], "FitsServiceLimit": True}  # fmt: skip
    result = smscli("parts", "--file", "help", "--output", "json")  # an option's value: the file named help
    assert (result.code, result.out) == (252, "")
    assert result.err.startswith("smscli: [ERROR]: Error parsing parameter '--file': Unable to load paramfile help: ")


def test_parts_alone_is_a_usage_error(smscli):
    result = smscli("parts")
    assert (result.code, result.out) == (252, "")
    assert result.err.endswith("smscli: error: a message is required: smscli parts TEXT, --file PATH, or - to read standard input\n")


# ---------------------------------------------------------------------------------------------
# --strict and the service limit


def test_beyond_the_service_limit_is_reported_and_exits_0_without_strict(smscli):
    result = smscli("parts", "a" * 1531, "--output", "json")
    assert result.code == 0 and result.err == ""
    assert (result.json()["FitsServiceLimit"], result.json()["MessageParts"]) == (False, 11)
    assert smscli("parts", "a" * 1530, "--strict", "--output", "json").code == 0


def test_strict_exits_with_the_code_a_send_would_get(smscli):
    assert STRICT_EXIT == 254  # DESIGN.md: the service refused the call
    result = smscli("parts", "a" * 1531, "--strict", "--query", "FitsServiceLimit")
    assert (result.code, result.out) == (254, "false\n")
    assert result.err == (
        "smscli: [ERROR]: the message is 1531 septets of GSM-7, more than the service sends in one message (1530); "
        "a send would fail with ValidationException (MAXIMUM_SIZE_EXCEEDED).\n"
    )
    result = smscli("parts", "Ж" * 631, "--strict", "--query", "Units")
    assert result.code == 254
    assert "631 UTF-16 code units of UCS-2, more than the service sends in one message (630)" in result.err


# ---------------------------------------------------------------------------------------------
# --batch


def test_batch_plain_lines_in_order(smscli, stdin):
    stdin(f"hello\n{APPOINTMENT}\n\n{'€' * 81}\nlast line without a line end")
    result = smscli("parts", "--batch", "-")
    assert result.code == 0, result.err
    records = lines_of(result)
    assert [record["Characters"] for record in records] == [5, 130, 0, 81, 28]
    assert records[0] == segment("hello").to_dict()
    assert records[1]["GsmAlternative"]["PartsSaved"] == 1
    assert records[2]["Parts"] == [{"Text": "", "Units": 0}]  # an empty line is a message of no characters
    assert [part["Units"] for part in records[3]["Parts"]] == [152, 10]
    # Each line is the report `smscli parts TEXT --output json` gives, compact.
    assert result.out.splitlines()[1] == json.dumps(
        smscli("parts", APPOINTMENT, "--output", "json").json(), ensure_ascii=False, separators=(",", ":")
    )


def test_batch_json_lines_with_a_message_body(smscli, stdin):
    body = "line one\nline two {with braces}"
    stdin(
        json.dumps({"MessageBody": body, "Id": 7}) + "\n"
        + '{"MessageBody": ""}\n'
        + '{"NotABody": "x"}\n'
        + "{not json\n"
        + "plain\n"
    )  # fmt: skip
    records = lines_of(smscli("parts", "--batch", "-"))
    assert records[0]["Parts"] == [{"Text": body, "Units": 33}]
    assert records[1]["Characters"] == 0
    assert records[2]["Parts"][0]["Text"] == '{"NotABody": "x"}'  # not a record with a MessageBody: the line itself
    assert records[3]["Parts"][0]["Text"] == "{not json"
    assert records[4]["Parts"][0]["Text"] == "plain"


def test_batch_crlf_bom_and_file(smscli, tmp_path):
    path = tmp_path / "catalogue.txt"
    path.write_bytes("\ufeffone\r\ntwo’\r\n\r\nthree\r".encode())
    result = smscli("parts", "--batch", "--file", str(path))
    assert result.code == 0, result.err
    assert [record["Parts"][0]["Text"] for record in lines_of(result)] == ["one", "two’", "", "three\r"]
    assert lines_of(result)[0]["NonGsmCharacters"] == []


def test_batch_query_applies_to_each_line(smscli, stdin):
    stdin(f"hi\n{APPOINTMENT}\n")
    result = smscli("parts", "--batch", "-", "--query", "[Encoding, MessageParts, GsmAlternative.PartsSaved]")
    assert result.out == '["GSM-7",1,null]\n["UCS-2",2,1]\n'


def test_batch_smart_and_encoding(smscli, stdin):
    stdin(f"{APPOINTMENT}\nok\n")
    records = lines_of(smscli("parts", "--batch", "-", "--smart"))
    assert [(record["Encoding"], record["MessageParts"], record.get("PartsSaved")) for record in records] == [
        ("GSM-7", 1, 1), ("GSM-7", 1, None),
    ]  # fmt: skip
    stdin("ok\nA€\n")
    records = lines_of(smscli("parts", "--batch", "-", "--encoding", "UCS-2"))
    assert [(record["Encoding"], record["Units"]) for record in records] == [("UCS-2", 2), ("UCS-2", 2)]


def test_batch_encoding_error_names_the_line_after_the_lines_before_it(smscli, stdin):
    stdin("fine\nnot ça\nnever read\n")
    result = smscli("parts", "--batch", "-", "--encoding", "GSM-7")
    assert result.code == 252
    assert [record["Parts"][0]["Text"] for record in lines_of(result)] == ["fine"]
    assert result.err == (
        "smscli: [ERROR]: Parameter validation failed:\n"
        "line 2: Invalid value for parameter --encoding: the message cannot be encoded in GSM-7: 'ç' (U+00E7) not in "
        "the GSM 03.38 character set\n"
    )


def test_batch_bad_utf8_line(smscli, stdin):
    stdin(b"one\ntwo\nthr\xe9e\nfour\n")
    result = smscli("parts", "--batch", "-")
    assert result.code == 252
    assert [record["Parts"][0]["Text"] for record in lines_of(result)] == ["one", "two"]
    assert result.err == (
        "smscli: [ERROR]: Error parsing parameter '--batch': line 3 is not UTF-8 text: 'utf-8' codec can't decode "
        "byte 0xe9 in position 3: invalid continuation byte\n"
    )


def test_batch_strict(smscli, stdin):
    stdin("ok\n" + "a" * 1531 + "\n" + "Ж" * 631 + "\n" + "ok\n")
    result = smscli("parts", "--batch", "-", "--strict")
    assert result.code == 254
    assert [record["FitsServiceLimit"] for record in lines_of(result)] == [True, False, False, True]  # all written
    assert result.err == (
        "smscli: [ERROR]: line 2: the message is 1531 septets of GSM-7, more than the service sends in one message "
        "(1530); a send would fail with ValidationException (MAXIMUM_SIZE_EXCEEDED). (2 messages in all)\n"
    )
    stdin("ok\n" + "a" * 1531 + "\n")
    assert smscli("parts", "--batch", "-").code == 0
    stdin("ok\n")
    assert smscli("parts", "--batch", "-", "--strict").code == 0


def test_batch_rejects_text_and_reads_nothing_from_an_empty_input(smscli, stdin):
    result = smscli("parts", "--batch", "hello")
    assert result.code == 252
    assert "--batch reads the messages from --file PATH or from standard input (-), not from TEXT" in result.err
    stdin(b"")
    result = smscli("parts", "--batch", "-")
    assert (result.code, result.out) == (0, "")


def test_batch_lines_across_read_blocks():
    # Blocks of a few bytes: CR LF, empty lines, a BOM and a bad line keep their places.
    data = "\ufeffa\r\n\r\nbé\n€€€\r\nlast".encode() + b"\n\xffbad\nafter\n"
    lines = parts_cli._batch_lines(io.BytesIO(data), size=3)
    assert [next(lines) for _ in range(5)] == ["a", "", "bé", "€€€", "last"]
    with pytest.raises(parts_cli._NotUtf8, match="line 6 is not UTF-8 text"):
        next(lines)
    assert list(parts_cli._batch_lines(io.BytesIO(b"x\ny"), size=1)) == ["x", "y"]


def test_batch_as_a_process_over_several_read_blocks():
    messages = [f"message {number} {'’' if number % 5 == 0 else ''}{'€' * (number % 90)}" for number in range(3000)]
    result = run_process("parts", "--batch", "-", input="\n".join(messages) + "\n")
    assert result.code == 0, result.err
    records = lines_of(result)
    assert len(records) == 3000
    assert [record["Parts"][0]["Text"][:13] for record in records] == [message[:13] for message in messages]
    assert records[2999] == segment(messages[2999]).to_dict()


# The fast writer of the plain --batch path gives the bytes the JSON encoder gives for the report.
ALPHABET = st.sampled_from(list("aZ0 \"\\\n\r\t\x00\x1f€[]’“”–…\u00a0çЖ中😀🇺🇸\u200d\u0301\u2028/<>&'") + ["👍🏽"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=400).map("".join) | st.text(max_size=300))
def test_the_plain_batch_writer_equals_the_json_encoder(text):
    report = parts_cli.report(text)
    segmentation = segment(text)
    alternative = parts_cli.gsm_alternative(segmentation) if segmentation.non_gsm else None
    expected = json.dumps(report, ensure_ascii=False, separators=(",", ":"))
    assert parts_cli.plain_json_line(segmentation, alternative) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ0 \"\n\rÇéΔ@£_")), max_size=1700))
def test_the_basic_gsm_writer_equals_the_json_encoder(text):
    expected = json.dumps(parts_cli.report(text), ensure_ascii=False, separators=(",", ":"))
    assert parts_cli.basic_json_line(text, json.encoder.encode_basestring) == expected


def test_batch_writes_in_blocks_of_512_lines(monkeypatch):
    class Recorder:
        def __init__(self):
            self.writes = []

        def write(self, text):
            self.writes.append(text)

        def flush(self):
            pass

    recorder = Recorder()
    monkeypatch.setattr(sys, "stdout", recorder)
    lines = ["plain GSM text"] * 1100 + ["’"] * 5 + ["a" * 1531]
    parts_cli._run_batch(io.BytesIO(("\n".join(lines) + "\n").encode()), "auto", False, False, None)
    assert [text.count("\n") for text in recorder.writes] == [512, 512, 82]
    records = [json.loads(line) for line in "".join(recorder.writes).splitlines()]
    assert len(records) == 1106 and records[-1]["FitsServiceLimit"] is False and records[-2]["Encoding"] == "UCS-2"
