"""Property: no input crashes smscli. Generated requests for every operation of the API (and the local
`sim`, `parts` and `configure` commands) go through the whole command line, as options and as --cli-input-json,
on a state seeded with one of each resource; every exit code is 0, 252, 253 or 254 (never 255, never
an exception out of main), a refused call leaves the state file byte for byte as it was, and the
state file still loads after every call.

Values come from the service model (src/smscli/spec/service.json): strings that honour or break
their length, pattern and enum, unicode edge cases (lone surrogates as an undecodable byte of argv
becomes, astral characters, NUL, right-to-left marks, combining marks), integers at and past their
bounds, huge numbers and durations, lists empty and over their maximum, nested structures and maps,
blobs, timestamps past what datetime holds, values of the wrong type, ids and ARNs of every resource
type in this and other Regions and accounts, and the ids of the seeded records. Some steps are valid
creates, so later calls meet real records.

The run is deterministic (derandomized). SMSCLI_FUZZ_EXAMPLES=<n> sets the examples per operation
(default 6) for a long run, SMSCLI_FUZZ_SEED=<n> draws other examples than the suite's; the number of
requests sent is printed in pytest's summary and asserted by the last test.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import re
import shutil
import string
import tempfile
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from smscli import spec

EXAMPLES = int(os.environ.get("SMSCLI_FUZZ_EXAMPLES", "6"))  # read before clean_env clears SMSCLI_*
SEED = os.environ.get("SMSCLI_FUZZ_SEED")  # a long run with other examples than the suite's fixed ones
STEPS = 6  # at most, per example
ALLOWED_EXIT_CODES = {0, 252, 253, 254}
OPERATIONS = sorted(spec.operations())
LOCAL_COMMANDS = ["sim inbound", "sim review", "sim clock", "sim messages", "sim events", "parts", "configure"]
SENT = Counter()  # command -> requests sent

OTHER_ACCOUNT = "111122223333"
REGIONS = ["us-east-1", "eu-west-2", "ap-south-1", "mars-north-1", "US-EAST-1"]
RESOURCE_TYPES = spec.shape("ResourceType")["enum"]

# Characters that break naive text handling: lone surrogates (U+DCFF is what byte 0xFF of argv becomes),
# astral characters, NUL and other controls, right-to-left and zero-width marks, combining marks, the
# byte order mark, a non-character, and the characters that shorthand, JSON and shells treat specially.
EDGE_CHARACTERS = [
    "\udcff", "\udc80", "\ud800", "\udfff", "\U0001f600", "\U0001f1ec\U0001f1e7", "\U00010348", "\x00", "\x1b",
    "\x7f", "\u202e", "\u200f", "\u200b", "\u0301", "e\u0301", "\ufeff", "\uffff", "\u00e9", "\u4e2d", "\u20ac",
    "\n", "\r", "\t", " ", "\\", '"', "'", "=", ",", "[", "]", "{", "}", "*", "%s", "$", "`", "|", "^", "~",
    "--", "-", "file://", "fileb://", "@", "&",
]  # fmt: skip
EDGE_TEXT = st.lists(st.sampled_from(EDGE_CHARACTERS) | st.characters(), min_size=1, max_size=12).map("".join)
WRONG_TYPES = st.sampled_from([None, 0, -1, 1.5, True, "x", "", [], {}, [None], {"a": 1}, 10**30])
HUGE_NUMBERS = [0, -1, 1, 2, 2**31 - 1, 2**31, 2**63, -(2**63), 10**30, -(10**30)]
TIMESTAMPS = [
    "2026-02-01T00:00:00Z", "2026-01-01", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "10000-01-01T00:00:00Z",
    "2026-13-01T00:00:00Z", "1767225600", "1e20", "-1e20", "inf", "-inf", "nan", "1e400", "", "now",
]  # fmt: skip
DURATIONS = ["90s", "15m", "24h", "30d", "1", "0", "-1d", "1e400d", "nan", "inf", "999999999d", "251603539200s",
             "2912078d", "7000y", "1.5d", "d", "", "\udcffd", "99999999999999999999999999999999d"]  # fmt: skip
QUERIES = ["@", "*", "keys(@)", "length(@)", "[0]", "'\udcff'", '`"\\ud800"`', "`1e400`", "sort_by(@, &x)",
           "abs('x')", "to_number(@)", "max_by(@, &a)", "[?x > `1`]", "values(@)[0][0]", "join(',', @)"]  # fmt: skip


# ---------------------------------------------------------------------------------------------
# The seeded state: one record of each resource type (and some in another Region)


class Seed:
    path: Path | None = None
    strings: list[str] = []  # ids, names, ARNs and numbers of the seeded records
    phone_ids: list[str] = []
    phone_numbers: list[str] = []
    registration_ids: list[str] = []


def _run(argv: list[str]) -> tuple[int, str, str]:
    """smscli in-process, with stdout strict UTF-8 as in a UTF-8 locale and stderr as Python makes it."""
    from smscli.cli import main as cli_main

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace", newline="")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main.main(argv)
    out.flush()
    err.flush()
    return code, out.buffer.getvalue().decode("utf-8", "replace"), err.buffer.getvalue().decode("utf-8", "replace")


def _seed_commands() -> list[tuple[list[str], dict]]:
    """(argv, what to remember from the JSON response) in order; {name} is formatted from remembered values."""
    return [
        ("create-opt-out-list --opt-out-list-name fuzzlist", {"list_arn": "OptOutListArn"}),
        ("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS VOICE "
         "--number-type SIMULATOR --opt-out-list-name fuzzlist --tags Key=Name,Value=sim",
         {"phone": "PhoneNumberId", "number": "PhoneNumber", "phone_arn": "PhoneNumberArn"}),
        ("request-phone-number --iso-country-code GB --message-type TRANSACTIONAL --number-capabilities SMS "
         "--number-type LONG_CODE", {"phone2": "PhoneNumberId", "number2": "PhoneNumber"}),
        ("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS "
         "--number-type TEN_DLC", {"phone3": "PhoneNumberId", "number3": "PhoneNumber"}),
        ("create-pool --origination-identity {phone2} --iso-country-code GB --message-type TRANSACTIONAL",
         {"pool": "PoolId", "pool_arn": "PoolArn"}),
        ("request-sender-id --sender-id FuzzBrand --iso-country-code GB", {"sender_arn": "SenderIdArn"}),
        ("create-configuration-set --configuration-set-name fuzzset", {"set_arn": "ConfigurationSetArn"}),
        ("create-event-destination --configuration-set-name fuzzset --event-destination-name everything "
         "--matching-event-types ALL --sns-destination TopicArn=arn:aws:sns:us-east-1:123456789012:sms-events", {}),
        ("put-keyword --origination-identity {phone} --keyword JOIN --keyword-message Welcome --keyword-action OPT_IN", {}),
        ("put-opted-out-number --opt-out-list-name fuzzlist --opted-out-number +12065550199", {}),
        ("create-registration --registration-type US_TEN_DLC_BRAND_REGISTRATION --tags Key=Name,Value=brand",
         {"registration": "RegistrationId", "registration_arn": "RegistrationArn"}),
        ("put-registration-field-value --registration-id {registration} --field-path companyInfo.legalCompanyName "
         "--text-value Example", {}),
        ("create-registration-attachment --attachment-url s3://fuzz-bucket/opt-in.png",
         {"attachment": "RegistrationAttachmentId"}),
        ("create-verified-destination-number --destination-phone-number +12065550142",
         {"verified": "VerifiedDestinationNumberId"}),
        ("create-protect-configuration --tags Key=Name,Value=fuzz",
         {"protect": "ProtectConfigurationId", "protect_arn": "ProtectConfigurationArn"}),
        ("put-protect-configuration-rule-set-number-override --protect-configuration-id {protect} "
         "--destination-phone-number +447700900555 --action ALLOW --expiration-timestamp 2027-01-01T00:00:00Z", {}),
        ("send-text-message --destination-phone-number +14254147755 --origination-identity {phone} "
         "--message-body hello --configuration-set-name fuzzset", {"message": "MessageId"}),
        ("tag-resource --resource-arn {pool_arn} --tags Key=env,Value=fuzz", {}),
        ("--region eu-west-2 create-opt-out-list --opt-out-list-name elsewhere", {"eu_list_arn": "OptOutListArn"}),
        ("--region eu-west-2 create-configuration-set --configuration-set-name elsewhere", {}),
    ]  # fmt: skip


@pytest.fixture(scope="module", autouse=True)
def seeded(tmp_path_factory, request):
    """Build the seeded state once (in its own SMSCLI_HOME) and register the request count's summary line."""
    import shlex

    home = tmp_path_factory.mktemp("fuzz-seed")
    values: dict[str, str] = {}
    with _home(home):
        for command, remember in _seed_commands():
            code, out, err = _run([*shlex.split(command.format(**values)), "--output", "json"])
            assert code == 0, f"seeding failed: {command}\n{err}"
            response = json.loads(out) if out else {}
            for name, member in remember.items():
                values[name] = response[member]
    Seed.path = home / "state.json"
    Seed.phone_ids = [values["phone"], values["phone2"], values["phone3"]]
    Seed.phone_numbers = [values["number"], values["number2"], values["number3"], "+14254147755", "+12065550199"]
    Seed.registration_ids = [values["registration"]]
    Seed.strings = sorted(set(values.values()) | {"fuzzlist", "fuzzset", "everything", "JOIN", "FuzzBrand", "Default",
                                                   "companyInfo.legalCompanyName", "US_TEN_DLC_BRAND_REGISTRATION"})  # fmt: skip
    request.config.pluginmanager.register(_Summary(), "smscli-fuzz-summary")
    yield


class _Summary:
    def pytest_terminal_summary(self, terminalreporter):
        if SENT:
            terminalreporter.write_line(
                f"smscli fuzz: {sum(SENT.values())} requests through the command line, "
                f"{len(SENT)} commands"
            )


@contextlib.contextmanager
def _home(home: Path):
    saved = os.environ.get("SMSCLI_HOME")
    os.environ["SMSCLI_HOME"] = str(home)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SMSCLI_HOME", None)
        else:
            os.environ["SMSCLI_HOME"] = saved


# ---------------------------------------------------------------------------------------------
# Values from the service model


def _rules(shape: dict) -> dict:
    return {**shape, **shape.get("seed", {})}


@cache
def _arns() -> list[str]:
    ids = Seed.strings[:6] + ["pool-" + "0" * 32, "x", "a/b", ""]
    return [
        f"arn:aws:sms-voice:{region}:{account}:{kind}/{ident}"
        for kind in RESOURCE_TYPES
        for region, account in (("us-east-1", "123456789012"), ("eu-west-2", "123456789012"),
                                ("us-east-1", OTHER_ACCOUNT), ("mars-north-1", "123456789012"))
        for ident in ids
    ] + ["arn:aws:sns:us-east-1:123456789012:topic", "arn:aws:iam::123456789012:role/x", "arn:", "arn:aws:sms-voice"]  # fmt: skip


def _known() -> st.SearchStrategy:
    return st.sampled_from(Seed.strings) | st.sampled_from(_arns()) | st.sampled_from(Seed.phone_numbers)


@cache
def _pattern_text(pattern: str, low: int, high: int) -> st.SearchStrategy:
    compiled = re.compile(pattern)
    try:
        generated = st.from_regex(compiled, fullmatch=True)
    except Exception:  # a pattern hypothesis cannot generate from (lookarounds): printable text that fits
        generated = st.text(string.printable, min_size=max(low, 1), max_size=20)
    return generated.filter(lambda text: low <= len(text) <= high and compiled.fullmatch(text))


@cache
def string_values(shape_name: str) -> st.SearchStrategy:
    rules = _rules(spec.shape(shape_name))
    low, high = rules.get("min", 0), rules.get("max", 64)
    options = []
    if "enum" in rules:
        options += [st.sampled_from(rules["enum"])] * 3 + [st.sampled_from(rules["enum"]).map(str.lower)]
    elif "pattern" in rules:
        options += [_pattern_text(rules["pattern"], low, min(high, 40))] * 2
    else:
        options += [st.text(min_size=low, max_size=min(high, 40))] * 2
    options += [_known()] * 3
    options += [EDGE_TEXT, st.just(""), st.just("x" * (high + 1)) if high < 100_000 else st.just("x" * 100)]
    options += [st.integers().map(str), st.sampled_from(TIMESTAMPS)]
    return st.one_of(options)


@cache
def values_for(shape_name: str, depth: int = 0) -> st.SearchStrategy:
    """Valid and invalid values for one shape of the model, as JSON values (blobs as base64 text)."""
    shape = spec.shape(shape_name)
    kind = shape["type"]
    rules = _rules(shape)
    if kind == "string":
        strategy = string_values(shape_name)
    elif kind in ("integer", "long"):
        low, high = rules.get("min", -(2**31)), rules.get("max", 2**31)
        strategy = st.one_of(st.integers(low, high), st.integers(low - 1, high + 1), st.sampled_from(HUGE_NUMBERS),
                             st.integers())  # fmt: skip
    elif kind in ("float", "double"):
        strategy = st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from(HUGE_NUMBERS)
    elif kind == "boolean":
        strategy = st.booleans()
    elif kind == "timestamp":
        strategy = st.sampled_from(TIMESTAMPS) | st.sampled_from([1e300, -1e300, 1767225600, 2**70, 0])
    elif kind == "blob":
        strategy = st.one_of(st.binary(max_size=64).map(lambda data: base64.b64encode(data).decode()),
                             st.sampled_from(["", "!!not base64!!", "aGVsbG8", "\udcff"]))  # fmt: skip
    elif depth > 3:
        strategy = st.just([] if kind == "list" else {})
    elif kind == "list":
        element = values_for(shape["member"], depth + 1)
        most = rules.get("max", 5)
        options = [st.lists(element, max_size=min(most, 4)), st.just([])]
        if most <= 60:
            options.append(st.lists(element, min_size=most + 1, max_size=most + 1))
        strategy = st.one_of(options)
    elif kind == "map":
        strategy = st.dictionaries(string_values(shape["key"]), values_for(shape["value"], depth + 1), max_size=3)
    else:  # structure
        members = {name: values_for(member["shape"], depth + 1) for name, member in shape["members"].items()}
        required = [name for name in shape.get("required", ()) if name in members]
        strategy = st.fixed_dictionaries(
            {name: members[name] for name in required}, optional={k: v for k, v in members.items() if k not in required}
        ) | st.fixed_dictionaries({}, optional=members)
    return st.one_of([strategy] * 6 + [WRONG_TYPES])


# ---------------------------------------------------------------------------------------------
# Requests as command lines


def _option_tokens(member: str, value, shape_name: str, use_shorthand: bool) -> list[str]:
    option = "--" + spec.kebab(member)
    kind = spec.shape(shape_name)["type"]
    if kind == "boolean" and isinstance(value, bool):
        return [option if value else "--no-" + option[2:]]
    if kind == "list" and isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        member_kind = spec.shape(spec.shape(shape_name)["member"])["type"]
        if member_kind not in ("structure", "list", "map"):
            return [option, *map(str, value)]
        if use_shorthand:
            return [option, *map(str, value)]
    if use_shorthand and isinstance(value, dict) and all(isinstance(v, (str, int)) for v in value.values()):
        return [option, ",".join(f"{k}={v}" for k, v in value.items())]
    if use_shorthand and isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return [option, *(",".join(f"{k}={v}" for k, v in item.items() if isinstance(v, (str, int))) for item in value)]
    if isinstance(value, str):
        return [option, value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [option, str(value)]
    return [option, json.dumps(value, ensure_ascii=False)]


@st.composite
def global_options(draw) -> list[str]:
    tokens = ["--output", draw(st.sampled_from(["json", "json", "text", "table", "yaml"]))]
    if draw(st.integers(0, 5)) == 0:
        tokens += ["--region", draw(st.sampled_from(REGIONS[:3]))]
    if draw(st.integers(0, 6)) == 0:
        tokens += ["--query", draw(st.sampled_from(QUERIES))]
    if draw(st.integers(0, 10)) == 0:
        tokens += [draw(st.sampled_from(["--no-paginate", "--debug", "--color=on", "--cli-binary-format=raw-in-base64-out",
                                         "--generate-cli-skeleton", "--generate-cli-skeleton=output"]))]  # fmt: skip
    return tokens


@st.composite
def operation_argv(draw, op: str) -> list[str]:
    """A generated request for `op`, as options, as --cli-input-json, or split between the two."""
    structure = spec.shape(spec.operation(op)["input"])
    request = draw(values_for(spec.operation(op)["input"]))
    if not isinstance(request, dict):
        request = {}
    transport = draw(st.sampled_from(["argv", "argv", "json", "mixed", "yaml"]))
    argv = [spec.kebab(op)]
    members = structure["members"]
    in_json = {}
    for member, value in request.items():
        if transport == "json" or (transport == "mixed" and draw(st.booleans())):
            in_json[member] = value
        elif member not in members:  # a request that is not the input structure ({"a": 1})
            argv += ["--" + spec.kebab(member), json.dumps(value)]
        else:
            argv += _option_tokens(member, value, members[member]["shape"], draw(st.booleans()))
    if transport != "argv":
        if draw(st.integers(0, 8)) == 0:  # a member the operation does not have, or a document that is not an object
            in_json = draw(st.sampled_from([{**in_json, "Bogus": 1}, [in_json], "text", None]))
        if transport == "yaml":
            import yaml

            argv += ["--cli-input-yaml", yaml.safe_dump(in_json, allow_unicode=False)]
        else:
            argv += ["--cli-input-json", json.dumps(in_json)]  # ensure_ascii: a lone surrogate travels as "\ud800"
    if "paginator" in spec.operation(op) and draw(st.integers(0, 3)) == 0:
        argv += draw(st.sampled_from([["--max-items", "1"], ["--page-size", "1"], ["--starting-token", "x"],
                                      ["--max-items", "0"], ["--page-size", "-1"], ["--starting-token", "\udcff"],
                                      ["--max-items", "1", "--page-size", "1"]]))  # fmt: skip
    return argv + draw(global_options())


NAMES = st.from_regex(r"[A-Za-z0-9_-]{1,20}", fullmatch=True)


@st.composite
def local_argv(draw, command: str) -> list[str]:
    text = draw(EDGE_TEXT | st.text(max_size=30) | st.just("STOP") | st.just("join"))
    number = st.sampled_from(Seed.phone_numbers) | EDGE_TEXT
    if command == "sim inbound":
        argv = ["sim", "inbound", "--origination-phone-number", draw(number), "--destination-phone-number",
                draw(number), "--message-body", text]  # fmt: skip
    elif command == "sim review":
        decision = draw(st.sampled_from([["--approve"], ["--deny"], ["--request-updates"], ["--approve", "--deny"], []]))
        argv = ["sim", "review", draw(st.sampled_from(Seed.registration_ids) | EDGE_TEXT), *decision, "--reason", text]
        if draw(st.booleans()):
            argv += ["--field-path", draw(st.sampled_from(["companyInfo.legalCompanyName"]) | EDGE_TEXT)]
    elif command == "sim clock":
        argv = ["sim", "clock", *draw(st.sampled_from([[], ["--reset"]]) | st.sampled_from(DURATIONS).map(lambda d: ["--advance", d]))]
    elif command in ("sim messages", "sim events"):
        argv = command.split() + draw(st.sampled_from([[], ["--message-id", text], ["--destination-phone-number", text]]))
    elif command == "configure":
        setting = st.sampled_from(["output", "region", "account_id", "color", "bogus"])
        argv = ["configure", *draw(st.sampled_from([["list"], ["get", "region"], ["set", "output", "json"]])
                                   | st.tuples(st.just("set"), setting, EDGE_TEXT | NAMES).map(list))]  # fmt: skip
        if draw(st.booleans()):
            argv += ["--profile", draw(EDGE_TEXT | NAMES)]
    else:
        argv = ["parts", text, *draw(st.sampled_from([[], ["--encoding", "GSM-7"], ["--encoding", "UCS-2"], ["--strict"]]))]
    return argv + draw(global_options())


@st.composite
def valid_create(draw) -> list[str]:
    """A request that succeeds (mostly), so that later calls meet records made in the same run."""
    name, text = draw(NAMES), draw(st.text(min_size=1, max_size=30).filter(str.strip))
    phone = draw(st.sampled_from(Seed.phone_ids))
    return draw(st.sampled_from([
        ["create-opt-out-list", "--opt-out-list-name", name],
        ["create-configuration-set", "--configuration-set-name", name],
        ["request-phone-number", "--iso-country-code", "US", "--message-type", "TRANSACTIONAL", "--number-capabilities",
         "SMS", "VOICE", "--number-type", "SIMULATOR"],
        ["put-keyword", "--origination-identity", phone, "--keyword", name, "--keyword-message", text],
        ["create-protect-configuration", "--tags", f"Key={name},Value=v"],
        ["send-text-message", "--destination-phone-number", "+14254147755", "--origination-identity", phone,
         "--message-body", text],
        ["create-pool", "--origination-identity", phone, "--iso-country-code", "US", "--message-type", "TRANSACTIONAL"],
        ["sim", "clock", "--advance", draw(st.sampled_from(["1d", "30d", "3650d", "2900000d"]))],
    ]))  # fmt: skip


# ---------------------------------------------------------------------------------------------
# The property


def _send(argv: list[str], state: Path) -> None:
    from smscli.store.state import Store

    before = state.read_bytes() if state.exists() else None
    code, out, err = _run(argv)
    SENT[f"sim {argv[1]}" if argv[0] == "sim" else argv[0]] += 1
    context = f"argv={argv!r}\nexit {code}\nstderr: {err[-2000:]}"
    assert code in ALLOWED_EXIT_CODES, context
    assert "Traceback" not in err, context
    if code != 0 and "argument --query: " not in err:  # a --query that fails on the response fails after the call
        assert (state.read_bytes() if state.exists() else None) == before, "a refused call changed the state\n" + context
    Store(state).load()  # raises StateError if the call left a state that does not load


def _steps(draw, first: st.SearchStrategy) -> list[list[str]]:
    steps = [draw(first)]
    for _ in range(draw(st.integers(0, STEPS - 1))):
        steps.append(draw(st.one_of(first, first, valid_create(), operation_argv(draw(st.sampled_from(OPERATIONS))))))
    return steps


_SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=SEED is None, database=None, print_blob=False,
                     suppress_health_check=list(HealthCheck))  # fmt: skip


def FUZZ(test):
    return _SETTINGS(seed(int(SEED))(test) if SEED is not None else test)



def _fuzz(data, first: st.SearchStrategy) -> None:
    steps = _steps(data.draw, first)
    home = Path(tempfile.mkdtemp(prefix="smscli-fuzz-"))
    try:
        shutil.copy(Seed.path, home / "state.json")
        with _home(home):
            for argv in steps:
                _send(argv, home / "state.json")
    finally:
        shutil.rmtree(home, ignore_errors=True)


@pytest.mark.parametrize("op", OPERATIONS)
@FUZZ
@given(data=st.data())
def test_no_request_crashes_an_operation(op, data):
    _fuzz(data, operation_argv(op))


@pytest.mark.parametrize("command", LOCAL_COMMANDS)
@FUZZ
@given(data=st.data())
def test_no_input_crashes_a_local_command(command, data):
    _fuzz(data, local_argv(command))


def test_every_operation_was_sent_requests():
    """Last in the module: every command got requests; the count is printed in the summary."""
    expected = {spec.kebab(op) for op in OPERATIONS} | set(LOCAL_COMMANDS)
    assert expected <= set(SENT), sorted(expected - set(SENT))
    assert sum(SENT.values()) >= EXAMPLES * len(expected)
