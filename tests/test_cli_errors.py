"""Every error family: its exit code and its exact text on stderr, and never a traceback."""

from __future__ import annotations

import re

import pytest

USAGE = """usage: smscli [options] <command> [parameters]
To see help text, you can run:

  smscli help
  smscli <command> help

"""


def test_missing_required_option_is_a_usage_error(smscli):
    result = smscli("delete-opt-out-list")
    assert (result.code, result.out) == (252, "")
    assert result.err == USAGE + "smscli: error: the following arguments are required: --opt-out-list-name\n"


def test_unknown_option_suggests_the_nearest(smscli):
    result = smscli("delete-opt-out-list", "--opt-out-list-nam", "x", "--opt-out-lst", "y")
    assert result.code == 252
    assert result.err == USAGE + "smscli: error: Unknown options: --opt-out-lst, y\n\nDid you mean --opt-out-list-name?\n"


def test_unknown_command_suggests_the_nearest(smscli):
    result = smscli("create-opt-out-lists", "--opt-out-list-name", "x")
    assert result.code == 252
    assert result.err == USAGE + (
        "smscli: error: argument command: Found invalid choice 'create-opt-out-lists'\n\n"
        "Invalid choice: 'create-opt-out-lists', maybe you meant:\n\n"
        "  * create-opt-out-list\n  * delete-opt-out-list\n  * describe-opt-out-lists\n"
    )


def test_a_boolean_takes_no_value(smscli):
    result = smscli("send-text-message", "--destination-phone-number", "+12065550100", "--dry-run", "true")
    assert (result.code, result.err) == (
        252,
        USAGE + "smscli: error: Unknown options: true\n\n"
        "Hint: --dry-run takes no value: write --dry-run for true or --no-dry-run for false.\n",
    )


def test_client_side_validation(smscli):
    result = smscli("tag-resource", "--resource-arn", "resource-arn", "--tags", "tags={key1=value1,key2=value2}")
    assert result.code == 252
    assert result.err == (
        "smscli: [ERROR]: Parameter validation failed:\n"
        "Invalid length for parameter ResourceArn, value: 12, valid min length: 20\n"
        'Missing required parameter in Tags[0]: "Key"\n'
        'Missing required parameter in Tags[0]: "Value"\n'
        'Unknown parameter in Tags[0]: "tags", must be one of: Key, Value\n'
        "\nHint: --tags takes Key=string,Value=string ... in shorthand, or JSON (see `smscli tag-resource help`).\n"
    )


def test_a_value_that_does_not_parse(smscli):
    result = smscli("describe-opted-out-numbers", "--opt-out-list-name", "Default", "--filters", "Name=x,Values=[a")
    assert result.code == 252
    assert result.err == (
        "smscli: [ERROR]: Error parsing parameter '--filters': Expected: ',', received: 'EOF' for input:\n"
        "Name=x,Values=[a\n                ^\n"
    )
    result = smscli("describe-opt-out-lists", "--max-results", "lots")
    assert (result.code, result.err) == (
        252,
        "smscli: [ERROR]: Error parsing parameter '--max-results': expected an integer, received: 'lots'\n",
    )
    result = smscli("describe-opt-out-lists", "--cli-input-json", "file:///nonexistent/in.json")
    assert result.code == 252
    assert result.err.startswith("smscli: [ERROR]: Error parsing parameter 'cli-input-json': Unable to load paramfile file:///nonexistent/in.json")


def test_a_bad_query_is_a_parameter_error(smscli):
    result = smscli("describe-opt-out-lists", "--query", "OptOutLists[", "--output", "json")
    assert result.code == 252
    assert "smscli: error: argument --query: Bad value for --query OptOutLists[" in result.err


def test_service_errors_carry_their_details(smscli):
    assert smscli("create-opt-out-list", "--opt-out-list-name", "dup", "--output", "json").code == 0
    result = smscli("create-opt-out-list", "--opt-out-list-name", "dup", "--output", "json")
    assert (result.code, result.out) == (254, "")
    assert result.err == (
        "smscli: [ERROR]: An error occurred (ConflictException) when calling the CreateOptOutList operation: "
        "An opt-out list named dup already exists.\n\n"
        "Additional error details:\nReason: RESOURCE_ALREADY_EXISTS\nResourceType: opt-out-list\nResourceId: dup\n"
    )


def test_validation_errors_list_their_fields(smscli):
    result = smscli("create-opt-out-list", "--opt-out-list-name", "bad name!")
    assert result.code == 254
    assert result.err == (
        "smscli: [ERROR]: An error occurred (ValidationException) when calling the CreateOptOutList operation: "
        "1 validation error detected: Value 'bad name!' at 'optOutListName' failed to satisfy constraint: "
        "Member must satisfy regular expression pattern: [A-Za-z0-9_-]+\n\n"
        "Additional error details:\nReason: FIELD_VALIDATION_FAILED\nFields:\n"
        "  OptOutListName: Member must satisfy regular expression pattern: [A-Za-z0-9_-]+\n"
    )


def test_unknown_profile_and_bad_config_are_configuration_errors(smscli, home):
    result = smscli("describe-opt-out-lists", "--profile", "nope")
    assert (result.code, result.err) == (
        253,
        "smscli: [ERROR]: The config profile (nope) could not be found (the name comes from --profile)\n\n"
        "Hint: create it with `smscli configure set region us-east-1 --profile nope`\n",
    )
    home.mkdir(parents=True)
    (home / "config.toml").write_text('[default]\noutput = "xml"\n')
    result = smscli("describe-opt-out-lists")
    assert result.code == 253
    assert "output must be one of json, text, table, yaml, not 'xml'" in result.err
    (home / "config.toml").write_text("[default\n")
    result = smscli("describe-opt-out-lists")
    assert result.code == 253 and "is not valid TOML" in result.err


def test_an_unknown_region_is_a_configuration_error(smscli):
    result = smscli("describe-opt-out-lists", "--region", "mars-north-1")
    assert result.code == 253
    assert "region must be one of" in result.err


def test_operations_not_simulated_yet_exit_255_after_full_validation(smscli, home, monkeypatch):
    """An operation without a handler (none is left once the whole API is simulated, so one is
    unregistered here) is validated, then refused with exit 255, and the state is left as it was."""
    from smscli.service import registry

    assert smscli("create-opt-out-list", "--opt-out-list-name", "kept").code == 0
    state = home / "state.json"
    before = state.read_bytes()
    monkeypatch.delitem(registry._MODULE_OF, "CreateOptOutList")
    result = smscli("create-opt-out-list", "--opt-out-list-name", "marketing")
    assert (result.code, result.out) == (255, "")
    assert result.err == (
        "smscli: [ERROR]: The CreateOptOutList operation is not simulated yet: smscli parsed and validated the "
        "request, but its service behaviour has not been built. Nothing was changed.\n"
    )
    assert state.read_bytes() == before
    result = smscli("create-opt-out-list", "--opt-out-list-name", "bad name")
    assert result.code == 254, "the request is validated before anything else"
    assert "(ValidationException)" in result.err
    assert "create-opt-out-list *" in smscli("help").out
    assert state.read_bytes() == before


def test_every_operation_of_the_api_is_simulated():
    from smscli import spec
    from smscli.service import registry

    operations = spec.operations()  # src/smscli/spec/service.json
    assert len(operations) == 91
    assert sorted(op for op in operations if not registry.is_simulated(op)) == []
    for op in operations:
        assert callable(registry.handler(op)), op


def test_help_marks_the_operations_not_simulated_and_nothing_once_all_are(smscli, monkeypatch):
    from smscli.service import registry

    monkeypatch.setattr(registry, "is_simulated", lambda op: op != "CreatePool")
    result = smscli("help")
    assert result.code == 0
    assert "API operations (91; * = parsed and validated, service behaviour not simulated yet):" in result.out
    assert re.findall(r"([a-z-]+) \*", result.out) == ["create-pool"]
    monkeypatch.setattr(registry, "is_simulated", lambda op: True)
    result = smscli("help")
    assert "API operations (91):" in result.out
    assert " *" not in result.out and "not simulated" not in result.out


def test_an_unexpected_failure_is_reported_without_traceback(smscli, monkeypatch):
    from smscli.service import optout

    def explode(region, request):
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(optout.OPERATIONS, "DescribeOptOutLists", explode)
    result = smscli("describe-opt-out-lists")
    assert result.code == 255
    assert result.err == "smscli: [ERROR]: RuntimeError: disk on fire\n(run the command again with --debug to see where it failed)\n"
    result = smscli("describe-opt-out-lists", "--debug")
    assert "Traceback" in result.err


def test_interrupt_exits_130(smscli, monkeypatch):
    from smscli.service import optout

    def interrupted(region, request):
        raise KeyboardInterrupt

    monkeypatch.setitem(optout.OPERATIONS, "DescribeOptOutLists", interrupted)
    assert smscli("describe-opt-out-lists").code == 130


@pytest.mark.parametrize("argv", [["--version"], ["describe-opt-out-lists", "--version"]])
def test_version(smscli, argv):
    result = smscli(*argv)
    assert result.code == 0 and result.out.startswith("smscli/0.1.0 Python/")


EVENT_TYPES = (
    "ALL, TEXT_ALL, TEXT_SENT, TEXT_PENDING, TEXT_QUEUED, TEXT_SUCCESSFUL, TEXT_DELIVERED, TEXT_INVALID, "
    "TEXT_INVALID_MESSAGE, TEXT_UNREACHABLE, TEXT_CARRIER_UNREACHABLE, TEXT_BLOCKED, TEXT_CARRIER_BLOCKED, TEXT_SPAM, "
    "TEXT_UNKNOWN, TEXT_TTL_EXPIRED, TEXT_PROTECT_BLOCKED, VOICE_ALL, VOICE_INITIATED, VOICE_RINGING, VOICE_ANSWERED, "
    "VOICE_COMPLETED, VOICE_BUSY, VOICE_NO_ANSWER, VOICE_FAILED, VOICE_TTL_EXPIRED, MEDIA_ALL, MEDIA_PENDING, "
    "MEDIA_QUEUED, MEDIA_SUCCESSFUL, MEDIA_DELIVERED, MEDIA_INVALID, MEDIA_INVALID_MESSAGE, MEDIA_UNREACHABLE, "
    "MEDIA_CARRIER_UNREACHABLE, MEDIA_BLOCKED, MEDIA_CARRIER_BLOCKED, MEDIA_SPAM, MEDIA_UNKNOWN, MEDIA_TTL_EXPIRED, "
    "MEDIA_FILE_INACCESSIBLE, MEDIA_FILE_TYPE_UNSUPPORTED, MEDIA_FILE_SIZE_EXCEEDED"
)


def test_an_enum_error_lists_the_valid_values_once(smscli, home):
    """Several bad values of a list: one error for the list, in the service's words; the Fields entry
    refers to the values instead of listing them again."""
    assert smscli("create-configuration-set", "--configuration-set-name", "cs").code == 0
    before = (home / "state.json").read_bytes()
    result = smscli("create-event-destination", "--configuration-set-name", "cs", "--event-destination-name", "d",
                    "--matching-event-types", "FOO", "ALL", "BAR",
                    "--sns-destination", "TopicArn=arn:aws:sns:us-east-1:123456789012:events")  # fmt: skip
    assert (result.code, result.out) == (254, "")
    assert result.err == (
        "smscli: [ERROR]: An error occurred (ValidationException) when calling the CreateEventDestination operation: "
        "1 validation error detected: Value '[FOO, ALL, BAR]' at 'matchingEventTypes' failed to satisfy constraint: "
        f"Member must satisfy constraint: [Member must satisfy enum value set: [{EVENT_TYPES}]]\n\n"
        "Additional error details:\nReason: FIELD_VALIDATION_FAILED\nFields:\n"
        "  MatchingEventTypes: Member must satisfy constraint: [Member must satisfy enum value set (listed above)]\n"
    )
    assert result.err.count("MEDIA_FILE_SIZE_EXCEEDED") == 1
    assert (home / "state.json").read_bytes() == before


def test_the_same_enum_broken_twice_is_listed_once(smscli):
    result = smscli("describe-pools", "--filters", "Name=bad,Values=x", "Name=worse,Values=y")
    names = ("status, message-type, two-way-enabled, self-managed-opt-outs-enabled, opt-out-list-name, "
             "shared-routes-enabled, deletion-protection-enabled, two-way-channel-arn")  # fmt: skip
    assert (result.code, result.err) == (
        254,
        "smscli: [ERROR]: An error occurred (ValidationException) when calling the DescribePools operation: "
        "2 validation errors detected: "
        f"Value 'bad' at 'filters.1.member.name' failed to satisfy constraint: Member must satisfy enum value set: [{names}]; "
        "Value 'worse' at 'filters.2.member.name' failed to satisfy constraint: Member must satisfy enum value set (listed above)\n\n"
        "Additional error details:\nReason: FIELD_VALIDATION_FAILED\nFields:\n"
        "  Filters[0].Name: Member must satisfy enum value set (listed above)\n"
        "  Filters[1].Name: Member must satisfy enum value set (listed above)\n",
    )
    result = smscli("describe-phone-numbers", "--owner", "BAD")
    assert result.err.endswith("failed to satisfy constraint: Member must satisfy enum value set: [SELF, SHARED]\n\n"
                               "Additional error details:\nReason: FIELD_VALIDATION_FAILED\nFields:\n"
                               "  Owner: Member must satisfy enum value set (listed above)\n")  # fmt: skip


def test_a_list_element_that_breaks_a_pattern_is_reported_for_the_list(smscli):
    result = smscli("describe-opt-out-lists", "--opt-out-list-names", "ok", "bad name", "worse name")
    assert (result.code, result.err) == (
        254,
        "smscli: [ERROR]: An error occurred (ValidationException) when calling the DescribeOptOutLists operation: "
        "1 validation error detected: Value '[ok, bad name, worse name]' at 'optOutListNames' failed to satisfy "
        "constraint: Member must satisfy constraint: [Member must satisfy regular expression pattern: [A-Za-z0-9_:/-]+]\n\n"
        "Additional error details:\nReason: FIELD_VALIDATION_FAILED\nFields:\n"
        "  OptOutListNames: Member must satisfy constraint: [Member must satisfy regular expression pattern: "
        "[A-Za-z0-9_:/-]+]\n",
    )


def test_a_sim_command_names_itself_as_the_operation(smscli):
    result = smscli("sim", "inbound", "--origination-phone-number", "+14254147755", "--destination-phone-number",
                    "+12065550100", "--message-body", "hi")  # fmt: skip
    assert (result.code, result.out) == (254, "")
    assert result.err == (
        "smscli: [ERROR]: An error occurred (ResourceNotFoundException) when calling the SimInbound operation: "
        "The account has no phone number +12065550100 in us-east-1.\n\n"
        "Additional error details:\nResourceType: phone-number\nResourceId: +12065550100\n"
    )


def test_a_service_error_without_an_operation_never_reads_the_an():
    from smscli.render.errors import format_error
    from smscli.service.errors import ResourceNotFoundException

    error = ResourceNotFoundException("No such thing.", resource_type="pool", resource_id="pool-1")
    assert format_error(error) == (
        "smscli: [ERROR]: An error occurred (ResourceNotFoundException): No such thing.\n\n"
        "Additional error details:\nResourceType: pool\nResourceId: pool-1\n"
    )


def test_a_query_that_fails_on_the_response_is_a_usage_error(smscli):
    result = smscli("describe-opt-out-lists", "--query", "sort_by(@, &x)")
    assert (result.code, result.out) == (252, "")
    assert result.err.endswith(
        "smscli: error: argument --query: In function sort_by(), invalid type for value: object, "
        "expected one of: ['array']\n"
    )
    result = smscli("describe-opt-out-lists", "--query", "nope(@)")
    assert (result.code, result.err.splitlines()[-1]) == (252, "smscli: error: argument --query: Unknown function: nope()")
