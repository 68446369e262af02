"""`smscli configure list|get|set`: the profile settings in config.toml.

The profile is the global --profile (or SMSCLI_PROFILE / AWS_PROFILE), as for every command, with
config.py's rules for a profile config.toml does not have: `list` shows any profile (one that does
not exist as "NAME (not in config.toml)"); `get` refuses a missing --profile / SMSCLI_PROFILE as every
command does; `set` creates it. An AWS_PROFILE name config.toml lacks means the default profile, so
`set` then changes the default profile and says so on stderr.

`set` changes one value and nothing else: comments, blank lines, key order, quoting and the other
profiles stay as the user wrote them. It edits the document with tomlkit, the round-trip TOML library
of the Poetry project (kept up, exact round trips of any valid TOML), imported only here; a profile
that is new is appended at the end of the file as its own `[profile.NAME]` table (`[default]`).
The result is read back with tomllib and must hold the new value, or nothing is written. The write
takes config.toml's lock (parallel `set`s of different profiles all land) and goes through
store/files.py: temporary, fsync, atomic replace, the file's mode kept, a symlink written through,
a failure (read-only or full file system) a ConfigError naming the file (exit 253).
"""

from __future__ import annotations

import sys

import typer

from smscli import config
from smscli.errors import ConfigError, UsageError

app = typer.Typer(
    name="configure",
    help="Show and change the settings of a profile (config.toml). The profile is the global --profile.",
    add_completion=False,
)


def _profile_option(ctx: typer.Context) -> str | None:
    return ctx.obj.get("profile") if ctx.obj is not None else None


@app.command("list")
def list_settings(ctx: typer.Context) -> None:
    """Every setting of the profile, its effective value and where it comes from."""
    profile = config.load_profile(_profile_option(ctx), {}, missing_ok=True)
    chosen = profile.chosen
    if chosen.instead_of is not None:
        name_row = ("profile", "default", f"default (AWS_PROFILE={chosen.instead_of} is not in config.toml)")
    elif chosen.table is None and chosen.name != "default":
        name_row = ("profile", f"{chosen.name} (not in config.toml)", chosen.source)
    else:
        name_row = ("profile", chosen.name, chosen.source)
    rows = [name_row]
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
    try:
        config.SETTINGS[key].check(value, f"configure set {key}")
    except ConfigError as error:  # a bad value on the command line is a usage error, not a bad file
        raise UsageError(str(error)) from None
    from smscli.store import files

    path = config.config_path()
    with files.locked(path, config.lock_timeout(), ConfigError, "config file"):
        files.clean_temporaries(path)
        text = _read_text(path)
        chosen = config.choose_profile(_profile_option(ctx), config.read_config_file(path))
        if chosen.instead_of is not None:
            sys.stderr.write(
                f"smscli: note: AWS_PROFILE names {chosen.instead_of}, which config.toml does not have, so this sets "
                f"the default profile; to create {chosen.instead_of}: smscli configure set {key} {value} "
                f"--profile {chosen.instead_of}\n"
            )
        _check_writable_name(chosen.name)
        if chosen.table is not None and chosen.table.get(key) == value:
            return  # already so: the file is not touched
        edited = _edited(text, chosen.name, key, value)
        check = config.profile_table(_parse_back(edited, path), chosen.name) or {}
        if check.get(key) != value:
            raise ConfigError(f"The config file {path} could not be changed safely (after the edit, [{chosen.name}] "
                              f"{key} would not be {value!r}); it was left as it was. Edit it by hand.")  # fmt: skip

        def refused(reason: str) -> ConfigError:
            return ConfigError(f"Cannot write the config file {path}: {reason}. Nothing was changed.")

        files.replace(path, edited.encode(), refused)


def _check_writable_name(name: str) -> None:
    """A profile name config.toml can hold: text (no undecodable byte, no lone surrogate)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        shown = name.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
        raise UsageError(f"argument --profile: {shown} is not text config.toml can hold (an undecodable byte or a "
                         "lone surrogate)") from None  # fmt: skip


def _check_key(key: str) -> None:
    if key not in config.SETTINGS:
        raise UsageError(f"unknown setting {key!r}; settings: {', '.join(config.SETTINGS)}")


def _read_text(path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return ""
    except OSError as error:
        raise ConfigError(f"Cannot read the config file {path}: {error.strerror}.") from None
    try:
        return raw.decode()
    except UnicodeDecodeError as error:
        raise ConfigError(f"The config file {path} is not valid TOML: {error}.") from None


def _edited(text: str, profile: str, key: str, value: str) -> str:
    """`text` with the profile's `key` set to `value`, every other character kept."""
    import tomlkit

    document = tomlkit.parse(text)
    table = _table(document, profile)
    if table is not None:
        table[key] = value
        return tomlkit.dumps(document)
    header = "default" if profile == "default" else f"profile.{tomlkit.key(profile).as_string()}"
    line = f"{tomlkit.key(key).as_string()} = {tomlkit.item(value).as_string()}\n"
    if not text:
        return f"[{header}]\n{line}"
    return text + ("" if text.endswith("\n") else "\n") + f"\n[{header}]\n{line}"


def _table(document, profile: str):
    """The tomlkit table of a profile, found by config.profile_table's rules, or None."""
    if profile == "default":
        return document.get("default")
    named = document.get("profile")
    if hasattr(named, "get") and named.get(profile) is not None:
        return named[profile]
    return document.get(f"profile {profile}")


def _parse_back(text: str, path) -> dict:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"The config file {path} could not be changed safely ({error}); it was left as it was.") from None
