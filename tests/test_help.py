"""`smscli <command> help` teaches: the API reference's descriptions (operation, options, the
structures they hold, output), smscli's own texts of what each filter name compares, and the user
guide's example, from spec/help.json, which only operation_help reads.

In every clone: what help.json holds (a description for each of the 91 operations and for every
input member, every filter name) and that every example runs through smscli's parser and client-side
checks. Where the seeds are at hand (shared/seeds/ beside the repository): that help.json is what
scripts/gen_help.py makes from them."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from smscli import spec
from smscli.cli.help import operation_help
from smscli.errors import ParamValidationError
from smscli.parsing.argv import parse_operation
from smscli.parsing.request import build_request
from smscli.parsing.validation import validate_request

REPO = Path(__file__).resolve().parent.parent
HELP_JSON = REPO / "src" / "smscli" / "spec" / "help.json"


def _script(name: str):
    module_spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module


GENERATOR = _script("gen_help")
TABLES = _script("help_tables")
TEXTS = json.loads(HELP_JSON.read_text(encoding="utf-8"))
SEEDS = GENERATOR.REFERENCE.is_file() and GENERATOR.GUIDE.is_file()
needs_seeds = pytest.mark.skipif(not SEEDS, reason=f"the seeds are not at {GENERATOR.REFERENCE.parent}")
EXAMPLES = sorted(op for op, entry in TEXTS["operations"].items() if "ex" in entry)


# ---------------------------------------------------------------------------------------------
# help.json is what the generator makes (where the seeds are), and holds what help needs (everywhere)


@needs_seeds
def test_the_committed_help_json_is_what_the_generator_makes_from_the_seeds():
    made = GENERATOR.render(GENERATOR.generate(GENERATOR.REFERENCE.read_text(encoding="utf-8"),
                                               GENERATOR.GUIDE.read_text(encoding="utf-8")))  # fmt: skip
    assert made == HELP_JSON.read_text(encoding="utf-8"), "help.json drifted: run python scripts/gen_help.py"
    checked = subprocess.run([sys.executable, str(REPO / "scripts" / "gen_help.py"), "--check"], capture_output=True, text=True)
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "", "")


def test_help_json_is_one_compact_line():
    text = HELP_JSON.read_text(encoding="utf-8")
    assert text == GENERATOR.render(TEXTS) and text.count("\n") == 1
    assert len(text.encode()) < 200_000


def test_every_operation_has_its_description():
    assert sorted(TEXTS["operations"]) == sorted(spec.operations())
    assert len(TEXTS["operations"]) == 91
    for op, entry in TEXTS["operations"].items():
        assert entry["d"] and all(entry["d"]), op
    assert TEXTS["operations"]["CreatePool"]["d"][0] == (
        "Creates a new pool and associates the specified origination identity to the pool. A pool can include one "
        "or more phone numbers and SenderIds that are associated with your AWS account.")  # fmt: skip


def test_every_input_member_of_every_operation_has_its_description():
    missing = [f"{op}.{member}" for op in spec.operations() for member in spec.input_members(op)
               if not all(TEXTS["operations"][op]["in"].get(member) or [""])]  # fmt: skip
    assert missing == []
    # the reference's hyphenated line breaks are rejoined as words: "time-" + "sensitive"
    assert TEXTS["operations"]["CreatePool"]["in"]["MessageType"] == [
        "The type of message. Valid values are TRANSACTIONAL for messages that are critical or time-sensitive and "
        "PROMOTIONAL for messages that aren't critical or time-sensitive. After the pool is created the MessageType "
        "can't be changed."]  # fmt: skip


def _input_structures() -> set[str]:
    found: set[str] = set()

    def visit(name: str) -> None:
        shape = spec.shape(name)
        if shape["type"] == "structure":
            if name in found:
                return
            found.add(name)
            for member in shape["members"].values():
                visit(member["shape"])
        for key in ("member", "value"):
            if key in shape:
                visit(shape[key])

    for op in spec.operations():
        for member in spec.input_members(op).values():
            visit(member["shape"])
    return found


def test_every_member_of_a_structure_an_option_holds_has_its_description():
    missing = [f"{name}.{member}" for name in sorted(_input_structures()) for member in spec.shape(name)["members"]
               if not TEXTS["types"][name]["in"].get(member)]  # fmt: skip
    assert missing == []


def test_no_page_furniture_is_left_in_the_texts():
    text = HELP_JSON.read_text(encoding="utf-8")
    for furniture in ("API Version 2022-03-31", "AWS End User Messaging SMS API Reference", "https://", "\u2019"):
        assert furniture not in text


def test_each_filter_name_has_our_text():
    filter_shapes = sorted(name for name in spec.shapes() if name.endswith("FilterName"))
    assert sorted(TEXTS["filters"]) == filter_shapes
    for name in filter_shapes:
        assert sorted(TEXTS["filters"][name]) == sorted(spec.shape(name)["enum"]), name
        assert all(TEXTS["filters"][name].values()), name
    assert TEXTS["filters"]["PoolFilterName"]["status"] == "the pool's Status (CREATING | ACTIVE | DELETING)"


# ---------------------------------------------------------------------------------------------
# The examples


def test_the_guide_examples_chosen():
    assert len(EXAMPLES) == len(TABLES.EXAMPLES) == 29
    assert TEXTS["operations"]["CreatePool"]["ex"] == {
        "c": "smscli create-pool --origination-identity originationIdentity --iso-country-code XX --message-type TRANSACTIONAL",
        "s": "Create a phone pool (AWS CLI)",
    }


# The guide's placeholder `resource-arn` is shorter than an ARN's minimum length (20), which the AWS
# CLI checks client-side; the user puts an ARN there, and every other example passes as shown.
SHORT_PLACEHOLDERS = {"TagResource": "ResourceArn", "UntagResource": "ResourceArn"}


@pytest.mark.parametrize("op", EXAMPLES)
def test_each_example_passes_the_parser_and_the_client_side_checks(op):
    words = shlex.split(TEXTS["operations"][op]["ex"]["c"])
    assert words[:2] == ["smscli", spec.kebab(op)]
    parsed = parse_operation(op, words[2:])
    assert not parsed.help and parsed.repeated == [] and parsed.special == {}, op
    request = build_request(parsed)
    if op in SHORT_PLACEHOLDERS:
        with pytest.raises(ParamValidationError) as raised:
            validate_request(op, request)
        member = SHORT_PLACEHOLDERS[op]
        assert raised.value.problems == [f"Invalid length for parameter {member}, value: 12, valid min length: 20"]
        request[member] = "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-1"
    validate_request(op, request)


@pytest.mark.parametrize("op", sorted(TABLES.FIXES))
def test_a_corrected_example_says_what_the_guide_writes_and_that_is_what_the_aws_cli_does(op, smscli):
    """The note of each corrected example is true: as the guide writes it, the command is refused, keeps
    only its last --filters, or sends what the user did not mean."""
    example = TEXTS["operations"][op]["ex"]
    corrections, note = TABLES.FIXES[op]
    assert example["n"] == note
    as_written = example["c"]
    for wrong, right in corrections:
        assert right in as_written
        as_written = as_written.replace(right, wrong)
    result = smscli(*shlex.split(as_written)[1:])
    if op in ("DescribePools", "DescribePhoneNumbers"):
        assert result.code == 0
        assert result.err == "smscli: warning: --filters was given more than once; only its last value is used.\n"
    elif op == "UpdateEventDestination":  # a prefix names an option, as in argparse; the service refuses "types"
        assert result.code == 254 and "Value '[types, eventTypes]' at 'matchingEventTypes' failed" in result.err
    elif op == "UntagResource":
        parsed = parse_operation(op, shlex.split(as_written)[2:])
        assert build_request(parsed)["TagKeys"] == ["tags={key1=value1,key2=value2}"]
    else:
        assert result.code == 252, result.err


def test_an_example_runs_on_a_state(smscli, fixed_context):
    """Placeholders filled in from a state, the guide's create-pool and describe-pools examples do what
    they say."""
    number = smscli("request-phone-number", "--iso-country-code", "US", "--message-type", "TRANSACTIONAL",
                    "--number-capabilities", "SMS", "--number-type", "SIMULATOR", "--output", "json").json()  # fmt: skip
    command = TEXTS["operations"]["CreatePool"]["ex"]["c"]
    command = command.replace("originationIdentity", number["PhoneNumberId"]).replace(" XX ", " US ")
    created = smscli(*shlex.split(command)[1:], "--output", "json")
    assert created.code == 0, created.err
    described = smscli(*shlex.split(TEXTS["operations"]["DescribePools"]["ex"]["c"])[1:], "--output", "json")
    assert described.code == 0 and described.err == ""
    assert described.json()["Pools"] == []  # TRANSACTIONAL, but not two-way enabled
    smscli("update-pool", "--pool-id", created.json()["PoolId"], "--two-way-enabled", "--two-way-channel-arn",
           "arn:aws:sns:us-east-1:123456789012:inbound")  # fmt: skip
    described = smscli(*shlex.split(TEXTS["operations"]["DescribePools"]["ex"]["c"])[1:], "--output", "json")
    assert [pool["PoolId"] for pool in described.json()["Pools"]] == [created.json()["PoolId"]]


# ---------------------------------------------------------------------------------------------
# What `<command> help` prints


def _section(text: str, title: str) -> str:
    match = re.search(rf"^{title}\n(.*?)(?=^[A-Z]+\n|\Z)", text, re.S | re.M)
    assert match, title
    return match[1]


def test_create_pool_help_reads_like_the_aws_clis(smscli):
    result = smscli("create-pool", "help")
    assert result.code == 0 and result.err == ""
    assert result.out.startswith("NAME\n       create-pool (CreatePool)\n\nDESCRIPTION\n")
    assert [line for line in result.out.splitlines() if re.match(r"^[A-Z]+$", line)] == [
        "NAME", "DESCRIPTION", "SYNOPSIS", "OPTIONS", "EXAMPLES", "OUTPUT"]  # fmt: skip
    assert _section(result.out, "DESCRIPTION") == (
        "       Creates a new pool and associates the specified origination identity to\n"
        "       the pool. A pool can include one or more phone numbers and SenderIds that\n"
        "       are associated with your AWS account.\n"
        "\n"
        "       The new pool inherits its configuration from the specified origination\n"
        "       identity. This includes keywords, message type, opt-out list, two-way\n"
        "       configuration, and self-managed opt-out configuration. Deletion\n"
        "       protection isn't inherited from the origination identity and defaults to\n"
        "       false.\n"
        "\n"
        "       If the origination identity is a phone number and is already associated\n"
        "       with another pool, an error is returned. A sender ID can be associated\n"
        "       with multiple pools.\n"
        "\n"
    )
    assert (
        "       --message-type (string, required)\n"
        "          The type of message. Valid values are TRANSACTIONAL for messages that\n"
        "          are critical or time-sensitive and PROMOTIONAL for messages that\n"
        "          aren't critical or time-sensitive. After the pool is created the\n"
        "          MessageType can't be changed.\n"
        "\n"
        "          one of: TRANSACTIONAL | PROMOTIONAL\n"
        "\n"
    ) in result.out
    assert (
        "       --tags (list of Tag, optional)\n"
        "          An array of tags (key and value pairs) associated with the pool.\n"
        "\n"
        "          (Tag)\n"
        "             The list of tags to be added to the specified topic.\n"
        "\n"
        "             Key -> (string, required)\n"
        "                The key identifier, or name, of the tag.\n"
        "\n"
        "             Value -> (string, required)\n"
        "                The string value associated with the key of the tag.\n"
        "\n"
        "          items 0-200\n"
        "          Shorthand Syntax:\n"
        "            Key=string,Value=string ...\n"
    ) in result.out
    assert _section(result.out, "EXAMPLES") == (
        '       From the AWS End User Messaging SMS User Guide, "Create a phone pool (AWS\n'
        '       CLI)":\n'
        "\n"
        "         smscli create-pool \\\n"
        "             --origination-identity originationIdentity \\\n"
        "             --iso-country-code XX \\\n"
        "             --message-type TRANSACTIONAL\n"
        "\n"
    )
    assert _section(result.out, "OUTPUT").startswith(
        "       PoolArn -> (string)\n"
        "          The Amazon Resource Name (ARN) for the pool.\n"
        "       PoolId -> (string)\n"
        "          The unique identifier for the pool.\n"
    )
    assert "       Tags -> (list of Tag)\n" in result.out and "          Key -> (string)\n" in result.out


def test_describe_pools_help_says_what_each_filter_compares_and_that_the_text_is_ours(smscli):
    out = smscli("describe-pools", "help").out
    assert (
        "             Name -> (string, required)\n"
        "                The name of the attribute to filter on.\n"
        "\n"
        "                Filter names (smscli's text; the API reference lists only the\n"
        "                names):\n"
        "                  status: the pool's Status (CREATING | ACTIVE | DELETING)\n"
        "                  message-type: the pool's MessageType (TRANSACTIONAL |\n"
        "                      PROMOTIONAL)\n"
    ) in out
    assert (
        "          A filter matches when the record matches any one of its Values; a\n"
        "          record is listed when it matches every filter given (the same Name\n"
        "          twice is two filters). (smscli's text.)\n"
    ) in out
    assert "any one of the filters given" in smscli("describe-protect-configurations", "help").out
    assert (
        "         smscli describe-pools \\\n"
        "             --filters Name=message-type,Values=TRANSACTIONAL \\\n"
        "                 Name=two-way-enabled,Values=true\n"
        "\n"
        "       The guide gives --filters twice, and then the AWS CLI uses only the last\n"
        "       one; for pools that match both, give both filters after one --filters.\n"
    ) in out


def test_an_operation_without_options_or_example(smscli):
    out = smscli("delete-account-default-protect-configuration", "help").out
    assert out.startswith(
        "NAME\n       delete-account-default-protect-configuration\n          (DeleteAccountDefaultProtectConfiguration)\n")
    assert "OPTIONS\n       None\n\nOUTPUT\n" in out and "EXAMPLES" not in out


def test_every_help_fits_80_columns_but_for_words_it_cannot_break(smscli):
    """Longer lines hold one word only (a pattern, an ARN in an example) or are a JSON syntax line."""
    for command in sorted(spec.command_names()):
        result = smscli(command, "help")
        assert result.code == 0 and result.err == "", command
        long = [line for line in result.out.splitlines() if len(line) > 80]
        words = [line for line in long if " " in line.strip().removesuffix(" \\") and not re.match(r'^\s+"\w+": "', line)]
        assert words == [], command
        assert result.out.isascii(), command  # bullets are "o ", quotes straight


def test_the_help_of_every_operation_is_what_operation_help_renders(smscli):
    assert smscli("send-text-message", "help").out == operation_help("SendTextMessage")
    assert smscli("send-text-message", "--help").out == operation_help("SendTextMessage")


# ---------------------------------------------------------------------------------------------
# Cost: only `<command> help` reads help.json


PROBE = """
import json, sys
opened = []
def hook(event, args):
    if event == "open" and args and isinstance(args[0], str):
        opened.append(args[0])
sys.addaudithook(hook)
from smscli.cli.main import entry
sys.argv = ["smscli", *{argv!r}]
try:
    entry()
except SystemExit:
    pass
sys.stderr.write("OPENED=" + json.dumps(opened) + "\\nMODULES=" + json.dumps(sorted(sys.modules)))
"""


def _run_probe(argv: list[str], env: dict) -> tuple[list[str], set[str], str]:
    completed = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv)], capture_output=True, text=True, env=env)
    opened = json.loads(completed.stderr.rsplit("OPENED=", 1)[1].split("\nMODULES=")[0])
    modules = {name.split(".")[0] for name in json.loads(completed.stderr.rsplit("MODULES=", 1)[1])}
    return [os.path.basename(path) for path in opened], modules, completed.stdout


def test_only_command_help_reads_help_json(home):
    env = {**os.environ, "SMSCLI_HOME": str(home)}
    for argv in (["--help"], ["help"], ["describe-opt-out-lists", "--output", "json"], ["create-pool", "--message-type", "x"]):
        opened, _, _ = _run_probe(argv, env)
        assert "service.json" in opened and "help.json" not in opened, argv
    tab = {**env, "_SMSCLI_COMPLETE": "complete_bash", "COMP_WORDS": "smscli create-pool --", "COMP_CWORD": "2"}
    opened, _, out = _run_probe([], tab)
    assert "--origination-identity" in out.split() and "help.json" not in opened
    opened, modules, out = _run_probe(["create-pool", "help"], env)
    assert opened.count("help.json") == 1 and out.startswith("NAME\n")
    assert not modules & {"typer", "click", "rich", "pydantic", "jmespath", "yaml", "dataclasses", "difflib"}
