"""Contract: every operation of the API reference is a subcommand with every AWS CLI option, of the
right kind, read from the generated spec and checked against the AWS CLI's own argument tables."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from smscli import spec
from smscli.parsing.argv import FLAG, LIST, VALUE, operation_options, required_options
from smscli.service import registry

# The API reference's list of actions, from the extract of it the generator reads (scripts/gen_spec.py).
EXTRACT = Path(__file__).resolve().parent.parent / "scripts" / "api_reference_extract.json"
# Members botocore's newer model has and the API reference does not document (smscli leaves them out).
UNDOCUMENTED = {("carrier-lookup", "--enable-cleansing"), ("request-phone-number", "--number-preference"),
                ("create-verified-destination-number", "--rcs-agent-id")}  # fmt: skip


def test_the_91_operations_of_the_api_reference_are_subcommands():
    assert len(spec.operations()) == 91
    listed = json.loads(EXTRACT.read_text(encoding="utf-8"))["actions"]
    assert len(listed) == 91 and set(listed) == set(spec.operations())
    assert set(spec.command_names().values()) == set(spec.operations())


def test_every_operation_has_a_handler_or_says_it_is_not_simulated():
    from smscli.errors import NotSimulatedError

    for op in spec.operations():
        if registry.is_simulated(op):
            assert callable(registry.handler(op))
        else:
            with pytest.raises(NotSimulatedError):
                registry.handler(op)


@pytest.fixture(scope="module")
def aws_operations():
    from aws_oracle import _ENV  # the AWS CLI, a test dependency

    saved = {name: os.environ.get(name) for name in _ENV}
    os.environ.update(_ENV)
    try:
        from awscli.clidriver import create_clidriver

        service = create_clidriver()._get_command_table()["pinpoint-sms-voice-v2"]
        table = service._get_command_table()
    finally:
        for name, value in saved.items():
            os.environ.pop(name, None) if value is None else os.environ.__setitem__(name, value)
    return table


_KIND = {"boolean": FLAG, "list": LIST}


@pytest.mark.parametrize("op", sorted(spec.operations()))
def test_options_match_the_aws_cli(op, aws_operations):
    command = spec.kebab(op)
    theirs = {
        argument.cli_name: (_KIND.get(argument.cli_type_name, VALUE), bool(argument.required))
        for argument in aws_operations[command].arg_table.values()
        if (command, argument.cli_name) not in UNDOCUMENTED
    }
    required = {"--" + spec.kebab(member) for member in required_options(op)}
    ours = {
        option.name: (option.kind if option.kind != "optional-value" else VALUE, option.name in required)
        for option in operation_options(op)
        if option.name != "--cli-input-yaml"  # AWS CLI v2 only
    }
    assert ours == theirs
