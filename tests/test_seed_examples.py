"""The user guide's AWS CLI examples of its opt-out list chapter (numbered E50-E57 here, in the guide's
order: 001_d878c4bf3599ab7d.txt:11071-11297), placeholders filled in, run end to end; the documented
errors come out where they must."""

from __future__ import annotations

ARN = "arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/optOutListName"


def test_e50_to_e57(smscli, fixed_context):
    # E50 create-opt-out-list
    created = smscli("create-opt-out-list", "--opt-out-list-name", "optOutListName", "--output", "json")
    assert created.code == 0
    assert created.json() == {
        "OptOutListArn": ARN,
        "OptOutListName": "optOutListName",
        "CreatedTimestamp": "2026-01-01T00:00:00+00:00",
        "Tags": [],
    }
    # E51 describe-opt-out-lists (all): the Default list and the new one
    described = smscli("describe-opt-out-lists", "--output", "json").json()
    assert [entry["OptOutListName"] for entry in described["OptOutLists"]] == ["Default", "optOutListName"]
    # E52 describe-opt-out-lists --opt-out-list-names (by name, and by ARN)
    for name in ("optOutListName", ARN):
        one = smscli("describe-opt-out-lists", "--opt-out-list-names", name, "--output", "json").json()
        assert [entry["OptOutListArn"] for entry in one["OptOutLists"]] == [ARN]
    # E54 put-opted-out-number
    put = smscli("put-opted-out-number", "--opt-out-list-name", "optOutListName", "--opted-out-number", "+12065550123",
                 "--output", "json")  # fmt: skip
    assert put.code == 0
    assert put.json()["OptedOutNumber"] == "+12065550123" and put.json()["EndUserOptedOut"] is False
    # E56 tag-resource, as the guide writes it: the shorthand names no Key/Value, so the AWS CLI refuses it
    guide = smscli("tag-resource", "--resource-arn", ARN, "--tags", "tags={key1=value1,key2=value2}")
    assert guide.code == 252
    assert 'Unknown parameter in Tags[0]: "tags", must be one of: Key, Value' in guide.err
    # ... and as it works
    assert smscli("tag-resource", "--resource-arn", ARN, "--tags", "Key=key1,Value=value1", "Key=key2,Value=value2").code == 0
    # E57 untag-resource as the guide writes it: one tag key "tags={key1=value1,key2=value2}", which is not there
    assert smscli("untag-resource", "--resource-arn", ARN, "--tag-keys", "tags={key1=value1,key2=value2}").code == 0
    assert smscli("untag-resource", "--resource-arn", ARN, "--tag-keys", "key1").code == 0
    tags = smscli("list-tags-for-resource", "--resource-arn", ARN, "--output", "json").json()["Tags"]
    assert tags == [{"Key": "key2", "Value": "value2"}]
    # E55 delete-opted-out-number
    deleted = smscli("delete-opted-out-number", "--opt-out-list-name", "optOutListName", "--opted-out-number",
                     "+12065550123", "--output", "json")  # fmt: skip
    assert deleted.code == 0 and deleted.json()["OptedOutNumber"] == "+12065550123"
    again = smscli("delete-opted-out-number", "--opt-out-list-name", "optOutListName", "--opted-out-number", "+12065550123")
    assert again.code == 254 and "(ResourceNotFoundException)" in again.err
    # E53 delete-opt-out-list
    assert smscli("delete-opt-out-list", "--opt-out-list-name", "optOutListName", "--output", "json").code == 0
    gone = smscli("describe-opt-out-lists", "--opt-out-list-names", "optOutListName")
    assert gone.code == 254
    assert "ResourceType: opt-out-list\nResourceId: optOutListName" in gone.err
