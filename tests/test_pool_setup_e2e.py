"""End to end: an operator's pool/keyword/opt-out dry run, every JSON response (and every refusal)
compared with a golden transcript, tests/golden/cli/pool_setup.txt."""

from __future__ import annotations

from conftest import Transcript, assert_golden

TOPIC = "arn:aws:sns:us-east-1:123456789012:inbound-sms"


def test_pool_setup_dry_run(smscli, fixed_context):
    run = Transcript(smscli)
    run("create-opt-out-list --opt-out-list-name marketing")
    run("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS VOICE "
        "--number-type SIMULATOR --opt-out-list-name marketing --tags Key=Name,Value=primary", {"first": "PhoneNumberId"})
    run("create-pool --origination-identity {first} --iso-country-code US --message-type TRANSACTIONAL "
        "--deletion-protection-enabled --tags Key=Name,Value=alerts", {"pool": "PoolId", "pool_arn": "PoolArn"})
    run("put-keyword --origination-identity {pool} --keyword JOIN --keyword-message 'Welcome to alerts! Reply STOP to opt out.' "
        "--keyword-action OPT_IN")
    run("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS VOICE "
        "--number-type SIMULATOR --pool-id {pool}", {"joined": "PhoneNumberId"})
    run("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS VOICE "
        "--number-type SIMULATOR", {"outsider": "PhoneNumberId"})
    run("associate-origination-identity --pool-id {pool} --origination-identity {outsider} --iso-country-code US", code=254)
    run("update-phone-number --phone-number-id {outsider} --opt-out-list-name marketing")
    run("associate-origination-identity --pool-id {pool} --origination-identity {outsider} --iso-country-code US", code=254)
    run("list-pool-origination-identities --pool-id {pool}")
    run("describe-keywords --origination-identity {pool} --filters Name=keyword-action,Values=OPT_IN,AUTOMATIC_RESPONSE")
    run("update-pool --pool-id {pool} --two-way-enabled --two-way-channel-arn " + TOPIC + " --self-managed-opt-outs-enabled")
    run("put-keyword --origination-identity {joined} --keyword INFO --keyword-message 'Visit example.com'", code=254)
    run("request-phone-number --iso-country-code GB --message-type PROMOTIONAL --number-capabilities SMS "
        "--number-type LONG_CODE", {"uk": "PhoneNumberId"})
    run("request-sender-id --sender-id MyBrand --iso-country-code GB --message-types PROMOTIONAL")
    run("request-sender-id --sender-id MyBrand --iso-country-code US", code=254)
    run("create-pool --origination-identity MyBrand --iso-country-code GB --message-type PROMOTIONAL", {"uk_pool": "PoolId"})
    run("associate-origination-identity --pool-id {uk_pool} --origination-identity {uk} --iso-country-code GB")
    run("tag-resource --resource-arn {pool_arn} --tags Key=env,Value=staging Key=owner,Value=ops")
    run("list-tags-for-resource --resource-arn {pool_arn}")
    run("describe-pools --filters Name=two-way-enabled,Values=true")
    # teardown
    run("delete-pool --pool-id {pool}", code=254)
    run("update-pool --pool-id {pool} --no-deletion-protection-enabled")
    run("delete-pool --pool-id {pool}")
    run("delete-pool --pool-id {uk_pool}")
    for number in ("first", "joined", "outsider", "uk"):
        run("release-phone-number --phone-number-id {" + number + "}")
    run("release-sender-id --sender-id MyBrand --iso-country-code GB")
    run("delete-opt-out-list --opt-out-list-name marketing")
    run("describe-phone-numbers")
    assert_golden("cli/pool_setup.txt", run.text())
