"""Text the service cannot read never crashes smscli, never reaches the state file, and is never
echoed raw: an undecodable byte of the command line (Python decodes argv with surrogateescape, so
byte 0xFF becomes U+DCFF) or a lone surrogate of JSON input ("\\ud800") in any string member is a
ValidationException with Reason CANNOT_PARSE (exit 254) naming the member; output and error text
escape a lone surrogate instead of failing to write it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from smscli import spec

USAGE = "usage: smscli [options] <command> [parameters]\nTo see help text, you can run:\n\n  smscli help\n  smscli <command> help\n\n"


# ---------------------------------------------------------------------------------------------
# Every string member of every operation, through --cli-input-json


def _minimal(shape_name: str):
    """The smallest value of a shape that client-side validation accepts."""
    shape = spec.shape(shape_name)
    rules = {**shape, **shape.get("seed", {})}
    kind = shape["type"]
    if kind == "string":
        return rules["enum"][0] if "enum" in rules else "a" * max(rules.get("min", 1), 1)
    if kind in ("integer", "long"):
        return max(rules.get("min", 1), 1)
    if kind == "boolean":
        return True
    if kind == "blob":
        return "aGk="
    if kind == "timestamp":
        return "2026-02-01T00:00:00Z"
    if kind == "list":
        return [_minimal(shape["member"]) for _ in range(max(rules.get("min", 1), 1))]
    if kind == "map":
        return {}
    return {member: _minimal(shape["members"][member]["shape"]) for member in shape.get("required", ())}


def _string_members(shape_name: str, path: tuple = (), depth: int = 0):
    """(path, field name, string shape) of every free-text or patterned string reachable in a shape."""
    shape = spec.shape(shape_name)
    kind = shape["type"]
    if depth > 5:
        return
    if kind == "string" and "enum" not in {**shape, **shape.get("seed", {})}:
        yield path, shape_name
    elif kind == "structure":
        for member, definition in shape["members"].items():
            yield from _string_members(definition["shape"], (*path, member), depth + 1)
    elif kind == "list":
        yield from _string_members(shape["member"], (*path, 0), depth + 1)
    elif kind == "map":
        yield (*path, {}), shape["key"]  # the key itself
        yield from _string_members(shape["value"], (*path, "k"), depth + 1)


def _with_value(container, shape_name: str, path: tuple, value):
    shape = spec.shape(shape_name)
    head, rest = path[0], path[1:]
    if shape["type"] == "structure":
        inner = shape["members"][head]["shape"]
        container[head] = value if not rest else _with_value(container.get(head, _minimal(inner)), inner, rest, value)
        return container
    if shape["type"] == "list":
        container = container or [_minimal(shape["member"])]
        container[0] = value if not rest else _with_value(container[0], shape["member"], rest, value)
        return container
    if head == {}:  # a map's key
        return {value: _minimal(shape["value"])}
    return {"k": value if not rest else _with_value(_minimal(shape["value"]), shape["value"], rest, value)}


def _field_name(path: tuple) -> str:
    name = ""
    for step in path:
        if step == 0:
            name += "[0]"
        elif step == {}:
            pass
        else:
            name += f".{step}" if name else step
    return name


CASES = [
    pytest.param(op, path, shape, id=f"{op}-{_field_name(path) or 'key'}{'-key' if path[-1] == {} else ''}")
    for op in sorted(spec.operations())
    for path, shape in _string_members(spec.operation(op)["input"])
]


@pytest.mark.parametrize(("op", "path", "shape"), CASES)
def test_a_lone_surrogate_in_any_string_member_is_cannot_parse(smscli, home, op, path, shape):
    low = {**spec.shape(shape), **spec.shape(shape).get("seed", {})}.get("min", 1)
    text = "a" * max(low - 1, 0) + "\ud800"
    request = _with_value(_minimal(spec.operation(op)["input"]), spec.operation(op)["input"], path, text)
    result = smscli(spec.kebab(op), "--cli-input-json", json.dumps(request))
    assert result.code == 254, result.err
    assert result.out == ""
    assert "\nReason: CANNOT_PARSE\nFields:\n" in result.err
    member = "Member keys" if path[-1] == {} else "Member"
    why = f"{member} must be valid UTF-8 text: the unpaired surrogate \\ud800 cannot be encoded"
    assert f"  {_field_name(path)}: {why}\n" in result.err
    assert not (home / "state.json").exists()


def test_the_whole_refusal(smscli, home):
    request = {"OptOutListName": "ok", "Tags": [{"Key": "team", "Value": "caf\ud800"}, {"Key": "\udcff", "Value": "v"}]}
    result = smscli("create-opt-out-list", "--cli-input-json", json.dumps(request))
    assert (result.code, result.out) == (254, "")
    assert result.err == (
        "smscli: [ERROR]: An error occurred (ValidationException) when calling the CreateOptOutList operation: "
        "2 validation errors detected: "
        "Value at 'tags.1.member.value' failed to satisfy constraint: Member must be valid UTF-8 text: the unpaired "
        "surrogate \\ud800 cannot be encoded; "
        "Value at 'tags.2.member.key' failed to satisfy constraint: Member must be valid UTF-8 text: byte 0xFF cannot be "
        "decoded\n\n"
        "Additional error details:\nReason: CANNOT_PARSE\nFields:\n"
        "  Tags[0].Value: Member must be valid UTF-8 text: the unpaired surrogate \\ud800 cannot be encoded\n"
        "  Tags[1].Key: Member must be valid UTF-8 text: byte 0xFF cannot be decoded\n"
    )
    assert not (home / "state.json").exists()


# ---------------------------------------------------------------------------------------------
# The operations that store free text, as a real process with an undecodable byte in argv


def _process(*argv, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "smscli", *argv], capture_output=True, env=env or os.environ.copy())


@pytest.fixture(scope="module")
def seeded_home(tmp_path_factory):
    """A state with a phone number and a registration, so that sends, keywords and field values get as
    far as storing their text."""
    home = tmp_path_factory.mktemp("seeded")
    env = {**os.environ, "SMSCLI_HOME": str(home)}
    for variable in [name for name in env if name.startswith("AWS_")]:
        del env[variable]
    phone = json.loads(_process("request-phone-number", "--iso-country-code", "US", "--message-type", "TRANSACTIONAL",
                                "--number-capabilities", "SMS", "VOICE", "MMS", "--number-type", "SIMULATOR",
                                env=env).stdout)  # fmt: skip
    registration = json.loads(_process("create-registration", "--registration-type", "US_TEN_DLC_BRAND_REGISTRATION",
                                       env=env).stdout)  # fmt: skip
    return home, phone, registration


# (argv with {phone}/{registration}/{arn} placeholders, the member holding the bad text, its wire path)
STORING = [
    (["create-opt-out-list", "--opt-out-list-name", "x", "--tags", b"Key=team,Value=caf\xff"], "Tags[0].Value", "tags.1.member.value"),
    (["create-configuration-set", "--configuration-set-name", "x", "--tags", b"Key=\xff,Value=v"], "Tags[0].Key", "tags.1.member.key"),
    (["create-protect-configuration", "--tags", b"Key=team,Value=\xff"], "Tags[0].Value", "tags.1.member.value"),
    (["create-verified-destination-number", "--destination-phone-number", "+12065550142", "--tags", b"Key=k,Value=\xff"],
     "Tags[0].Value", "tags.1.member.value"),
    (["tag-resource", "--resource-arn", "{arn}", "--tags", b"Key=k,Value=\xfe"], "Tags[0].Value", "tags.1.member.value"),
    (["put-keyword", "--origination-identity", "{phone}", "--keyword", "JOIN", "--keyword-message", b"Welcome \xff"],
     "KeywordMessage", "keywordMessage"),
    (["send-text-message", "--destination-phone-number", "+14254147755", "--origination-identity", "{phone}",
      "--message-body", b"Hello \xff"], "MessageBody", "messageBody"),
    (["send-voice-message", "--destination-phone-number", "+14254147755", "--origination-identity", "{phone}",
      "--message-body", b"Hello \xff"], "MessageBody", "messageBody"),
    (["send-media-message", "--destination-phone-number", "+14254147755", "--origination-identity", "{phone}",
      "--message-body", b"Hello \xff"], "MessageBody", "messageBody"),
    (["send-text-message", "--destination-phone-number", "+14254147755", "--origination-identity", "{phone}",
      "--message-body", "hi", "--context", b"campaign=\xff"], "Context.campaign", "context.campaign.value"),
    (["put-registration-field-value", "--registration-id", "{registration}", "--field-path",
      "companyInfo.legalCompanyName", "--text-value", b"Caf\xe9 Corp"], "TextValue", "textValue"),
    (["request-sender-id", "--sender-id", "MyBrand", "--iso-country-code", "GB", "--tags", b"Key=k,Value=\xff"],
     "Tags[0].Value", "tags.1.member.value"),
]  # fmt: skip


def _fill(argv, phone, registration):
    values = {"{phone}": phone["PhoneNumberId"], "{registration}": registration["RegistrationId"], "{arn}": phone["PhoneNumberArn"]}
    return [values.get(token, token) if isinstance(token, str) else token for token in argv]


@pytest.mark.parametrize(("argv", "field", "path"), STORING, ids=[f"{case[0][0]}-{case[1]}" for case in STORING])
def test_an_undecodable_byte_in_argv_is_refused_and_nothing_is_stored(seeded_home, argv, field, path):
    home, phone, registration = seeded_home
    env = {**os.environ, "SMSCLI_HOME": str(home)}
    state = home / "state.json"
    before = state.read_bytes()
    argv = _fill(argv, phone, registration)
    byte = next(token for token in argv if isinstance(token, bytes)).decode("utf-8", "surrogateescape")
    bad = next(f"0x{ord(c) - 0xDC00:02X}" for c in byte if 0xDC80 <= ord(c) <= 0xDCFF)
    result = _process(*argv, env=env)
    assert (result.returncode, result.stdout) == (254, b"")
    operation = spec.command_names()[argv[0]]
    why = f"Member must be valid UTF-8 text: byte {bad} cannot be decoded"
    assert result.stderr.decode() == (
        f"smscli: [ERROR]: An error occurred (ValidationException) when calling the {operation} operation: "
        f"1 validation error detected: Value at '{path}' failed to satisfy constraint: {why}\n\n"
        f"Additional error details:\nReason: CANNOT_PARSE\nFields:\n  {field}: {why}\n"
    )
    assert state.read_bytes() == before
    # the same text as a JSON escape in --cli-input-json
    text_argv = [re.sub("[\udc80-\udcff]", "\ud800", token.decode("utf-8", "surrogateescape"))
                 if isinstance(token, bytes) else token for token in argv]  # fmt: skip
    result = _process(*text_argv[:1], "--cli-input-json", json.dumps(_as_request(operation, text_argv[1:])), env=env)
    assert result.returncode == 254, result.stderr
    assert b"Reason: CANNOT_PARSE\nFields:\n  " + field.encode() + b": Member must be valid UTF-8 text: the unpaired surrogate \\ud800" in result.stderr
    assert state.read_bytes() == before
    assert _process("describe-phone-numbers", env=env).returncode == 0


def _as_request(operation: str, options: list[str]) -> dict:
    """The request dict those options make (parsed by smscli's own parser)."""
    from smscli.parsing.argv import parse_operation
    from smscli.parsing.request import build_request

    return build_request(parse_operation(operation, options))


def test_sim_commands_refuse_unreadable_text_too(seeded_home):
    home, phone, registration = seeded_home
    env = {**os.environ, "SMSCLI_HOME": str(home)}
    before = (home / "state.json").read_bytes()
    result = _process("sim", "inbound", "--origination-phone-number", "+14254147755", "--destination-phone-number",
                      phone["PhoneNumber"], "--message-body", b"STOP \xff", env=env)  # fmt: skip
    why = "Member must be valid UTF-8 text: byte 0xFF cannot be decoded"
    assert (result.returncode, result.stderr.decode()) == (
        254,
        "smscli: [ERROR]: An error occurred (ValidationException) when calling the SimInbound operation: 1 validation "
        f"error detected: Value at 'messageBody' failed to satisfy constraint: {why}\n\n"
        f"Additional error details:\nReason: CANNOT_PARSE\nFields:\n  MessageBody: {why}\n",
    )
    result = _process("sim", "review", registration["RegistrationId"], "--deny", "--reason", b"no \xff", env=env)
    assert result.returncode == 254
    assert b"when calling the SimReview operation" in result.stderr and b"  Reason: " + why.encode() in result.stderr
    assert (home / "state.json").read_bytes() == before


# ---------------------------------------------------------------------------------------------
# Output and error text


def test_a_lone_surrogate_in_output_is_escaped_whatever_stdout_is(tmp_path):
    env = {**os.environ, "SMSCLI_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8:strict"}
    result = _process("describe-opt-out-lists", "--query", b"'caf\xff'", "--output", "json", env=env)
    assert (result.returncode, result.stdout, result.stderr) == (0, b'"caf\\udcff"\n', b"")
    assert json.loads(result.stdout) == "caf\udcff"
    result = _process("describe-opt-out-lists", "--query", b"'caf\xff'", "--output", "text", env=env)
    assert (result.returncode, result.stdout) == (0, b"caf\\udcff\n")
    env["PYTHONIOENCODING"] = "ascii:strict"  # a terminal that has no byte for é
    result = _process("describe-opt-out-lists", "--query", "'café'", "--output", "text", env=env)
    assert (result.returncode, result.stdout) == (0, b"caf\\xe9\n")


def test_an_error_echoing_an_undecodable_byte_is_written(smscli):
    """In-process stderr is strict UTF-8 here; the text escapes the surrogate as Python's stderr would."""
    result = smscli("describe-opt-out-lists", "--opt-out-list-nams\udcff", "x")
    assert (result.code, result.err) == (252, USAGE + "smscli: error: Unknown options: --opt-out-list-nams\\udcff, x\n\n"
                                             "Did you mean --opt-out-list-names?\n")
    result = smscli("describe-opt-out-lists", "--profile", "caf\udcff")
    assert (result.code, result.err) == (253, "smscli: [ERROR]: The config profile (caf\\udcff) could not be found (the name "
                                              "comes from --profile)\n\nHint: create it with `smscli configure set region "
                                              "us-east-1 --profile caf\\udcff`\n")


def test_the_debug_line_of_an_unreadable_request_is_written(smscli):
    result = smscli("create-opt-out-list", "--opt-out-list-name", "x", "--tags", "Key=k,Value=\udcff", "--debug")
    assert result.code == 254
    assert result.err.startswith(
        'DEBUG request {"Operation":"CreateOptOutList","Parameters":{"OptOutListName":"x","Tags":[{"Key":"k","Value":"\\udcff"}]}}\n'
    )


@pytest.mark.parametrize("argv", [["configure", "set", "output", "text", "--profile", b"p\xff"],
                                  ["configure", "set", "output", "text", "--profile", b"p\xed\xa0\x80"]],
                         ids=["undecodable-byte", "encoded-surrogate"])  # fmt: skip
def test_configure_refuses_a_profile_name_it_cannot_write(tmp_path, argv):
    """A profile name config.toml cannot hold is refused before anything is written (it was exit 255 and a stray
    temporary file)."""
    env = {**os.environ, "SMSCLI_HOME": str(tmp_path)}
    assert _process("configure", "set", "output", "json", env=env).returncode == 0
    before = sorted(path.name for path in tmp_path.iterdir()), (tmp_path / "config.toml").read_bytes()
    result = _process(*argv, env=env)
    assert result.returncode in (252, 253), result.stderr
    assert (sorted(path.name for path in tmp_path.iterdir()), (tmp_path / "config.toml").read_bytes()) == before


@pytest.mark.parametrize("argv, stdin", [(["parts", b"0\xff", "--output", "table"], None),
                                         (["parts", "--batch", "--file", "-"], b'{"MessageBody": "a\\udcff"}\n')],
                         ids=["table", "batch"])  # fmt: skip
def test_parts_writes_a_lone_surrogate_escaped(tmp_path, argv, stdin):
    """parts writes a lone surrogate of its input escaped, as every output does (it was exit 255)."""
    env = {**os.environ, "SMSCLI_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8:strict"}
    result = subprocess.run([sys.executable, "-m", "smscli", *argv], capture_output=True, env=env, input=stdin)
    assert result.returncode == 0, result.stderr
    assert b"\\udcff" in result.stdout
