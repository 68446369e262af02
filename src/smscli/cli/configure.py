"""`smscli configure list|get|set`: the profile settings in config.toml (written with tomli-w).

The profile is the global --profile (or SMSCLI_PROFILE / AWS_PROFILE), as for every command.
"""

from __future__ import annotations

import os
import tempfile

import typer

from smscli import config
from smscli.errors import ConfigError, UsageError

app = typer.Typer(
    name="configure",
    help="Show and change the settings of a profile (config.toml). The profile is the global --profile.",
    no_args_is_help=True,
    add_completion=False,
)


def _profile_option(ctx: typer.Context) -> str | None:
    return ctx.obj.get("profile") if ctx.obj is not None else None


@app.command("list")
def list_settings(ctx: typer.Context) -> None:
    """Every setting of the profile, its effective value and where it comes from."""
    name, name_source = config.profile_name(_profile_option(ctx))
    profile = config.load_profile(_profile_option(ctx), {})
    rows = [("profile", name, name_source)]
    for key in config.SETTINGS:
        resolved = profile.resolve(key)
        rows.append((key, resolved.value or "<not set>", resolved.source))
    widths = [max(len(row[i]) for row in rows + [("Name", "Value", "Source")]) for i in range(3)]
    typer.echo(f"{'Name':<{widths[0]}}  {'Value':<{widths[1]}}  Source")
    for row in rows:
        typer.echo(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]}")
    typer.echo(f"config file: {profile.path}")


@app.command("get")
def get_setting(ctx: typer.Context, key: str = typer.Argument(..., help="a setting name, e.g. region")) -> None:
    """Print the effective value of one setting (exit 1 when it has none)."""
    _check_key(key)
    value = config.load_profile(_profile_option(ctx), {}).get(key)
    if value is None:
        raise typer.Exit(1)
    typer.echo(value)


@app.command("set")
def set_setting(
    ctx: typer.Context,
    key: str = typer.Argument(..., help="a setting name, e.g. region"),
    value: str = typer.Argument(..., help="its new value"),
) -> None:
    """Set one setting of the profile in config.toml (the profile is created if needed)."""
    _check_key(key)
    name, _ = config.profile_name(_profile_option(ctx))
    path = config.config_path()
    try:
        config.SETTINGS[key].check(value, f"configure set {key}")
    except ConfigError as error:  # a bad value on the command line is a usage error, not a bad file
        raise UsageError(str(error)) from None
    document = config.read_config_file(path)
    table = config.profile_table(document, name)
    if table is None:
        table = {}
        if name == "default":
            document["default"] = table
        else:
            document.setdefault("profile", {})[name] = table
    table[key] = value
    _write_toml(path, document)


def _check_key(key: str) -> None:
    if key not in config.SETTINGS:
        raise UsageError(f"unknown setting {key!r}; settings: {', '.join(config.SETTINGS)}")


def _write_toml(path, document: dict) -> None:
    import tomli_w

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        tomli_w.dump(document, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
