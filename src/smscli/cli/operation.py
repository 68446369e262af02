"""Running one API operation: argv -> request dict -> service -> response dict -> --query -> renderer."""

from __future__ import annotations

import json
import sys

from smscli import config, spec
from smscli.cli import paginate
from smscli.cli.output import OutputSettings, write_output
from smscli.errors import ParamValidationError, ServiceError
from smscli.parsing.argv import GlobalArgs, parse_operation
from smscli.parsing.request import build_request, serialize
from smscli.parsing.validation import validate_request


def run_operation(op: str, args: list[str], globals_: GlobalArgs) -> int:
    parsed = parse_operation(op, args)
    if parsed.help:
        from smscli.cli.help import operation_help

        sys.stdout.write(operation_help(op))
        return 0
    for name in parsed.repeated:
        sys.stderr.write(f"smscli: warning: {name} was given more than once; only its last value is used.\n")

    profile = config.load_profile(
        globals_.get("profile"),
        {"region": globals_.get("region"), "output": globals_.get("output"), "color": globals_.get("color")},
    )
    output = OutputSettings.from_profile(profile, globals_.get("query"))

    plan = paginate.plan(parsed, bool(globals_.get("no_paginate")))
    params = build_request(parsed, profile.get("cli_binary_format"))
    skeleton_kind = parsed.special.get("generate_cli_skeleton")
    if skeleton_kind:  # after the values are read (bad ones are still errors), before anything is sent
        return _print_skeleton(op, skeleton_kind, output)
    if plan:
        params = paginate.first_page_request(params, plan, op)
    try:
        validate_request(op, params)
    except ParamValidationError as error:
        from smscli.cli.help import shorthand_hint

        error.hint = shorthand_hint(op, error.problems)
        raise
    request = serialize(params, spec.operation(op)["input"])
    if globals_.get("debug"):
        line = json.dumps({"Operation": op, "Parameters": request}, ensure_ascii=False, separators=(",", ":"))
        from smscli.render.escape import write_text

        write_text(sys.stderr, f"DEBUG request {line}\n")

    service = service_for(profile)
    try:
        response = paginate.run_pages(service.call, op, request, plan) if plan else service.call(op, request)
    except ServiceError as error:
        error.operation = op
        if error.hint is None:
            from smscli.cli.id_hints import phone_number_hint

            error.hint = phone_number_hint(service.read_region, op, request, error)
        raise
    write_output(response, op, output, paginated=plan is not None)
    return 0


def service_for(profile: config.Profile):
    """The local service for this profile's account and Region."""
    from smscli.service.dispatch import Service
    from smscli.store.state import Store

    settings = {name: profile.get(name) for name in ("account_tier", "registration_review")}
    context = make_context(profile.get("account_id"), profile.get("region"), settings)
    return Service(Store(config.state_path()), context)


def make_context(account_id: str, region: str, settings: dict | None = None):
    """The caller's account, Region, clock, id source and service settings (tests replace this to fix
    time and ids)."""
    from smscli.service.region import Context

    return Context(account_id=account_id, region=region, settings=settings)


def _print_skeleton(op: str, kind: str, output: OutputSettings) -> int:
    from smscli.cli import skeleton

    if kind == "output":
        write_output(skeleton.output_skeleton(op), op, output, timestamps=False)
    elif kind == "yaml-input":
        from smscli.render.yamlout import format_yaml

        sys.stdout.write(format_yaml(skeleton.input_skeleton(op)))
    else:
        sys.stdout.write(json.dumps(skeleton.input_skeleton(op), indent=4, ensure_ascii=False) + "\n")
    return 0
