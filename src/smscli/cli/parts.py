"""`smscli parts`: how a text message is encoded and into how many billed parts it is cut.

The counting is smscli.sms.segments, the same code the send operations bill with. This module reads
the message(s), builds the report dict (the JSON contract of docs/sms-encoding.md plus a few
keys) and hands it to the renderers; `--batch` streams JSON Lines in constant memory.
"""

from __future__ import annotations

import sys

import typer

from smscli.errors import ParamError, ParamValidationError, SmscliError, UsageError
from smscli.sms import replacements
from smscli.sms.segments import SERVICE_LIMIT_UNITS, UNIT_NAMES, EncodingError, is_basic, measure, segment

STRICT_EXIT = 254  # the service would refuse the send (ValidationException, MAXIMUM_SIZE_EXCEEDED)

HELP = (
    "How a text message is encoded and into how many billed parts it is cut (the counting the send "
    "operations bill with).\n\n"
    "The message is TEXT, the content of --file PATH, or standard input with `-` (one final line ending of a "
    "file or of standard input is not part of the message). GSM-7 when every character is in the GSM 03.38 "
    "tables: 160 septets in one part, 153 per part when split, and ^ { } \\ [ ] ~ | € and form feed take two. "
    "Otherwise UCS-2: 70 UTF-16 code units, 67 per part, an emoji takes two. Escape pairs and surrogate pairs "
    "are never cut, and a grapheme cluster (a flag, an emoji sequence, a letter and its accents) is kept in one "
    "part where it fits. Output follows the global --output and --query: a table on a terminal, json when piped; "
    "--batch always writes JSON Lines (a line that is a JSON object with a MessageBody member is that message; "
    "an empty line is a message of no characters).\n\n"
    "Exit codes: 0 success; 252 a bad command line, unreadable input, or --encoding GSM-7 on a message that "
    f"needs UCS-2; {STRICT_EXIT} with --strict when a message is beyond what the service sends in one message "
    "(1530 septets or 630 UTF-16 code units): the exit code a send of it would get."
)

app = typer.Typer(name="parts", add_completion=False)


class ServiceLimitExceeded(SmscliError):
    """--strict: a message the service would refuse (MAXIMUM_SIZE_EXCEEDED)."""

    exit_code = STRICT_EXIT


@app.command("parts", help=HELP)
def parts(
    ctx: typer.Context,
    text: str = typer.Argument(None, metavar="TEXT", help="the message; `-` reads it from standard input", show_default=False),
    file: str = typer.Option(None, "--file", metavar="PATH", help="read the message from a file (`-`: standard input)"),
    encoding: str = typer.Option("auto", "--encoding", metavar="auto|GSM-7|UCS-2", help="force an encoding (default: auto)"),
    smart: bool = typer.Option(False, "--smart", help="replace look-alike characters (’ “ ” – — … no-break space, ...) first and report what was replaced"),
    batch: bool = typer.Option(False, "--batch", help="one message per input line (or JSON Lines with a MessageBody member); one JSON object per line out"),
    strict: bool = typer.Option(False, "--strict", help=f"exit {STRICT_EXIT} when a message is beyond the service limit"),
) -> None:
    encoding = _encoding(encoding)
    globals_ = ctx.obj
    if batch:
        if text not in (None, "-") and file is None:
            raise UsageError("--batch reads the messages from --file PATH or from standard input (-), not from TEXT")
        _run_batch(_open_binary(file if file is not None else "-"), encoding, smart, strict, globals_)
        return
    message = _read_message(text, file)
    data = report(message, encoding, smart)
    _show(data, globals_)
    if strict and not data["FitsServiceLimit"]:
        raise ServiceLimitExceeded(_limit_message(data))


# ---------------------------------------------------------------------------------------------
# The report


def report(text: str, encoding: str = "auto", smart: bool = False) -> dict:
    """The contract dict for one message; with `smart` the replacements are applied first."""
    try:
        if smart:
            replaced, made = replacements.apply(text)
            data = segment(replaced, encoding).to_dict()
            data["Replacements"] = made
            if made:
                before = segment(text, "auto" if encoding == "GSM-7" else encoding)
                data["OriginalEncoding"] = before.encoding
                data["OriginalMessageParts"] = before.message_parts
                data["PartsSaved"] = before.message_parts - data["MessageParts"]
            return data
        segmentation = segment(text, encoding)
    except EncodingError as error:
        raise ParamValidationError([f"Invalid value for parameter --encoding: {error}"]) from None
    data = segmentation.to_dict()
    if segmentation.non_gsm:
        add_alternative(data, segmentation)
    return data


def add_alternative(data: dict, segmentation) -> None:
    """When only replaceable characters (curly quotes, dashes, ...) make the message UCS-2: the
    GSM-7 version and the parts it would save, as data["GsmAlternative"]."""
    found = gsm_alternative(segmentation)
    if found is not None:
        data["GsmAlternative"] = found


def gsm_alternative(segmentation) -> dict | None:
    """The GSM-7 version of a UCS-2 message whose every non-GSM character is replaceable, else None."""
    table = replacements.REPLACEMENTS
    for character in segmentation.non_gsm:
        if character not in table:
            return None
    replaced, made = replacements.apply(segmentation.text)
    encoding, units, message_parts = measure(replaced)
    return {
        "Text": replaced,
        "Encoding": encoding,
        "MessageParts": message_parts,
        "Units": units,
        "PartsSaved": segmentation.message_parts - message_parts,
        "Replacements": made,
    }


def _encoding(value: str) -> str:
    names = {"auto": "auto", "gsm-7": "GSM-7", "gsm7": "GSM-7", "gsm": "GSM-7", "ucs-2": "UCS-2", "ucs2": "UCS-2"}
    chosen = names.get(value.lower())
    if chosen is None:
        from smscli.render.errors import format_invalid_value

        raise format_invalid_value("--encoding", value, ["auto", "GSM-7", "UCS-2"])
    return chosen


def _limit_message(data: dict, line: int | None = None) -> str:
    where = f"line {line}: " if line is not None else ""
    unit, limit = UNIT_NAMES[data["Encoding"]], SERVICE_LIMIT_UNITS[data["Encoding"]]
    return (
        f"{where}the message is {data['Units']} {unit} of {data['Encoding']}, more than the service sends in one "
        f"message ({limit}); a send would fail with ValidationException (MAXIMUM_SIZE_EXCEEDED)."
    )


# ---------------------------------------------------------------------------------------------
# Input


def _open_binary(path: str):
    if path == "-":
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as error:
        raise ParamError("--file", f"Unable to load paramfile {path}: {error.strerror or error}") from None


def _read_message(text: str | None, file: str | None) -> str:
    if text is not None and file is not None:
        raise UsageError("give the message once: as TEXT, with --file PATH, or on standard input (-)")
    if file is None and text is None:
        raise UsageError("a message is required: smscli parts TEXT, --file PATH, or - to read standard input")
    if file is None and text != "-":
        return text
    source = file if file is not None else "-"
    stream = _open_binary(source)
    try:
        raw = stream.read()
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    try:
        message = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ParamError("--file" if file is not None else "-", f"the message is not UTF-8 text: {error}") from None
    if message.startswith("\ufeff"):
        message = message[1:]
    if message.endswith("\r\n"):
        return message[:-2]
    return message[:-1] if message.endswith("\n") else message


# ---------------------------------------------------------------------------------------------
# Output


def _settings(globals_):
    from smscli import config
    from smscli.cli.output import OutputSettings

    get = globals_.get if globals_ is not None else (lambda key, default=None: default)
    profile = config.load_profile(get("profile"), {"region": get("region"), "output": get("output"), "color": get("color")})
    return OutputSettings.from_profile(profile, get("query"))


def _show(data: dict, globals_) -> None:
    settings = _settings(globals_)
    if settings.format == "table" and settings.query is None:
        from smscli.render import table_width
        from smscli.render.parts_table import format_parts_table

        from smscli.render.escape import write_text

        write_text(sys.stdout, format_parts_table(data, color=settings.color, width=table_width()))
        sys.stdout.flush()
        return
    from smscli.cli.output import write_output

    write_output(data, "MessageParts", settings, timestamps=False)


def _run_batch(stream, encoding: str, smart: bool, strict: bool, globals_) -> None:
    """JSON Lines out, one object per input line, in order, written in blocks (constant memory).

    The common case (no --encoding, --smart or --query) writes each line with basic_json_line or
    plain_json_line, the same bytes as the JSON encoder gives for the report dict, without building
    the dict."""
    import json

    query = None
    if globals_ is not None and globals_.get("query") is not None:
        from smscli.cli.output import compile_query

        query = compile_query(globals_.get("query"))
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    quote = json.encoder.encode_basestring
    loads = json.loads
    from smscli.render.escape import write_text

    def write(text: str) -> None:  # a lone surrogate of the input is written escaped, as in every output
        write_text(sys.stdout, text)

    block: list[str] = []
    first_over = None
    over = 0
    plain = encoding == "auto" and not smart and query is None
    number = 0
    try:
        for number, line in enumerate(_batch_lines(stream), 1):
            if line[:1] == "{":
                line = _json_body(line, loads)
            if plain:
                if is_basic(line):  # the common case, GSM-7 without escape pairs: no Segmentation built
                    block.append(basic_json_line(line, quote))
                    fits = len(line) <= 1530
                else:
                    segmentation = segment(line)
                    block.append(plain_json_line(segmentation, gsm_alternative(segmentation) if segmentation.non_gsm else None, quote))
                    fits = segmentation.fits_service_limit
                if not fits:
                    over += 1
                    if first_over is None:
                        first_over = (number, segment(line).to_dict())
            else:
                try:
                    data = report(line, encoding, smart)
                except ParamValidationError as error:
                    _flush(block, write)
                    raise ParamValidationError([f"line {number}: {problem}" for problem in error.problems]) from None
                if not data["FitsServiceLimit"]:
                    over += 1
                    if first_over is None:
                        first_over = (number, data)
                block.append(encode(data if query is None else query.search(data)))
            if len(block) >= 512:
                _flush(block, write)
    except _NotUtf8 as error:
        _flush(block, write)
        raise ParamError("--batch", str(error)) from None
    _flush(block, write)
    sys.stdout.flush()
    if strict and first_over is not None:
        line, data = first_over
        more = f" ({over} messages in all)" if over > 1 else ""
        raise ServiceLimitExceeded(_limit_message(data, line) + more)


def plain_json_line(segmentation, alternative: dict | None = None, quote=None) -> str:
    """The report of `segmentation` (and its GsmAlternative) as compact JSON, exactly what
    json.dumps(report, ensure_ascii=False, separators=(",", ":")) gives, several times faster.
    `quote` is json.encoder.encode_basestring (the C encoder's string quoting with ensure_ascii=False)."""
    if quote is None:
        from json.encoder import encode_basestring as quote

    parts = segmentation.parts
    if len(parts) == 1:
        text, units = parts[0]
        parts_json = f'{{"Text":{quote(text)},"Units":{units}}}'
    else:
        parts_json = ",".join([f'{{"Text":{quote(text)},"Units":{units}}}' for text, units in parts])
    line = (
        f'{{"Encoding":"{segmentation.encoding}","MessageParts":{len(parts)},"Characters":{segmentation.characters},'
        f'"Units":{segmentation.units},"MaxUnitsPerPart":{segmentation.max_units_per_part},"Parts":[{parts_json}],'
        f'"NonGsmCharacters":[{",".join(map(quote, segmentation.non_gsm))}],'
        f'"FitsServiceLimit":{"true" if segmentation.fits_service_limit else "false"}'
    )
    if alternative is None:
        return line + "}"
    made = ",".join([
        f'{{"Character":{quote(item["Character"])},"Replacement":{quote(item["Replacement"])},"Count":{item["Count"]}}}'
        for item in alternative["Replacements"]
    ])  # fmt: skip
    return (
        f'{line},"GsmAlternative":{{"Text":{quote(alternative["Text"])},"Encoding":"{alternative["Encoding"]}",'
        f'"MessageParts":{alternative["MessageParts"]},"Units":{alternative["Units"]},'
        f'"PartsSaved":{alternative["PartsSaved"]},"Replacements":[{made}]}}}}'
    )


def basic_json_line(text: str, quote) -> str:
    """plain_json_line(segment(text)) for a `text` of the GSM-7 basic table only (is_basic): one septet
    a character, so the parts are fixed-size slices (160 in one part, else 153)."""
    size = len(text)
    if size <= 160:
        return (
            f'{{"Encoding":"GSM-7","MessageParts":1,"Characters":{size},"Units":{size},"MaxUnitsPerPart":160,'
            f'"Parts":[{{"Text":{quote(text)},"Units":{size}}}],"NonGsmCharacters":[],"FitsServiceLimit":true}}'
        )
    last = (size - 1) // 153 * 153
    parts = [f'{{"Text":{quote(text[start : start + 153])},"Units":153}}' for start in range(0, last, 153)]
    parts.append(f'{{"Text":{quote(text[last:])},"Units":{size - last}}}')
    return (
        f'{{"Encoding":"GSM-7","MessageParts":{len(parts)},"Characters":{size},"Units":{size},"MaxUnitsPerPart":153,'
        f'"Parts":[{",".join(parts)}],"NonGsmCharacters":[],"FitsServiceLimit":{"true" if size <= 1530 else "false"}}}'
    )


class _NotUtf8(Exception):
    """A --batch input line that is not UTF-8 (raised once the lines before it have been given)."""


def _batch_lines(stream, size: int = 1 << 16):
    """The messages of a --batch input: its lines decoded, without their LF or CR LF, read and decoded
    a block of about `size` bytes at a time; a byte order mark before the first line is dropped."""
    number = 0
    while True:
        raws = stream.readlines(size)
        if not raws:
            return
        try:
            # Every CR LF ends a line (a message has no LF in it), so a block is cut at once.
            lines = b"".join(raws).decode("utf-8").replace("\r\n", "\n").split("\n")
            if lines[-1] == "":  # the block ends with a line end (only the input's last line may have none)
                lines.pop()
        except UnicodeDecodeError:
            lines = []
            for raw in raws:  # LF is never inside a UTF-8 sequence: one of the lines is not UTF-8
                try:
                    lines.append(_line_text(raw))
                except UnicodeDecodeError as error:
                    yield from _without_bom(lines, number)
                    raise _NotUtf8(f"line {number + len(lines) + 1} is not UTF-8 text: {error}") from None
        yield from _without_bom(lines, number)
        number += len(lines)


def _line_text(raw: bytes) -> str:
    text = raw.decode("utf-8")
    if text[-1:] == "\n":
        return text[:-2] if text[-2:] == "\r\n" else text[:-1]
    return text


def _without_bom(lines: list[str], number: int) -> list[str]:
    if number == 0 and lines and lines[0][:1] == "\ufeff":  # a byte order mark is not part of the first message
        lines[0] = lines[0][1:]
    return lines


def _json_body(line: str, loads) -> str:
    """A JSON Lines record: its MessageBody; a line that is not such a record is a message itself."""
    try:
        record = loads(line)
    except ValueError:
        return line
    if isinstance(record, dict) and isinstance(record.get("MessageBody"), str):
        return record["MessageBody"]
    return line


def _flush(block: list[str], write) -> None:
    if block:
        block.append("")
        write("\n".join(block))
        block.clear()
