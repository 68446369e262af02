"""Where smscli keeps its files, and the profile settings read from `config.toml`.

Files: `$SMSCLI_HOME/config.toml` and `$SMSCLI_HOME/state.json` when SMSCLI_HOME is set, else
platformdirs' user config dir (config.toml) and user data dir (state.json) for "smscli".

config.toml holds one table per profile::

    [default]
    region = "us-east-1"
    output = "json"

    [profile.ci]            # `["profile ci"]` is read too
    region = "eu-west-1"
    account_id = "111122223333"

The profile is --profile, else SMSCLI_PROFILE, else AWS_PROFILE, else "default". Each setting comes
from (first found): its command-line option, its environment variables, the profile, the default.

A profile that config.toml does not have (the AWS CLI's rule for a name the user chose, with the
AWS CLI's own message "The config profile (NAME) could not be found"):
- named by --profile or SMSCLI_PROFILE: a ConfigError (exit 253) that says where the name came
  from, with the command that creates it; `configure set` creates it, `configure list` shows it as
  "NAME (not in config.toml)" with the settings it would have;
- named by AWS_PROFILE: that variable is usually set for the real AWS CLI, whose profiles smscli does
  not share, so smscli uses its default profile instead, silently for every command (scripts see no
  difference on stdout or stderr); `configure list` says so in its profile line and `configure set`
  in a note on stderr (it sets the default profile). Once config.toml has that profile, it is used.
The profile "default" needs no table.

Files are written by `configure set` only, under the lock and with the temporary, fsync and atomic
replace of store/files.py; a write waits for another writer's lock at most SMSCLI_LOCK_TIMEOUT
seconds (default 30, `lock_timeout()`), which the state file's writes share. It is an environment
variable, not a profile setting: one state file serves every profile, so a profile should not decide
how long a write to it waits.
"""

from __future__ import annotations

import os
import re
from collections import namedtuple
from pathlib import Path

from smscli.errors import ConfigError

# The Regions where the v2 API is available (user guide, Regions table).
REGIONS = (
    "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-south-2", "ap-southeast-3",
    "ap-southeast-4", "ap-south-1", "ap-northeast-3", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2",
    "ap-northeast-1", "us-gov-east-1", "us-gov-west-1", "ca-central-1", "eu-central-1", "eu-west-1",
    "eu-west-2", "eu-south-1", "eu-west-3", "eu-south-2", "eu-north-1", "eu-central-2", "il-central-1",
    "me-south-1", "me-central-1", "sa-east-1",
)  # fmt: skip


class Setting(namedtuple("Setting", "name default choices pattern env help", defaults=((), None, (), ""))):
    """A profile setting: its default, its allowed values (choices or a pattern) and its environment
    variables, most important first."""

    def check(self, value: object, where: str) -> str:
        if not isinstance(value, str):
            raise ConfigError(f"{where}: {self.name} must be a string, not {value!r}.")
        if self.choices and value not in self.choices:
            raise ConfigError(f"{where}: {self.name} must be one of {', '.join(self.choices)}, not {value!r}.")
        if self.pattern and not re.fullmatch(self.pattern, value):
            raise ConfigError(f"{where}: {self.name} {value!r} is not valid ({self.help}).")
        return value


SETTINGS: dict[str, Setting] = {
    setting.name: setting
    for setting in (
        Setting("region", "us-east-1", REGIONS, env=("SMSCLI_REGION", "AWS_REGION", "AWS_DEFAULT_REGION"),
                help="the simulated AWS Region"),
        Setting("account_id", "123456789012", pattern=r"\d{12}", env=("SMSCLI_ACCOUNT_ID",),
                help="the simulated account ID, 12 digits"),
        Setting("output", None, ("json", "text", "table", "yaml"), env=("SMSCLI_OUTPUT", "AWS_DEFAULT_OUTPUT"),
                help="default output format (table on a terminal, json when piped)"),
        Setting("color", "auto", ("on", "off", "auto"), help="colour in table output"),
        Setting("cli_timestamp_format", "iso8601", ("iso8601", "wire"),
                help="timestamps as ISO 8601 or as the API's epoch seconds"),
        Setting("cli_binary_format", "base64", ("base64", "raw-in-base64-out"),
                help="how blob parameters given as text are read"),
        Setting("account_tier", "sandbox", ("sandbox", "production"), env=("SMSCLI_ACCOUNT_TIER",),
                help="the simulated account's tier: a new account is in the SMS and voice sandbox"),
        Setting("registration_review", "manual", ("manual", "approve"), env=("SMSCLI_REGISTRATION_REVIEW",),
                help="how submitted registrations are reviewed: by `smscli sim review`, or approved on submit"),
    )
}  # fmt: skip


def home_dir() -> Path | None:
    home = os.environ.get("SMSCLI_HOME")
    return Path(home).expanduser() if home else None


def config_path() -> Path:
    home = home_dir()
    if home:
        return home / "config.toml"
    import platformdirs

    return Path(platformdirs.user_config_dir("smscli")) / "config.toml"


def state_path() -> Path:
    home = home_dir()
    if home:
        return home / "state.json"
    import platformdirs

    return Path(platformdirs.user_data_dir("smscli")) / "state.json"


def read_config_file(path: Path) -> dict:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise ConfigError(f"Cannot read the config file {path}: {error.strerror}.") from None
    import tomllib

    try:
        return tomllib.loads(raw.decode())
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"The config file {path} is not valid TOML: {error}.") from None


def profile_table(document: dict, profile: str) -> dict | None:
    """The settings table of a profile, or None when the file has no such profile."""
    if profile == "default":
        table = document.get("default")
    else:
        table = document.get("profile", {}).get(profile) if isinstance(document.get("profile"), dict) else None
        if table is None:
            table = document.get(f"profile {profile}")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"The config file's profile {profile!r} is not a table.")
    return table


# A setting's effective value and where it came from: "option", "env:NAME", "config-file", "default".
Resolved = namedtuple("Resolved", "value source")


class Profile:
    """The effective settings of one profile, with where each comes from."""

    chosen: Chosen | None = None  # how load_profile chose it (see choose_profile)

    def __init__(self, name: str, table: dict, path: Path, options: dict[str, str | None]):
        self.name = name
        self.path = path
        self._table = table
        self._options = options

    def resolve(self, key: str) -> Resolved:
        setting = SETTINGS[key]
        if self._options.get(key) is not None:
            return Resolved(setting.check(self._options[key], f"--{key.replace('_', '-')}"), "option")
        for variable in setting.env:
            if os.environ.get(variable):
                return Resolved(setting.check(os.environ[variable], f"${variable}"), f"env:{variable}")
        if key in self._table:
            where = f"{self.path} [{self.name}]"
            return Resolved(setting.check(self._table[key], where), "config-file")
        return Resolved(setting.default, "default")

    def get(self, key: str) -> str | None:
        return self.resolve(key).value


def profile_name(option: str | None) -> tuple[str, str]:
    """The profile name asked for and where it came from: "option", "env:SMSCLI_PROFILE",
    "env:AWS_PROFILE" or "default"."""
    if option:
        return option, "option"
    for variable in ("SMSCLI_PROFILE", "AWS_PROFILE"):
        if os.environ.get(variable):
            return os.environ[variable], f"env:{variable}"
    return "default", "default"


# The profile a command uses: its name, where the name came from, its table (None: config.toml has no
# such profile), and `instead_of`, the AWS_PROFILE name that was not in config.toml (then name is "default").
Chosen = namedtuple("Chosen", "name source table instead_of")


def choose_profile(option: str | None, document: dict) -> Chosen:
    """Which profile of `document` (config.toml read) a command uses, by the rules of this module's
    docstring; a missing profile named by --profile or SMSCLI_PROFILE comes back with table None."""
    name, source = profile_name(option)
    table = profile_table(document, name)
    if table is None and source == "env:AWS_PROFILE" and name != "default":
        return Chosen("default", "default", profile_table(document, "default"), name)
    return Chosen(name, source, table, None)


def missing_profile(chosen: Chosen) -> ConfigError:
    where = {"option": "--profile", "env:SMSCLI_PROFILE": "$SMSCLI_PROFILE"}.get(chosen.source, chosen.source)
    error = ConfigError(f"The config profile ({chosen.name}) could not be found (the name comes from {where})")
    error.hint = f"create it with `smscli configure set region us-east-1 --profile {chosen.name}`" + (
        ", or unset SMSCLI_PROFILE" if chosen.source == "env:SMSCLI_PROFILE" else ""
    )
    return error


def load_profile(option_profile: str | None, options: dict[str, str | None], *, missing_ok: bool = False) -> Profile:
    """The profile a command uses; one that does not exist is a ConfigError unless `missing_ok`
    (`configure list`), which gives it with no settings of its own."""
    path = config_path()
    chosen = choose_profile(option_profile, read_config_file(path))
    if chosen.table is None and chosen.name != "default" and not missing_ok:
        raise missing_profile(chosen)
    profile = Profile(chosen.name, chosen.table or {}, path, options)
    profile.chosen = chosen
    for key in ("region", "account_id"):
        profile.resolve(key)  # refuse a bad value early, whatever the command
    return profile


LOCK_TIMEOUT_SECONDS = 30.0


def lock_timeout() -> float:
    """How long a write waits for another writer's lock: $SMSCLI_LOCK_TIMEOUT seconds, else 30."""
    text = os.environ.get("SMSCLI_LOCK_TIMEOUT", "").strip()
    if not text:
        return LOCK_TIMEOUT_SECONDS
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise ConfigError(f"$SMSCLI_LOCK_TIMEOUT must be a number of seconds, 0 or more, not {text!r}.")
    return seconds
