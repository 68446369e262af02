"""The AWS CLI's shorthand syntax for structures, maps and lists of structures, parsed exactly as
the AWS CLI parses it (its parser is the oracle of tests/test_shorthand.py).

Grammar (whitespace is allowed around `,` `=` `[` `]` `{` `}`)::

    parameter  = keyval *("," keyval)                 ; a key may appear once
    keyval     = key ["@"] "=" [values]               ; "@=" reads file:// or fileb:// values
    key        = *(ALPHA / DIGIT / "-" / "_" / "." / "#" / "/" / ":")
    values     = explicit-list / hash-literal / csv
    csv        = first-value *("," second-value)      ; a,b,c is a list, a alone a string
    explicit-list = "[" [item *("," item)] "]"
    hash-literal  = "{" [key ["@"] "=" item *("," key ["@"] "=" item)] "}"
    item       = explicit-list / hash-literal / first-value

A first value may hold `=`, `[` and `{` (not as its first character) but not `,` `]` `}` or quotes;
a second value also stops at `=`, which is how `Name=x,Values=a,b,Other=c` finds `Other` as the next
key (the parser backs up to the last comma). `\\,` is a literal comma; '...' and "..." quote, with
`\\'`, `\\"` and `\\\\` as escapes. Values are right-trimmed. An empty value is the empty string.

When the AWS CLI uses shorthand at all (the caller, smscli.parsing.request, follows this): only for
structure, map and list-of-structure/list/map parameters, and only when the value (or the first
value of a list) does not start with `[` or `{`, which means JSON. Lists of scalars are never
shorthand. After parsing, `to_model` coerces the result by the service model as the AWS CLI does.
"""

from __future__ import annotations

import re
import string
from functools import cache

_KEY_CHARS = frozenset(string.ascii_letters + string.digits + "-_.#/:")
_WHITESPACE = frozenset(string.whitespace)

# Character classes of the AWS CLI's grammar (ranges of code points).
_START = r"!#-&(-+\--<>-Z\\-z|-\uffff"
_FIRST_FOLLOW = r"\s!#-&(-+\--\\^-|~-\uffff"
_SECOND_FOLLOW = r"\s!#-&(-+\--<>-\uffff"
_VALUE_PATTERNS = {
    "first": rf"(\\,|[{_START}])(\\,|[{_FIRST_FOLLOW}])*",
    "second": rf"(\\,|[{_START}])(\\,|[{_SECOND_FOLLOW}])*",
    "singled quoted": r"'(?:\\'|[^'])*'",
    "double quoted": r'"(?:\\"|[^"])*"',
}


@cache
def _regex(name: str) -> re.Pattern:
    """Compiled on first use: these classes are large and compiling them costs startup time."""
    return re.compile(_VALUE_PATTERNS[name])


class ShorthandParseError(ValueError):
    """A shorthand value that does not parse; the message points at the place with a caret."""

    def __init__(self, text: str, index: int, headline: str, footer: str = ""):
        self.text = text
        self.index = index
        super().__init__(f"{headline} for input:\n{_pointer(text, index)}{footer}")


def _pointer(text: str, index: int) -> str:
    """The input with a caret under `index` (on the line where `index` falls)."""
    before = text[:index]
    column = index - before.rindex("\n") - 1 if "\n" in before else index
    newline = text.find("\n", index)
    shown, rest = (text, "") if newline < 0 else (text[:newline], text[newline:])
    return f"{shown}\n{' ' * column}^{rest}"


def _syntax_error(text: str, index: int, expected: str, received: str) -> ShorthandParseError:
    return ShorthandParseError(text, index, f"Expected: '{expected}', received: '{received}'")


def _no_files(reference: str):
    raise ShorthandParseError(reference, 0, "Files cannot be read here")


def parse(value: str, *, read_file=None) -> dict:
    """`Name=status,Values=ACTIVE,PENDING` -> {"Name": "status", "Values": ["ACTIVE", "PENDING"]}."""
    return _Parser(value, read_file or _no_files).parameter()


class _Parser:
    def __init__(self, text: str, read_file):
        self.text = text
        self.at = 0
        self.read_file = read_file
        self.from_file = False  # inside a `key@=` value

    # -- grammar -----------------------------------------------------------------------------

    def parameter(self) -> dict:
        result: dict = {}
        key, value = self.keyval()
        result[key] = value
        end_of_last = self.at
        while not self.at_end():
            self.expect(",", skip_space=True)
            key, value = self.keyval()
            if key in result:
                raise ShorthandParseError(
                    self.text,
                    end_of_last + 1,
                    f'Second instance of key "{key}" encountered',
                    '\nThis is often because there is a preceding "," instead of a space.',
                )
            result[key] = value
            end_of_last = self.at
        return result

    def keyval(self):
        key = self.key()
        self.assignment()
        return key, self.values()

    def assignment(self) -> None:
        """`=` or `@=`; the latter makes the value's file:// reference be read."""
        self.from_file = False
        try:
            self.expect("@", skip_space=True)
            self.from_file = True
        except ShorthandParseError:
            pass  # a plain "="
        self.expect("=", skip_space=True)

    def key(self) -> str:
        start = self.at
        while not self.at_end() and self.text[self.at] in _KEY_CHARS:
            self.at += 1
        return self.text[start : self.at]

    def values(self):
        if self.at_end():
            return ""
        if self.current() == "[":
            return self.explicit_list()
        if self.current() == "{":
            return self.hash_literal()
        return self.csv()

    def csv(self):
        first = self.first_value()
        self.skip_space()
        if self.at_end() or self.current() != ",":
            return first
        self.expect(",", skip_space=True)
        items = [first]
        while True:
            try:
                item = self.second_value()
                self.skip_space()
                if self.at_end():
                    items.append(item)
                    break
                self.expect(",", skip_space=True)
                items.append(item)
            except ShorthandParseError:
                if self.at_end():
                    raise
                self.back_to(",")  # the item was really the next key: leave it to parameter()
                break
        return first if len(items) == 1 else items

    def explicit_list(self) -> list:
        self.expect("[", skip_space=True)
        items = []
        while self.current() != "]":
            items.append(self.item())
            self.skip_space()
            if self.current() != "]":
                self.expect(",")
                self.skip_space()
        self.expect("]")
        return items

    def hash_literal(self) -> dict:
        self.expect("{", skip_space=True)
        result: dict = {}
        while self.current() != "}":
            key = self.key()
            self.assignment()
            value = self.item()
            self.skip_space()
            if self.current() != "}":
                self.expect(",")
                self.skip_space()
            result[key] = value
        self.expect("}")
        return result

    def item(self):
        if self.current() == "[":
            return self.explicit_list()
        if self.current() == "{":
            return self.hash_literal()
        return self.first_value()

    def first_value(self):
        if self.current() in ("'", '"'):
            return self.quoted()
        match = _regex("first").match(self.text, self.at)
        if match is None:
            return ""
        self.at = match.end()
        return self.resolved(match.group(0).replace("\\,", ",").rstrip())

    def second_value(self):
        if self.current() in ("'", '"'):
            return self.quoted()
        return self.resolved(self.consume("second").replace("\\,", ",").rstrip())

    def quoted(self):
        quote = self.current()
        text = self.consume("singled quoted" if quote == "'" else "double quoted")[1:-1]
        return self.resolved(text.replace("\\" + quote, quote).replace("\\\\", "\\"))

    def resolved(self, value: str):
        if self.from_file and value.startswith(("file://", "fileb://")):
            return self.read_file(value)
        return value

    # -- scanning ----------------------------------------------------------------------------

    def at_end(self) -> bool:
        return self.at >= len(self.text)

    def current(self) -> str | None:
        return None if self.at_end() else self.text[self.at]

    def skip_space(self) -> None:
        while not self.at_end() and self.text[self.at] in _WHITESPACE:
            self.at += 1

    def expect(self, char: str, *, skip_space: bool = False) -> None:
        if skip_space:
            self.skip_space()
        if self.at_end():
            raise _syntax_error(self.text, self.at, char, "EOF")
        if self.text[self.at] != char:
            raise _syntax_error(self.text, self.at, char, self.text[self.at])
        self.at += 1
        if skip_space:
            self.skip_space()

    def consume(self, name: str) -> str:
        match = _regex(name).match(self.text, self.at)
        if match is None:
            raise _syntax_error(self.text, self.at, f"<{name}>", "<none>")
        self.at = match.end()
        return match.group(0)

    def back_to(self, char: str) -> None:
        while self.at >= 0 and self.text[self.at] != char:
            self.at -= 1


# ---------------------------------------------------------------------------------------------
# Coercion by the service model


def to_model(value, shape_name: str, shapes: dict):
    """Shape a parsed value by the model, as the AWS CLI does after parsing shorthand: a scalar where
    a list belongs becomes a one-item list; integers, floats and 'true'/'false' booleans are
    converted; unknown keys stay for validation to report. The top-level value itself is never
    replaced (only what it contains). Raises ValueError for a number that is not one."""
    _coerce_inside(value, shapes[shape_name], shapes)
    return value


def _coerce_inside(value, shape: dict, shapes: dict) -> None:
    kind = shape["type"]
    if kind == "structure" and isinstance(value, dict):
        for member, reference in shape["members"].items():
            if member in value:
                _coerce_slot(value, member, shapes[reference["shape"]], shapes)
    elif kind == "list" and isinstance(value, list):
        for index in range(len(value)):
            _coerce_slot(value, index, shapes[shape["member"]], shapes)
    elif kind == "map" and isinstance(value, dict):
        for key in list(value):
            _coerce_slot(value, key, shapes[shape["value"]], shapes)


def _coerce_slot(container, slot, shape: dict, shapes: dict) -> None:
    value = container[slot]
    if value is None:
        return
    kind = shape["type"]
    if kind == "list" and not isinstance(value, list):
        container[slot] = [value]
    elif kind in ("structure", "list", "map"):
        _coerce_inside(value, shape, shapes)
    elif kind in ("integer", "long"):
        container[slot] = _number(int, value)
    elif kind in ("float", "double"):
        container[slot] = _number(float, value)
    elif kind == "boolean" and isinstance(value, str) and value.lower() in ("true", "false"):
        container[slot] = value.lower() == "true"


def _number(kind, value):
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ValueError(f"invalid {'integer' if kind is int else 'number'} value: {value!r}") from None
