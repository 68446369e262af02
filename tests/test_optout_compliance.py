"""Opt-out compliance end to end, through the command line: pool members follow their pool (opt-out
list, two-way, self-managed opt-outs, keywords), so that no path reaches a customer who opted out
through any number that shares the list; US toll-free numbers opt out with STOP only."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

SUCCESS = "+14254147755"  # the US success destination simulator
TOPIC = "arn:aws:sns:us-east-1:123456789012:inbound"
NEW_TOPIC = "arn:aws:sns:us-east-1:123456789012:inbound-2"


def simulator_number(run, capabilities="SMS VOICE"):
    return run(f"request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities {capabilities} "
               "--number-type SIMULATOR")  # fmt: skip


def pool_of_two(run):
    first, second = simulator_number(run), simulator_number(run)
    pool = run(f"create-pool --origination-identity {first['PhoneNumberId']} --iso-country-code US --message-type TRANSACTIONAL")
    run(f"associate-origination-identity --pool-id {pool['PoolId']} --origination-identity {second['PhoneNumberId']} "
        "--iso-country-code US")
    return pool, first, second


def described(run, number):
    return run(f"describe-phone-numbers --phone-number-ids {number['PhoneNumberId']}")["PhoneNumbers"][0]


def opted_out(run, list_name):
    return [entry["OptedOutNumber"] for entry in run(f"describe-opted-out-numbers --opt-out-list-name {list_name}")["OptedOutNumbers"]]


def refused_as_opted_out(run, command, list_name="L2", operation="SendTextMessage"):
    result = run(command, code=254)
    assert result.err == (
        f"smscli: [ERROR]: An error occurred (ConflictException) when calling the {operation} operation: "
        f"{SUCCESS} is on the opt-out list {list_name}.\n\n"
        "Additional error details:\n"
        "Reason: DESTINATION_PHONE_NUMBER_OPTED_OUT\n"
        "ResourceType: opt-out-list\n"
        f"ResourceId: {list_name}\n"
    )


def every_send(pool, member):
    """Every way to send to SUCCESS that goes through the member's configuration."""
    text = f"send-text-message --destination-phone-number {SUCCESS} --message-body hello"
    return [
        f"{text} --origination-identity {pool['PoolId']}",
        f"{text} --origination-identity {pool['PoolArn']}",
        f"{text} --origination-identity {member['PhoneNumberId']}",
        f"{text} --origination-identity {member['PhoneNumberArn']}",
        f"{text} --origination-identity {member['PhoneNumber']}",
        text,  # no identity: the service chooses a number, and every number the account has is in the pool
        f"{text} --origination-identity {member['PhoneNumberId']} --dry-run",
    ]


def test_update_pool_opt_out_list_moves_every_member_and_no_send_reaches_an_opted_out_customer(run):
    run("create-opt-out-list --opt-out-list-name L2")
    pool, first, second = pool_of_two(run)
    updated = run(f"update-pool --pool-id {pool['PoolId']} --opt-out-list-name L2")
    assert updated["OptOutListName"] == "L2"
    assert [(n["PhoneNumberId"], n["OptOutListName"], n["PoolId"]) for n in run("describe-phone-numbers")["PhoneNumbers"]] == [
        (first["PhoneNumberId"], "L2", pool["PoolId"]), (second["PhoneNumberId"], "L2", pool["PoolId"]),
    ]  # fmt: skip
    assert run("describe-phone-numbers --filters Name=opt-out-list-name,Values=Default")["PhoneNumbers"] == []
    # the customer texts STOP to the second member: the opt-out is recorded on the pool's list
    outcome = run(f"sim inbound --origination-phone-number {SUCCESS} --destination-phone-number {second['PhoneNumber']} "
                  "--message-body STOP")  # fmt: skip
    assert (outcome["Keyword"], outcome["OptOutListName"], outcome["OptedOut"]) == ("STOP", "L2", True)
    assert (opted_out(run, "L2"), opted_out(run, "Default")) == ([SUCCESS], [])
    for member in (first, second):
        for command in every_send(pool, member):
            refused_as_opted_out(run, command)
    refused_as_opted_out(run, f"send-voice-message --destination-phone-number {SUCCESS} --message-body hello "
                              f"--origination-identity {second['PhoneNumberId']}", operation="SendVoiceMessage")  # fmt: skip
    # a member taken out of the pool keeps the pool's list, so it still does not reach the customer
    run(f"disassociate-origination-identity --pool-id {pool['PoolId']} --origination-identity {second['PhoneNumberId']} "
        "--iso-country-code US")
    left = described(run, second)
    assert (left["OptOutListName"], "PoolId" in left) == ("L2", False)
    refused_as_opted_out(run, f"send-text-message --destination-phone-number {SUCCESS} --message-body hello "
                              f"--origination-identity {second['PhoneNumber']}")  # fmt: skip
    assert [m for m in run("sim messages")["Messages"] if m["Source"] == "send"] == []


def test_a_refused_pool_update_changes_neither_the_pool_nor_its_members(run):
    pool, first, second = pool_of_two(run)
    voice_only = run("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities VOICE "
                     "--number-type SIMULATOR")  # fmt: skip
    voice_pool = run(f"create-pool --origination-identity {voice_only['PhoneNumberId']} --iso-country-code US "
                     "--message-type TRANSACTIONAL")  # fmt: skip
    run("create-opt-out-list --opt-out-list-name L2")
    result = run(f"update-pool --pool-id {voice_pool['PoolId']} --opt-out-list-name L2 --two-way-enabled "
                 f"--two-way-channel-arn {TOPIC}", code=254)  # fmt: skip
    message = (f"Two-way messaging needs numbers with the SMS capability; the phone number {voice_only['PhoneNumberId']} "
               f"of the pool {voice_pool['PoolId']} has none.")  # fmt: skip
    assert result.err == (
        f"smscli: [ERROR]: An error occurred (ValidationException) when calling the UpdatePool operation: {message}\n\n"
        "Additional error details:\nReason: INVALID_PARAMETER\nFields:\n"
        f"  TwoWayEnabled: {message}\n"
    )
    unchanged = run(f"describe-pools --pool-ids {voice_pool['PoolId']}")["Pools"][0]
    assert (unchanged["OptOutListName"], unchanged["TwoWayEnabled"]) == ("Default", False)
    assert (described(run, voice_only)["OptOutListName"], described(run, voice_only)["TwoWayEnabled"]) == ("Default", False)
    # a refusal by the pool's own rules changes no member either
    run(f"update-pool --pool-id {pool['PoolId']} --opt-out-list-name L2 --self-managed-opt-outs-enabled", code=254)
    assert {described(run, n)["OptOutListName"] for n in (first, second)} == {"Default"}


def test_two_way_and_self_managed_opt_outs_follow_the_pool(run):
    pool, first, second = pool_of_two(run)
    run(f"update-pool --pool-id {pool['PoolId']} --two-way-enabled --two-way-channel-arn {TOPIC} --self-managed-opt-outs-enabled")
    for number in (first, second):
        shown = described(run, number)
        assert (shown["TwoWayEnabled"], shown["TwoWayChannelArn"], shown["SelfManagedOptOutsEnabled"]) == (True, TOPIC, True)
    assert len(run("describe-phone-numbers --filters Name=self-managed-opt-outs-enabled,Values=true")["PhoneNumbers"]) == 2
    # self-managed: STOP to a member opts nobody out and goes to the two-way channel; sends still go
    outcome = run(f"sim inbound --origination-phone-number {SUCCESS} --destination-phone-number {second['PhoneNumber']} "
                  "--message-body STOP")  # fmt: skip
    assert (outcome["SelfManagedOptOuts"], outcome["OptedOut"], outcome["Reply"], outcome["TwoWayChannelArn"]) == (True, None, None, TOPIC)
    assert opted_out(run, "Default") == []
    run(f"send-text-message --destination-phone-number {SUCCESS} --message-body hello --origination-identity {second['PhoneNumberId']}")
    # a new channel on the pool reaches the members; turning self-managed opt-outs off again too
    run(f"update-pool --pool-id {pool['PoolId']} --two-way-channel-arn {NEW_TOPIC} --no-self-managed-opt-outs-enabled")
    shown = described(run, first)
    assert (shown["TwoWayChannelArn"], shown["SelfManagedOptOutsEnabled"]) == (NEW_TOPIC, False)
    outcome = run(f"sim inbound --origination-phone-number {SUCCESS} --destination-phone-number {first['PhoneNumber']} "
                  "--message-body STOP")  # fmt: skip
    assert (outcome["OptedOut"], outcome["TwoWayChannelArn"]) == (True, NEW_TOPIC)
    refused_as_opted_out(run, f"send-text-message --destination-phone-number {SUCCESS} --message-body hello "
                              f"--origination-identity {second['PhoneNumber']}", list_name="Default")  # fmt: skip
    # a member taken out keeps the two-way configuration it had in the pool
    run(f"disassociate-origination-identity --pool-id {pool['PoolId']} --origination-identity {second['PhoneNumberId']} "
        "--iso-country-code US")
    shown = described(run, second)
    assert (shown["TwoWayEnabled"], shown["TwoWayChannelArn"], shown["SelfManagedOptOutsEnabled"]) == (True, NEW_TOPIC, False)


def test_keywords_put_and_deleted_on_the_pool_reach_its_members(run):
    pool, first, second = pool_of_two(run)
    run(f"put-keyword --origination-identity {pool['PoolId']} --keyword JOIN --keyword-message Welcome --keyword-action OPT_IN")
    for number in (first, second):
        shown = run(f"describe-keywords --origination-identity {number['PhoneNumberId']} --keywords JOIN")["Keywords"]
        assert shown == [{"Keyword": "JOIN", "KeywordMessage": "Welcome", "KeywordAction": "OPT_IN"}]
    # a number outside the pool with the pool's keywords fits (KEYWORD_MISMATCH compares the pool's set)
    outsider = simulator_number(run)
    run(f"associate-origination-identity --pool-id {pool['PoolId']} --origination-identity {outsider['PhoneNumberId']} "
        "--iso-country-code US", code=254)
    run(f"put-keyword --origination-identity {outsider['PhoneNumberId']} --keyword JOIN --keyword-message Welcome "
        "--keyword-action OPT_IN")
    run(f"associate-origination-identity --pool-id {pool['PoolId']} --origination-identity {outsider['PhoneNumberId']} "
        "--iso-country-code US")
    run(f"delete-keyword --origination-identity {pool['PoolId']} --keyword JOIN")
    run(f"disassociate-origination-identity --pool-id {pool['PoolId']} --origination-identity {second['PhoneNumberId']} "
        "--iso-country-code US")
    result = run(f"describe-keywords --origination-identity {second['PhoneNumberId']} --keywords JOIN", code=254)
    assert "ResourceNotFoundException" in result.err and "The keyword JOIN does not exist." in result.err
    # the number that left can go back: its keywords still equal the pool's
    run(f"associate-origination-identity --pool-id {pool['PoolId']} --origination-identity {second['PhoneNumberId']} "
        "--iso-country-code US")


# ---------------------------------------------------------------------------------------------
# US toll-free numbers: STOP only


def toll_free(run, extra=""):
    return run("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS "
               f"--number-type TOLL_FREE {extra}")  # fmt: skip


def test_a_toll_free_number_has_help_and_stop_only(run):
    number = toll_free(run)
    keywords = run(f"describe-keywords --origination-identity {number['PhoneNumberId']}")["Keywords"]
    assert [(k["Keyword"], k["KeywordAction"]) for k in keywords] == [("HELP", "AUTOMATIC_RESPONSE"), ("STOP", "OPT_OUT")]
    ten_dlc = run("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS "
                  "--number-type TEN_DLC")  # fmt: skip
    assert len(run(f"describe-keywords --origination-identity {ten_dlc['PhoneNumberId']}")["Keywords"]) == 11


@pytest.mark.parametrize("body", ["UNSUBSCRIBE", "quit", "Cancel please", "END", "OPTOUT"])
def test_other_opt_out_words_do_not_opt_out_on_a_toll_free_number(run, body):
    number = toll_free(run)  # PENDING until registered, but it receives messages
    run(f"update-phone-number --phone-number-id {number['PhoneNumberId']} --two-way-enabled --two-way-channel-arn {TOPIC}")
    outcome = run(f"sim inbound --origination-phone-number {SUCCESS} --destination-phone-number {number['PhoneNumber']} "
                  f"--message-body '{body}'")  # fmt: skip
    assert (outcome["Keyword"], outcome["Action"], outcome["OptedOut"], outcome["Reply"]) == (None, None, None, None)
    assert (outcome["TwoWayChannelArn"], outcome["InboundMessage"]["messageBody"]) == (TOPIC, body)
    assert opted_out(run, "Default") == []
    outcome = run(f"sim inbound --origination-phone-number {SUCCESS} --destination-phone-number {number['PhoneNumber']} "
                  "--message-body STOP")  # fmt: skip
    assert (outcome["Keyword"], outcome["OptedOut"]) == ("STOP", True)
    assert opted_out(run, "Default") == [SUCCESS]


def test_a_pool_made_from_a_toll_free_number_has_its_keyword_rules(run):
    number = toll_free(run)
    pool = run(f"create-pool --origination-identity {number['PhoneNumberId']} --iso-country-code US --message-type TRANSACTIONAL")
    keywords = run(f"describe-keywords --origination-identity {pool['PoolId']}")["Keywords"]
    assert [k["Keyword"] for k in keywords] == ["HELP", "STOP"]
    for keyword, action in (("QUIT", "OPT_OUT"), ("STOP", "OPT_OUT")):
        result = run(f"put-keyword --origination-identity {pool['PoolId']} --keyword {keyword} --keyword-message bye "
                     f"--keyword-action {action}", code=254)  # fmt: skip
        assert "Reason: RESOURCE_MODIFICATION_NOT_ALLOWED" in result.err
    run(f"put-keyword --origination-identity {pool['PoolId']} --keyword UNSTOP --keyword-message 'Welcome back' --keyword-action OPT_IN")
    second = toll_free(run)
    run(f"put-keyword --origination-identity {second['PhoneNumberId']} --keyword UNSTOP --keyword-message 'Welcome back' "
        "--keyword-action OPT_IN")
    run(f"associate-origination-identity --pool-id {pool['PoolId']} --origination-identity {second['PhoneNumberId']} "
        "--iso-country-code US")


def test_no_keyword_becomes_an_opt_out_keyword_on_a_toll_free_number(run):
    number = toll_free(run)
    run(f"put-keyword --origination-identity {number['PhoneNumberId']} --keyword LEAVE --keyword-message 'See you'")
    result = run(f"put-keyword --origination-identity {number['PhoneNumberId']} --keyword LEAVE --keyword-message bye "
                 "--keyword-action OPT_OUT", code=254)  # fmt: skip
    assert result.err == (
        "smscli: [ERROR]: An error occurred (ConflictException) when calling the PutKeyword operation: The keyword LEAVE "
        "can't be an opt-out keyword on a toll-free number: the carriers handle opt-outs, with STOP only.\n\n"
        "Additional error details:\nReason: RESOURCE_MODIFICATION_NOT_ALLOWED\nResourceType: keyword\nResourceId: LEAVE\n"
    )
    result = run(f"put-keyword --origination-identity {number['PhoneNumberId']} --keyword stop --keyword-message bye", code=254)
    assert result.err.startswith(
        "smscli: [ERROR]: An error occurred (ConflictException) when calling the PutKeyword operation: The keyword stop "
        "can't be changed on a toll-free number: the carriers handle its opt-outs and its response.\n"
    )
    shown = run(f"describe-keywords --origination-identity {number['PhoneNumberId']} --keywords LEAVE STOP")["Keywords"]
    assert [(k["Keyword"], k["KeywordAction"]) for k in shown] == [("LEAVE", "AUTOMATIC_RESPONSE"), ("STOP", "OPT_OUT")]


def test_a_state_written_before_members_followed_their_pool_still_uses_the_pools_list(service):
    """States saved by an earlier smscli can hold a member whose own record still names Default after
    the pool moved to L2: every reader asks the pool, and the member takes the pool's list when it leaves."""
    from smscli.service import simulator
    from smscli.service.errors import ConflictException

    def request_number():
        return service.call("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL",
                                                   "NumberCapabilities": ["SMS"], "NumberType": "SIMULATOR"})  # fmt: skip

    service.call("CreateOptOutList", {"OptOutListName": "L2"})
    first, second = request_number(), request_number()
    pool = service.call("CreatePool", {"OriginationIdentity": first["PhoneNumberId"], "IsoCountryCode": "US",
                                       "MessageType": "TRANSACTIONAL"})  # fmt: skip
    service.call("AssociateOriginationIdentity", {"PoolId": pool["PoolId"], "OriginationIdentity": second["PhoneNumberId"],
                                                  "IsoCountryCode": "US"})  # fmt: skip
    service.call("UpdatePool", {"PoolId": pool["PoolId"], "OptOutListName": "L2"})
    with service.write_region() as region:  # what the earlier smscli left behind
        for number in (first, second):
            region.collection("phone_numbers")[number["PhoneNumberId"]]["OptOutListName"] = "Default"
        assert simulator.inbound(region, SUCCESS, second["PhoneNumber"], "STOP")["OptOutListName"] == "L2"
    for identity in (second["PhoneNumberId"], second["PhoneNumber"], None):
        request = {"DestinationPhoneNumber": SUCCESS, "MessageBody": "hello", **({"OriginationIdentity": identity} if identity else {})}
        with pytest.raises(ConflictException) as raised:
            service.call("SendTextMessage", request)
        assert (raised.value.reason, raised.value.resource_id) == ("DESTINATION_PHONE_NUMBER_OPTED_OUT", "L2")
    service.call("DisassociateOriginationIdentity", {"PoolId": pool["PoolId"], "OriginationIdentity": second["PhoneNumberId"],
                                                     "IsoCountryCode": "US"})  # fmt: skip
    left = service.call("DescribePhoneNumbers", {"PhoneNumberIds": [second["PhoneNumberId"]]})["PhoneNumbers"][0]
    assert left["OptOutListName"] == "L2"


OTHER_OPT_OUT_WORDS = ["ARRET", "CANCEL", "END", "OPT-OUT", "OPTOUT", "QUIT", "REMOVE", "TD", "UNSUBSCRIBE"]


@settings(max_examples=40, deadline=None)
@given(word=st.sampled_from(OTHER_OPT_OUT_WORDS), upper=st.lists(st.booleans(), min_size=11, max_size=11),
       tail=st.sampled_from(["", ".", "!", " me", " please now"]))  # fmt: skip
def test_the_other_opt_out_words_opt_out_on_a_10dlc_number_but_not_on_a_toll_free_one(tmp_path_factory, word, upper, tail):
    from smscli.service import simulator
    from smscli.service.dispatch import Service
    from smscli.service.region import Context
    from smscli.store.state import Store

    body = "".join(c.upper() if up else c.lower() for c, up in zip(word, upper)) + tail
    service = Service(Store(tmp_path_factory.mktemp("inbound") / "state.json"), Context())
    numbers = {
        kind: service.call("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL", "NumberCapabilities": ["SMS"],
                                                  "NumberType": kind})["PhoneNumber"]  # fmt: skip
        for kind in ("TOLL_FREE", "TEN_DLC")
    }
    with service.write_region() as region:
        toll_free = simulator.inbound(region, SUCCESS, numbers["TOLL_FREE"], body)
        assert (toll_free["Keyword"], toll_free["OptedOut"]) == (None, None)
        assert region.collection("opt_out_lists")["Default"]["numbers"] == {}
        ten_dlc = simulator.inbound(region, SUCCESS, numbers["TEN_DLC"], body)
        assert (ten_dlc["Keyword"], ten_dlc["OptedOut"]) == (word, True)


def test_a_sender_id_named_alone_respects_the_lists_of_the_pools_that_hold_it(run):
    """A customer who texted STOP to a pool's number is on the pool's list; the pool's sender ID, named
    on its own, must not reach them either (it checks Default and the list of every pool holding it)."""
    gb = "+447860019066"  # the UK success destination simulator
    run("create-opt-out-list --opt-out-list-name L2")
    number = run("request-phone-number --iso-country-code GB --message-type TRANSACTIONAL --number-capabilities SMS "
                 "--number-type LONG_CODE --opt-out-list-name L2")  # fmt: skip
    run("request-sender-id --sender-id MyBrand --iso-country-code GB")
    pool = run(f"create-pool --origination-identity {number['PhoneNumberId']} --iso-country-code GB --message-type TRANSACTIONAL")
    run(f"associate-origination-identity --pool-id {pool['PoolId']} --origination-identity MyBrand --iso-country-code GB")
    run(f"sim inbound --origination-phone-number {gb} --destination-phone-number {number['PhoneNumber']} --message-body STOP")
    result = run(f"send-text-message --destination-phone-number {gb} --message-body hello --origination-identity MyBrand", code=254)
    assert result.err == (
        "smscli: [ERROR]: An error occurred (ConflictException) when calling the SendTextMessage operation: "
        f"{gb} is on the opt-out list L2.\n\n"
        "Additional error details:\nReason: DESTINATION_PHONE_NUMBER_OPTED_OUT\nResourceType: opt-out-list\nResourceId: L2\n"
    )
    other = "+447860019067"  # a customer who did not opt out is still reached through the sender ID
    assert "MessageId" in run(f"send-text-message --destination-phone-number {other} --message-body hello "
                              "--origination-identity MyBrand")  # fmt: skip
