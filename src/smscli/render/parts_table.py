"""The table view of `smscli parts`: the summary the console's "message part preview" shows
(encoding, characters, parts), the message with every non-GSM character highlighted, one row per
part, and the GSM-7 version when only replaceable characters make the message UCS-2.

Works on the report dict (the JSON contract), so the table never disagrees with --output json.
Control characters are drawn as visible symbols (␍ ␊ ␌ ␉); without colour the non-GSM characters
are listed by code point under the message.
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from smscli.render.tableout import _console
from smscli.sms.segments import GSM_CHARACTERS, SERVICE_LIMIT_UNITS, UNIT_NAMES, describe_character

_VISIBLE = {"\r": "␍", "\n": "␊", "\f": "␌", "\t": "␉"}
_HIGHLIGHT = "bold reverse red"


def format_parts_table(data: dict, *, color: bool, width: int = 80) -> str:
    console = _console(color, width)
    console.print(Text("MessageParts", style="bold underline"))
    console.print()
    console.print(_summary(data))
    console.print()
    console.print(Text("Message", style="bold"))
    console.print(_marked(_message_of(data), data["NonGsmCharacters"]))
    if data["NonGsmCharacters"]:
        shown = ", ".join(describe_character(character) for character in data["NonGsmCharacters"])
        console.print(Text(f"Not in GSM 03.38 (they make the message UCS-2): {shown}", style="italic"))
    console.print()
    console.print(_parts(data))
    if data.get("Replacements"):
        console.print()
        console.print(Text("Replaced (--smart)", style="bold"))
        console.print(Text(_replacements(data["Replacements"])))
        if "OriginalMessageParts" in data:
            console.print(Text(
                f"Before: {data['OriginalEncoding']}, {_count(data['OriginalMessageParts'], 'part')}; "
                f"saved {_count(data['PartsSaved'], 'part')}."
            ))  # fmt: skip
    alternative = data.get("GsmAlternative")
    if alternative:
        console.print()
        saved = alternative["PartsSaved"]
        console.print(Text(
            f"GSM-7 version: {_count(alternative['MessageParts'], 'part')} instead of {data['MessageParts']}"
            + (f", saves {_count(saved, 'part')}" if saved > 0 else ", same number of parts")
            + " (--smart applies it)", style="bold"
        ))  # fmt: skip
        console.print(Text(_replacements(alternative["Replacements"])))
        console.print(Text(_visible(alternative["Text"])))
    lines = console.file.getvalue().split("\n")
    return "\n".join(line.rstrip(" ") for line in lines)


def _summary(data: dict) -> Table:
    unit, limit = UNIT_NAMES[data["Encoding"]], SERVICE_LIMIT_UNITS[data["Encoding"]]
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    table.add_row("Encoding", data["Encoding"])
    table.add_row("Characters", str(data["Characters"]))
    table.add_row("Units", f"{data['Units']} {unit}")
    table.add_row("Parts", str(data["MessageParts"]) + (" (billed per part)" if data["MessageParts"] > 1 else ""))
    table.add_row("Units per part", f"at most {data['MaxUnitsPerPart']}")
    fits = "yes" if data["FitsServiceLimit"] else f"NO: more than {limit} {unit}, a send would fail"
    table.add_row("Fits the service limit", fits)
    return table


def _parts(data: dict) -> Table:
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, show_edge=False)
    table.add_column("Part", justify="right", no_wrap=True)
    table.add_column("Units", justify="right", no_wrap=True)
    table.add_column("Text", overflow="fold")
    non_gsm = data["NonGsmCharacters"]
    for number, part in enumerate(data["Parts"], 1):
        table.add_row(str(number), str(part["Units"]), _marked(part["Text"], non_gsm))
    return table


def _message_of(data: dict) -> str:
    return "".join(part["Text"] for part in data["Parts"])


def _marked(text: str, non_gsm: list[str]) -> Text:
    """The text with control characters made visible and every non-GSM character highlighted."""
    marked = Text()
    if not non_gsm:
        marked.append(_visible(text))
        return marked
    run = []
    for character in text:
        if character in GSM_CHARACTERS:
            run.append(_VISIBLE.get(character, character))
            continue
        if run:
            marked.append("".join(run))
            run = []
        marked.append(_VISIBLE.get(character, character), style=_HIGHLIGHT)
    if run:
        marked.append("".join(run))
    return marked


def _visible(text: str) -> str:
    for character, symbol in _VISIBLE.items():
        text = text.replace(character, symbol)
    return text


def _replacements(made: list[dict]) -> str:
    pairs = [f"{describe_character(item['Character'])} -> {item['Replacement']!r} ×{item['Count']}" for item in made]
    return "Replace " + "; ".join(pairs)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
