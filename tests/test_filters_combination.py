"""How the Filters of one request combine (service/filters.py): DescribeProtectConfigurations returns
what matches any of them (API reference 8402, "match any of filters"); every other operation what meets
all of them ("meet the filter criteria"); a filter matches when any of its Values does; two filters with
the same Name are two criteria."""

from __future__ import annotations

import pytest

def pool_ids(run, filters: str) -> list[str]:
    return [p["PoolId"] for p in run(f"describe-pools --filters {filters}")["Pools"]]


def protect_ids(run, filters: str) -> list[str]:
    return [p["ProtectConfigurationId"] for p in run(f"describe-protect-configurations --filters {filters}")["ProtectConfigurations"]]


@pytest.fixture
def two_protect_configurations(run):
    """The first is the account default, the second has deletion protection."""
    made = [run("create-protect-configuration")["ProtectConfigurationId"],
            run("create-protect-configuration --deletion-protection-enabled")["ProtectConfigurationId"]]  # fmt: skip
    run(f"set-account-default-protect-configuration --protect-configuration-id {made[0]}")
    return made


@pytest.fixture
def two_pools(run):
    """The first pool is two-way, the second has deletion protection."""
    made = []
    for _ in range(2):
        number = run("request-phone-number --iso-country-code US --message-type TRANSACTIONAL "
                     "--number-capabilities SMS --number-type SIMULATOR")  # fmt: skip
        made.append(run(f"create-pool --origination-identity {number['PhoneNumberId']} --iso-country-code US "
                        "--message-type TRANSACTIONAL")["PoolId"])  # fmt: skip
    run(f"update-pool --pool-id {made[0]} --two-way-enabled --two-way-channel-arn arn:aws:sns:us-east-1:123456789012:inbound")
    run(f"update-pool --pool-id {made[1]} --deletion-protection-enabled")
    return made


def test_protect_configurations_matching_any_of_two_filters_are_all_returned(run, two_protect_configurations):
    default, protected = two_protect_configurations
    assert protect_ids(run, "Name=account-default,Values=true") == [default]
    assert protect_ids(run, "Name=deletion-protection-enabled,Values=true") == [protected]
    both = "Name=account-default,Values=true Name=deletion-protection-enabled,Values=true"
    assert protect_ids(run, both) == [default, protected]
    run("create-protect-configuration")  # neither the default nor protected: matches neither filter
    assert protect_ids(run, both) == [default, protected]


def test_pools_meeting_all_of_two_filters_are_returned(run, two_pools):
    first, second = two_pools
    assert pool_ids(run, "Name=two-way-enabled,Values=true") == [first]
    assert pool_ids(run, "Name=deletion-protection-enabled,Values=true") == [second]
    assert pool_ids(run, "Name=two-way-enabled,Values=true Name=deletion-protection-enabled,Values=true") == []
    assert pool_ids(run, "Name=two-way-enabled,Values=false Name=deletion-protection-enabled,Values=true") == [second]
    assert pool_ids(run, "Name=deletion-protection-enabled,Values=true,false") == [first, second]  # OR within one filter


def test_two_filters_with_the_same_name_are_two_criteria(run, two_pools, two_protect_configurations):
    first, second = two_pools
    default, protected = two_protect_configurations
    assert pool_ids(run, "Name=deletion-protection-enabled,Values=true Name=deletion-protection-enabled,Values=false") == []
    assert pool_ids(run, "Name=deletion-protection-enabled,Values=true Name=deletion-protection-enabled,Values=true,false") == [second]
    assert protect_ids(run, "Name=account-default,Values=true Name=account-default,Values=false") == [default, protected]


def test_a_bad_value_is_refused_whatever_the_other_filters_select(run, two_pools, two_protect_configurations):
    for command in ("describe-protect-configurations --filters Name=account-default,Values=true Name=account-default,Values=yes",
                    "describe-pools --filters Name=two-way-enabled,Values=true Name=deletion-protection-enabled,Values=true "
                    "Name=deletion-protection-enabled,Values=yes"):  # fmt: skip
        refused = run(command, code=254)
        assert refused.out == ""
        assert refused.err.endswith("Reason: INVALID_FILTER_VALUES\nFields:\n  Filters: Invalid values for "
                                    f"{command.rsplit('Name=', 1)[1].split(',')[0]}: yes\n")  # fmt: skip
