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
    if option:
        return option, "option"
    for variable in ("SMSCLI_PROFILE", "AWS_PROFILE"):
        if os.environ.get(variable):
            return os.environ[variable], f"env:{variable}"
    return "default", "default"


def load_profile(option_profile: str | None, options: dict[str, str | None]) -> Profile:
    name, _ = profile_name(option_profile)
    path = config_path()
    table = profile_table(read_config_file(path), name)
    if table is None:
        if name != "default":
            raise ConfigError(f"The config profile ({name}) could not be found")
        table = {}
    profile = Profile(name, table, path, options)
    for key in ("region", "account_id"):
        profile.resolve(key)  # refuse a bad value early, whatever the command
    return profile
