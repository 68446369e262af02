"""A hand-edited state whose record lacks a member the service relies on is refused on load (exit 253,
the file, account/Region, collection, record and member named, the file left byte for byte), instead
of a KeyError (exit 255) in whichever call reads that member."""

from __future__ import annotations

import base64
import copy
import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smscli.errors import StateError
from smscli.service.dispatch import Service
from smscli.service.region import Context
from smscli.store.schema import REQUIRED
from smscli.store.state import Store

WHERE = "123456789012/us-east-1"
SIMULATOR_DESTINATION = "+14254147755"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def make_rich_state(path) -> dict:
    """A state the real service wrote, with a record in every collection the schema knows."""
    ids = itertools.count(1)
    call = Service(Store(path), Context(new_hex=lambda: f"{next(ids):032x}")).call
    number = call("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL",
                                         "NumberCapabilities": ["SMS", "VOICE"], "NumberType": "SIMULATOR"})  # fmt: skip
    spare = call("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL",
                                        "NumberCapabilities": ["SMS", "VOICE"], "NumberType": "SIMULATOR"})  # fmt: skip
    call("CreatePool", {"OriginationIdentity": spare["PhoneNumberId"], "IsoCountryCode": "US", "MessageType": "TRANSACTIONAL"})
    call("RequestSenderId", {"SenderId": "ACME", "IsoCountryCode": "GB"})
    call("CreateOptOutList", {"OptOutListName": "kept"})
    call("CreateConfigurationSet", {"ConfigurationSetName": "alerts"})
    call("CreateEventDestination", {"ConfigurationSetName": "alerts", "EventDestinationName": "sns", "MatchingEventTypes": ["ALL"],
                                    "SnsDestination": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:sms-events"}})  # fmt: skip
    call("CreateProtectConfiguration", {})
    call("CreateVerifiedDestinationNumber", {"DestinationPhoneNumber": "+12065550100"})
    call("CreateRegistration", {"RegistrationType": "US_TEN_DLC_BRAND_REGISTRATION"})
    call("CreateRegistrationAttachment", {"AttachmentBody": base64.b64encode(PNG).decode()})
    call("SendTextMessage", {"DestinationPhoneNumber": SIMULATOR_DESTINATION, "OriginationIdentity": number["PhoneNumberId"],
                             "MessageBody": "hello", "ConfigurationSetName": "alerts"})  # fmt: skip
    return json.loads(path.read_bytes())


@pytest.fixture(scope="module")
def rich_state(tmp_path_factory) -> dict:
    return make_rich_state(tmp_path_factory.mktemp("rich") / "state.json")


def region_of(state: dict) -> dict:
    return state["accounts"]["123456789012"]["regions"]["us-east-1"]


def refusal(path, problem: str) -> str:
    return (f"smscli: [ERROR]: The state file {path} is damaged: {problem}. smscli has left it untouched; "
            "restore it from a backup or move it away to start afresh.\n")  # fmt: skip


def test_a_state_the_service_wrote_has_every_collection_and_passes(rich_state, tmp_path):
    assert set(REQUIRED) <= set(region_of(rich_state)), set(REQUIRED) - set(region_of(rich_state))
    path = tmp_path / "state.json"
    path.write_text(json.dumps(rich_state))
    assert Store(path).load() == rich_state


def every_required_member(state: dict):
    """(collection, record key, path of members to the one removed) for each required member of each record."""
    for collection, members in REQUIRED.items():
        for key, record in region_of(state)[collection].items():
            for name, kind, entry_members in members:
                yield collection, key, (name,)
                if entry_members and record[name]:
                    entries = record[name]
                    first = next(iter(entries)) if kind == "object" else 0
                    for entry_name, _, _ in entry_members:
                        yield collection, key, (name, first, entry_name)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_required_member_missing_is_named_and_the_file_is_kept(rich_state, tmp_path, data):
    collection, key, where = data.draw(st.sampled_from(list(every_required_member(rich_state))))
    state = copy.deepcopy(rich_state)
    holder = region_of(state)[collection][key]
    for step in where[:-1]:
        holder = holder[step]
    del holder[where[-1]]
    path = tmp_path / "state.json"
    path.write_text(json.dumps(state))
    before = path.read_bytes()
    with pytest.raises(StateError) as refused:
        Store(path).load()
    if len(where) == 1:
        expected = f'{collection} record {key} of {WHERE} has no "{where[0]}"'
    else:
        shown = f'"{where[1]}"' if isinstance(where[1], str) else str(where[1])
        expected = f'{collection} record {key} of {WHERE} has a "{where[0]}" entry {shown} that has no "{where[2]}"'
    assert str(refused.value) == refusal(path, expected)[len("smscli: [ERROR]: "):-1]
    assert path.read_bytes() == before


@pytest.fixture
def hand_edited(smscli, home):
    """A state made through the CLI, then one member removed by hand: (number id, edit(member), state path)."""
    number = smscli("request-phone-number", "--iso-country-code", "US", "--message-type", "TRANSACTIONAL",
                    "--number-capabilities", "SMS", "--number-type", "SIMULATOR", "--output", "json").json()  # fmt: skip
    path = home / "state.json"

    def edit(member, value=None, remove=True):
        state = json.loads(path.read_bytes())
        record = region_of(state)["phone_numbers"][number["PhoneNumberId"]]
        if remove:
            del record[member]
        else:
            record[member] = value
        path.write_text(json.dumps(state, indent=1))  # as an editor would leave it
        return path.read_bytes()

    return number["PhoneNumberId"], edit, path


def test_describe_keywords_on_a_number_without_keywords_is_exit_253_naming_the_record(smscli, hand_edited):
    number_id, edit, path = hand_edited
    before = edit("keywords")
    result = smscli("describe-keywords", "--origination-identity", number_id, "--output", "json")
    assert (result.code, result.out) == (253, "")
    assert result.err == refusal(path, f'phone_numbers record {number_id} of {WHERE} has no "keywords"')
    assert path.read_bytes() == before


@pytest.mark.parametrize("member", ["Status", "NumberCapabilities", "IsoCountryCode", "OptOutListName"])
def test_send_text_message_from_a_damaged_number_is_refused_and_writes_nothing(smscli, hand_edited, member):
    number_id, edit, path = hand_edited
    before = edit(member)
    result = smscli("send-text-message", "--destination-phone-number", SIMULATOR_DESTINATION,
                    "--origination-identity", number_id, "--message-body", "hi", "--output", "json")  # fmt: skip
    assert (result.code, result.out) == (253, "")
    assert result.err == refusal(path, f'phone_numbers record {number_id} of {WHERE} has no "{member}"')
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")) == []


def test_a_member_of_the_wrong_json_type_is_named_with_what_it_is(smscli, hand_edited):
    number_id, edit, path = hand_edited
    before = edit("keywords", ["HELP"], remove=False)
    result = smscli("describe-keywords", "--origination-identity", number_id, "--output", "json")
    assert result.code == 253
    assert result.err == refusal(path, f'phone_numbers record {number_id} of {WHERE} has "keywords" an array, not an object')
    edit("DeletionProtectionEnabled", "no", remove=False)
    result = smscli("describe-phone-numbers", "--output", "json")
    assert result.code == 253 and 'has "DeletionProtectionEnabled" "no", not true or false' in result.err
    assert path.read_bytes() != before  # the second edit, kept as it was written
    assert json.loads(path.read_bytes())  # and still the user's own text


def test_a_keyword_entry_without_its_keyword_is_named(smscli, hand_edited):
    number_id, edit, path = hand_edited
    state = json.loads(path.read_bytes())
    del region_of(state)["phone_numbers"][number_id]["keywords"]["HELP"]["Keyword"]
    path.write_text(json.dumps(state))
    result = smscli("create-opt-out-list", "--opt-out-list-name", "x", "--output", "json")  # any write: the index reads it
    assert result.code == 253
    assert result.err == refusal(path, f'phone_numbers record {number_id} of {WHERE} has a "keywords" entry "HELP" that has no "Keyword"')
    assert path.read_text() == json.dumps(state)


def test_optional_members_may_be_missing(smscli, hand_edited):
    number_id, edit, path = hand_edited
    edit("Tags")  # read with .get: an old or hand-made record without tags is fine
    result = smscli("list-tags-for-resource", "--resource-arn",
                    f"arn:aws:sms-voice:us-east-1:123456789012:phone-number/{number_id}", "--output", "json")  # fmt: skip
    assert result.code == 0 and result.json()["Tags"] == []
