"""TAB in real shells: bash, zsh and fish in tmux, each with the script of `completions/` installed the
way the README says, typing a line and reading what the shell made of it.

bash splits words at `=` and `:` (COMP_WORDBREAKS) and replaces only the part after them, so
`Name=<TAB>` must not become `Name==status` and an ARN must not grow a second `:`; zsh and fish take
whole words. One shell per kind serves the whole module (starting one costs ~0.5 s); each test starts
from an empty prompt. A shell that is not installed is skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO

COMPLETIONS = REPO / "completions"
PROMPT = "$ "
ACCOUNT_PREFIX = "arn:aws:sms-voice:us-east-1:123456789012:"


def _smscli(env: dict, *argv: str) -> dict:
    completed = subprocess.run([sys.executable, "-m", "smscli", *argv, "--output", "json"], env=env, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout) if completed.stdout.strip() else {}


@pytest.fixture(scope="module")
def shell_state(tmp_path_factory) -> dict:
    """A state with two numbers, a pool, a sender ID and a verified destination number, made by smscli."""
    home = tmp_path_factory.mktemp("shells") / "home"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "SMSCLI_", "_SMSCLI", "COMP_"))}
    env.update(SMSCLI_HOME=str(home), TZ="UTC")
    first = _smscli(env, "request-phone-number", "--iso-country-code", "US", "--message-type", "TRANSACTIONAL",
                    "--number-capabilities", "SMS", "--number-type", "SIMULATOR")  # fmt: skip
    _smscli(env, "request-sender-id", "--sender-id", "MyBrand", "--iso-country-code", "GB")
    pool = _smscli(env, "create-pool", "--origination-identity", first["PhoneNumberId"], "--iso-country-code", "US",
                   "--message-type", "TRANSACTIONAL")  # fmt: skip
    _smscli(env, "create-verified-destination-number", "--destination-phone-number", "+12065550142")
    return {"home": home, "pool": pool}


class RealShell:
    """An interactive shell in tmux with smscli's completion installed: type, press TAB, read the screen."""

    def __init__(self, kind: str, home: Path, folder: Path):
        bin_dir = Path(sys.executable).parent
        folder.mkdir(parents=True, exist_ok=True)
        work = folder / "empty"  # the shell's working directory: no file names to fall back on
        work.mkdir(exist_ok=True)
        env = f"env -i HOME={folder} TERM=xterm LANG=C.UTF-8 PATH={bin_dir}:/usr/bin:/bin SMSCLI_HOME={home}"
        if kind == "bash":  # the README: eval "$(smscli completion bash)" in ~/.bashrc; the file is the same
            (folder / "bashrc").write_text(f"PS1='{PROMPT}'\nsource {COMPLETIONS / 'smscli.bash'}\n")
            command = f"{env} bash --noprofile --rcfile {folder / 'bashrc'}"
        elif kind == "zsh":  # the README: _smscli in a directory of $fpath, then compinit
            (folder / ".zshrc").write_text(f"PS1='{PROMPT}'\nfpath=({COMPLETIONS} $fpath)\n"
                                           f"autoload -U compinit && compinit -u -d {folder / '.zcompdump'}\n")  # fmt: skip
            command = f"{env} ZDOTDIR={folder} zsh -d"
        else:  # the README: ~/.config/fish/completions/smscli.fish, found by fish on the first TAB
            config = folder / ".config" / "fish"
            (config / "completions").mkdir(parents=True, exist_ok=True)
            shutil.copy(COMPLETIONS / "smscli.fish", config / "completions" / "smscli.fish")
            (config / "config.fish").write_text(f"function fish_prompt; printf '{PROMPT}'; end\n"
                                                "set -g fish_greeting\nset -g fish_autosuggestion_enabled 0\n")  # fmt: skip
            command = f"{env} XDG_CONFIG_HOME={folder / '.config'} fish"
        self.session = f"smscli-{kind}"
        self.tmux = ["tmux", "-S", str(folder / "tmux.socket")]  # a server of its own, its socket in the test's folder
        subprocess.run([*self.tmux, "new-session", "-d", "-s", self.session, "-x", "160", "-y", "40", "-c", str(work), command],
                       check=True)  # fmt: skip
        assert self._wait(lambda line: line == PROMPT) == PROMPT, f"{kind} did not start"  # keys sent earlier get lost

    def tab(self, text: str, *, until: str) -> str:
        """Type `text`, press TAB, wait (up to 10 s) for the prompt line to end with `until`; the line."""
        self._keys("-l", text)
        self._keys("Tab")
        return self._wait(lambda line: line.endswith(until))

    def listing(self, text: str) -> list[str]:
        """Type `text` and press TAB twice (bash lists on the second); the rows the shell lists."""
        self._keys("-l", text)
        self._keys("Tab", "Tab")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not self._below_prompt():
            time.sleep(0.05)
        time.sleep(0.2)  # let the shell finish drawing the list
        return self._below_prompt()

    def _below_prompt(self) -> list[str]:
        """The rows under the first prompt line that are not prompt lines (bash prints its list between
        the line and a new prompt, zsh and fish under the line)."""
        rows = self._screen()
        return [row for row in rows[1:] if not row.startswith(PROMPT)] if rows and rows[0].startswith(PROMPT) else []

    def press(self, key: str) -> None:
        self._keys(key)

    def _keys(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.session, *keys], check=True)

    def reset(self) -> None:
        """Abandon the line (Ctrl-C) and clear the screen, back at an empty prompt."""
        self._keys("C-c")
        self._wait(lambda line: line == PROMPT)
        self._keys("C-l")
        self._wait(lambda line: line == PROMPT and len(self._screen()) == 1)

    def _screen(self) -> list[str]:
        screen = subprocess.run([*self.tmux, "capture-pane", "-p", "-N", "-t", self.session], capture_output=True, text=True).stdout
        return [row for row in screen.splitlines() if row.strip()]

    def _wait(self, done) -> str:
        line, deadline = "", time.monotonic() + 10
        while time.monotonic() < deadline:
            time.sleep(0.05)
            prompts = [row.rstrip() + (" " if row.endswith(" ") else "") for row in self._screen() if row.startswith(PROMPT)]
            line = prompts[-1] if prompts else ""
            if done(line):
                break
        return line

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


@pytest.fixture(scope="module", params=["bash", "zsh", "fish"])
def shell(request, shell_state, tmp_path_factory):
    kind = request.param
    if shutil.which("tmux") is None:
        pytest.skip("needs tmux to drive a real shell")
    if shutil.which(kind) is None:
        pytest.skip(f"{kind} is not installed")
    session = RealShell(kind, shell_state["home"], tmp_path_factory.mktemp(kind))
    yield session
    session.close()


@pytest.fixture
def prompt(shell):
    """The module's shell at an empty prompt; left at one for the next test."""
    yield shell
    shell.reset()


def test_tab_after_name_equals_offers_the_filter_names_and_after_values_equals_their_values(prompt):
    line = prompt.tab("smscli describe-verified-destination-numbers --filters Name=", until="Name=status ")
    assert line == "$ smscli describe-verified-destination-numbers --filters Name=status "  # not Name==status
    prompt.press("BSpace")
    line = prompt.tab(",Values=V", until="VERIFIED ")
    assert line == "$ smscli describe-verified-destination-numbers --filters Name=status,Values=VERIFIED "


def test_tab_after_sender_id_equals_offers_the_sender_ids(prompt):
    line = prompt.tab("smscli describe-sender-ids --sender-ids Sen", until="SenderId=")
    assert line == "$ smscli describe-sender-ids --sender-ids SenderId="  # no space: the value follows
    line = prompt.tab("", until="MyBrand ")
    assert line == "$ smscli describe-sender-ids --sender-ids SenderId=MyBrand "


def test_ids_and_arns_from_the_state_even_after_a_colon(prompt, shell_state):
    pool = shell_state["pool"]
    assert prompt.tab("smscli describe-pools --pool-i", until="--pool-ids ") == "$ smscli describe-pools --pool-ids "
    assert prompt.tab("", until=pool["PoolId"] + " ") == f"$ smscli describe-pools --pool-ids {pool['PoolId']} "
    prompt.reset()
    line = prompt.tab("smscli list-tags-for-resource --resource-arn arn:aws:sms-voice:", until=ACCOUNT_PREFIX)
    assert line == "$ smscli list-tags-for-resource --resource-arn " + ACCOUNT_PREFIX  # what every ARN shares
    line = prompt.tab("poo", until=pool["PoolArn"] + " ")
    assert line == f"$ smscli list-tags-for-resource --resource-arn {pool['PoolArn']} "


def test_help_is_a_command_and_an_operations_own_options_come_first(prompt):
    assert prompt.tab("smscli h", until="help ") == "$ smscli help "
    prompt.reset()
    rows = prompt.listing("smscli create-pool --")
    assert rows[0].split()[0] == "--origination-identity"  # listed in the command's order, not sorted (--ca-bundle)
