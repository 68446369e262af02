"""The compact service model: what scripts/gen_spec.py makes from botocore and the committed extract
of the API reference is what is committed (in every clone: the extract is in the repo, nothing here
skips), and it holds what the API reference says (a reviewer's spot checks). That the extract is what
the full reference gives: tests/test_api_reference_extract.py."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from smscli import spec

REPO = Path(__file__).resolve().parent.parent


def _generator():
    module_spec = importlib.util.spec_from_file_location("gen_spec", REPO / "scripts" / "gen_spec.py")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module


GENERATOR = _generator()


def test_the_committed_spec_is_what_the_generator_makes_from_the_extract():
    generated, _ = GENERATOR.generate()
    committed = (REPO / "src" / "smscli" / "spec" / "service.json").read_text()
    assert GENERATOR.render(generated) == committed, "service.json drifted: run python scripts/gen_spec.py"


def test_the_generator_checks_from_the_extract_by_default():
    checked = subprocess.run([sys.executable, str(REPO / "scripts" / "gen_spec.py"), "--check"], capture_output=True, text=True)
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "", "")


def test_the_extract_names_its_source_and_holds_the_91_actions():
    extract = json.loads(GENERATOR.EXTRACT.read_text(encoding="utf-8"))
    assert extract["source"]["file"] == "003_1130e85a092bf54c.txt"
    assert extract["source"]["made by"] == "python scripts/gen_spec.py --write-extract --seed PATH"
    assert len(extract["actions"]) == 91 and set(extract["requests"]) == set(extract["responses"]) == set(extract["actions"])
    assert extract["requests"]["CreatePool"]["IsoCountryCode"] == {
        "Type": "String", "Length Constraints": "Fixed length of 2.", "Pattern": "[A-Z]{2}", "Required": "Yes"}  # fmt: skip


def test_scope_is_the_91_operations_of_the_api_reference():
    operations = spec.operations()
    assert len(operations) == 91
    assert not any(name.startswith(("Notify", "Rcs")) or "Notify" in name or "Rcs" in name for name in operations)
    assert "ListAvailablePhoneNumbers" not in operations


def test_the_api_reference_wins_where_it_differs_from_the_model():
    shapes = spec.shapes()
    assert shapes["PoolIdOrArn"]["min"] == 0 and shapes["PoolIdOrArn"]["seed"] == {"min": 1, "pattern": "[A-Za-z0-9_:/-]+"}  # C1
    for request in ("CreatePoolRequest", "AssociateOriginationIdentityRequest", "DisassociateOriginationIdentityRequest"):
        assert shapes[request]["seedRequired"] == ["IsoCountryCode"]  # C2
        assert "IsoCountryCode" not in shapes[request]["required"]
    assert shapes["NumberCapability"]["enum"] == ["SMS", "VOICE", "MMS"]  # C3, C4
    assert shapes["NumberCapabilityList"]["seed"] == {"max": 3}
    assert shapes["EventTypeList"]["seed"] == {"max": 43}  # C5
    assert not any(value.startswith("RCS") for value in shapes["EventType"]["enum"])
    assert shapes["AttachmentBody"]["seed"] == {"max": 1572864}  # C7
    assert "REQUIRES_OFFLINE_REVIEW" not in shapes["RegistrationVersionStatus"]["enum"]  # C8
    assert shapes["VerificationStatus"]["enum"] == ["PENDING", "VERIFIED"]  # C9
    assert shapes["PhoneNumberType"]["enum"] == ["MOBILE", "LANDLINE", "OTHER", "INVALID"]  # C11
    assert shapes["VerifiedDestinationNumberFilterName"]["enum"] == ["status"]  # C12
    assert shapes["PoolFilterName"]["enum"] == [
        "status", "message-type", "two-way-enabled", "self-managed-opt-outs-enabled", "opt-out-list-name",
        "shared-routes-enabled", "deletion-protection-enabled", "two-way-channel-arn",
    ]  # fmt: skip


def test_members_the_api_reference_does_not_document_are_left_out():
    shapes = spec.shapes()
    assert "EnableCleansing" not in shapes["CarrierLookupRequest"]["members"]
    assert "OriginalPhoneNumber" not in shapes["CarrierLookupResult"]["members"]
    assert "NumberPreference" not in shapes["RequestPhoneNumberRequest"]["members"]
    assert "RcsAgentId" not in shapes["CreateVerifiedDestinationNumberRequest"]["members"]
    assert "RcsAgentId" not in shapes["VerifiedDestinationNumberInformation"]["members"]
    for info in ("PhoneNumberInformation", "SenderIdInformation"):
        assert not {"MessagingLimits", "PricingTier"} & set(shapes[info]["members"])
    assert "AttachmentUrl" not in shapes["RegistrationAttachmentsInformation"]["members"]
    assert "ConditionalBehavior" not in shapes["RegistrationFieldDefinition"]["members"]
    assert "documentation" not in json.dumps(spec.model())


def test_paginators_of_the_22_paginated_operations():
    paginated = {name: op["paginator"] for name, op in spec.operations().items() if "paginator" in op}
    assert len(paginated) == 22
    assert paginated["DescribeOptedOutNumbers"] == {
        "inputToken": "NextToken", "outputToken": "NextToken", "limitKey": "MaxResults",
        "resultKey": "OptedOutNumbers", "nonAggregateKeys": ["OptOutListArn", "OptOutListName"],
    }  # fmt: skip
    assert paginated["ListPoolOriginationIdentities"]["nonAggregateKeys"] == ["PoolArn", "PoolId"]
    assert sorted(paginated["DescribeRegistrationFieldValues"]["nonAggregateKeys"]) == ["RegistrationArn", "RegistrationId", "VersionNumber"]


def test_required_members_and_tag_values():
    shapes = spec.shapes()
    assert shapes["CreatePoolRequest"]["required"] == ["OriginationIdentity", "MessageType"]
    assert shapes["CreatePoolRequest"]["order"][:3] == ["OriginationIdentity", "IsoCountryCode", "MessageType"]
    assert shapes["TagValue"]["min"] == 0


def test_every_shape_is_defined_and_used():
    shapes = spec.shapes()
    referenced = set()
    for operation in spec.operations().values():
        referenced |= {operation["input"], operation["output"], *operation["errors"]}
    for shape in shapes.values():
        referenced |= {member["shape"] for member in shape.get("members", {}).values()}
        referenced |= {shape[key] for key in ("member", "key", "value") if key in shape}
    assert referenced == set(shapes)
