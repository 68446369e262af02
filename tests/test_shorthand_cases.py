"""The shorthand grammar: cases, error messages, and agreement with the AWS CLI's own parser."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smscli.parsing.shorthand import ShorthandParseError, parse, to_model

CASES = [
    ("a=b", {"a": "b"}),
    ("a=b,c=d", {"a": "b", "c": "d"}),
    ("Name=status,Values=ACTIVE,PENDING", {"Name": "status", "Values": ["ACTIVE", "PENDING"]}),
    ("Values=a,b,Name=x", {"Values": ["a", "b"], "Name": "x"}),
    ("a=", {"a": ""}),
    ("a=,b=c", {"a": "", "b": "c"}),
    ("a = b , c = d", {"a": "b", "c": "d"}),
    ("a=b=c", {"a": "b=c"}),
    ("url=https://x/y?z=1", {"url": "https://x/y?z=1"}),
    ("a=[]", {"a": []}),
    ("a=[b,c]", {"a": ["b", "c"]}),
    ("a=[ b , c ]", {"a": ["b", "c"]}),
    ("a=[[b],{c=d}]", {"a": [["b"], {"c": "d"}]}),
    ("US={ProtectStatus=ALLOW},CA={ProtectStatus=BLOCK}", {"US": {"ProtectStatus": "ALLOW"}, "CA": {"ProtectStatus": "BLOCK"}}),
    ("a={b={c=d}}", {"a": {"b": {"c": "d"}}}),
    ("a={}", {"a": {}}),
    ("a='x,y'", {"a": "x,y"}),
    ('a="x,y"', {"a": "x,y"}),
    (r"a='it\'s'", {"a": "it's"}),
    (r'a="say \"hi\""', {"a": 'say "hi"'}),
    (r"a=x\,y", {"a": "x,y"}),
    ("a=b ", {"a": "b"}),
    ("a=x y", {"a": "x y"}),
    ("a=b\nc", {"a": "b\nc"}),
    ("k.1#/:-_=v", {"k.1#/:-_": "v"}),
    ("=v", {"": "v"}),
    ("tags={key1=value1,key2=value2}", {"tags": {"key1": "value1", "key2": "value2"}}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_cases(text, expected):
    assert parse(text) == expected


ERRORS = [
    ("a", "Expected: '=', received: 'EOF' for input:\na\n ^"),
    ("a=b,", "Expected: '<second>', received: '<none>' for input:\na=b,\n    ^"),
    ("a=[b", "Expected: ',', received: 'EOF' for input:\na=[b\n    ^"),
    ("a={b=c", "Expected: ',', received: 'EOF' for input:\na={b=c\n      ^"),
    ("a='b", "Expected: '<singled quoted>', received: '<none>' for input:\na='b\n  ^"),
    ("a=b,a=c", 'Second instance of key "a" encountered for input:\na=b,a=c\n    ^\nThis is often because there is a preceding "," instead of a space.'),
    ("a={\nb}", "Expected: '=', received: '}' for input:\na={\nb}\n ^"),  # the caret on the failing line
]


@pytest.mark.parametrize("text, message", ERRORS)
def test_errors_point_at_the_place(text, message):
    with pytest.raises(ShorthandParseError) as raised:
        parse(text)
    assert str(raised.value) == message


def test_at_equals_reads_files_and_plain_equals_does_not():
    read = []

    def read_file(reference):
        read.append(reference)
        return "CONTENT"

    assert parse("a@=file://x.txt,b=file://y.txt", read_file=read_file) == {"a": "CONTENT", "b": "file://y.txt"}
    assert parse("a@=plain", read_file=read_file) == {"a": "plain"}
    assert read == ["file://x.txt"]


SHAPES = {
    "Req": {"type": "structure", "members": {"Filters": {"shape": "Filters"}, "Max": {"shape": "Int"}, "On": {"shape": "Bool"},
                                             "Map": {"shape": "Map"}}},
    "Filters": {"type": "list", "member": "Filter"},
    "Filter": {"type": "structure", "members": {"Name": {"shape": "Str"}, "Values": {"shape": "Values"}}},
    "Values": {"type": "list", "member": "Str"},
    "Map": {"type": "map", "key": "Str", "value": "Filter"},
    "Str": {"type": "string"},
    "Int": {"type": "integer"},
    "Bool": {"type": "boolean"},
}  # fmt: skip


def test_to_model_wraps_scalars_in_lists_and_converts_numbers_and_booleans():
    parsed = parse("Filters=[{Name=a,Values=x}],Max=5,On=TRUE,Map={k={Values=v}},Unknown=1")
    assert to_model(parsed, "Req", SHAPES) == {
        "Filters": [{"Name": "a", "Values": ["x"]}],
        "Max": 5,
        "On": True,
        "Map": {"k": {"Values": ["v"]}},
        "Unknown": "1",
    }
    assert to_model(parse("On=maybe"), "Req", SHAPES) == {"On": "maybe"}  # left for validation to refuse
    with pytest.raises(ValueError):
        to_model(parse("Max=lots"), "Req", SHAPES)


# ---------------------------------------------------------------------------------------------
# The AWS CLI's parser as the oracle


def aws_parse(text: str):
    from awscli.shorthand import ShorthandParseError as AwsError
    from awscli.shorthand import ShorthandParser

    try:
        return ("ok", ShorthandParser().parse(text))
    except AwsError as error:
        return ("error", str(error))


def ours(text: str):
    try:
        return ("ok", parse(text))
    except ShorthandParseError as error:
        return ("error", str(error))


@pytest.mark.parametrize("text", [text for text, _ in CASES] + [text for text, _ in ERRORS])
def test_the_aws_cli_agrees_on_every_case(text):
    pytest.importorskip("awscli")
    assert ours(text) == aws_parse(text)


ALPHABET = "ab=,[]{}'\"\\ @:/-.#\n"


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=16))
def test_any_text_parses_as_the_aws_cli_parses_it(text):
    pytest.importorskip("awscli")
    assert ours(text) == aws_parse(text)


_KEYS = st.text(alphabet="abcXY019-_.", min_size=1, max_size=5)
_SCALARS = st.text(alphabet="abcXYZ019-_./:+ ", min_size=1, max_size=6).map(str.strip).filter(bool)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(_KEYS, inner, max_size=3),
    ),
    max_leaves=6,
)


def to_shorthand(value) -> str:
    """Write a value as shorthand (the inverse of parse for values without odd characters)."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{key}={to_shorthand(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(to_shorthand(item) for item in value) + "]"
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_KEYS, _VALUES, min_size=1, max_size=4))
def test_written_shorthand_parses_back(value):
    text = ",".join(f"{key}={to_shorthand(item)}" for key, item in value.items())
    assert parse(text) == value
