"""The help of a local command (`smscli sim clock help`), in the layout of an API operation's help
(`smscli create-pool help`, help.py), itself the AWS CLI's man-page layout:

- NAME: the command as typed after `smscli`;
- DESCRIPTION: the command's own text (its docstring), paragraphs wrapped to 80 columns, a block whose
  lines are laid out with runs of spaces (completion's install lines) kept as written;
- SYNOPSIS: the command, its positional arguments (`[TEXT]` when optional), then one line per option,
  `[--x <value>]` when optional (the option's metavar, such as `<DURATION>`, where it has one);
- OPTIONS: each argument and option with its type, required or optional (repeatable where it may be
  given again), its help, and `one of: ...` for a fixed set of values ("None" when it takes nothing);
- AVAILABLE COMMANDS (a group: `sim`, `configure`): each subcommand and the first paragraph of its text.

It is generated from the click command Typer builds from the app, so it lists exactly what the
command accepts and cannot drift from it.
"""

from __future__ import annotations

import inspect
import re
import textwrap

WIDTH = 80
_LAID_OUT = re.compile(r"\S {2,}\S")  # a line aligned in columns by hand: kept as written


def command_help(path: list[str], command) -> str:
    import click

    name = " ".join(path)
    lines = ["NAME", f"       {name}", ""]
    description = paragraphs(command.help or "", indent=7)
    if description:
        lines += ["DESCRIPTION", *description, ""]
    params = [param for param in command.params if not getattr(param, "hidden", False)]
    arguments = [param for param in params if isinstance(param, click.Argument)]
    options = [param for param in params if isinstance(param, click.Option)]
    if isinstance(command, click.Group):
        lines += ["SYNOPSIS", f"         {name} <subcommand> [parameters]", ""]
    else:
        lines += ["SYNOPSIS", "         " + " ".join([name, *(_argument_synopsis(param) for param in arguments)])]
        lines += [f"         {_option_synopsis(option)}" for option in options]
        lines.append("")
    lines.append("OPTIONS")
    if not params:
        lines += ["       None", ""]
    for param in [*arguments, *options]:
        lines.append(f"       {param_label(param)} ({_type_label(param)})")
        lines += paragraphs(getattr(param, "help", None) or "", indent=10)
        choices = choices_of(param)
        if choices:
            lines.append("          one of: " + " | ".join(choices))
        lines.append("")
    if isinstance(command, click.Group):
        lines.append("AVAILABLE COMMANDS")
        for sub_name, sub in command.commands.items():
            if getattr(sub, "hidden", False):
                continue
            lines.append(f"       o {sub_name}")
            lines += paragraphs((sub.help or "").split("\n\n")[0], indent=9)
            lines.append("")
    return "\n".join(lines)


def param_label(param) -> str:
    """How the command line and its errors name a parameter: `--advance`, or an argument's metavar (`KEY`)."""
    import click

    if isinstance(param, click.Option):
        return param.opts[0]
    return param.metavar or param.name.upper()


def choices_of(param) -> list[str] | None:
    """The values a parameter takes when they are a fixed set (click.Choice; Typer's enums), else None."""
    import click

    if isinstance(param.type, click.Choice):
        return [str(getattr(choice, "value", choice)) for choice in param.type.choices]
    return None


def _argument_synopsis(param) -> str:
    label = param_label(param) + (" ..." if param.nargs == -1 else "")
    return label if param.required else f"[{label}]"


def _option_synopsis(option) -> str:
    names = " | ".join([option.opts[0], *option.secondary_opts])
    text = names if option.is_flag else f"{names} <{option.metavar or 'value'}>"
    return text if option.required else f"[{text}]"


def _type_label(param) -> str:
    import click

    kind = "boolean" if isinstance(param, click.Option) and param.is_flag else _TYPE_NAMES.get(param.type.name, "string")
    label = "required" if param.required else "optional"
    if getattr(param, "multiple", False) or param.nargs == -1:
        label += ", repeatable"
    return f"{kind}, {label}"


_TYPE_NAMES = {"text": "string", "choice": "string", "boolean": "boolean", "integer": "integer", "float": "float"}


def paragraphs(text: str, *, indent: int) -> list[str]:
    """`text` as lines indented by `indent`: each paragraph wrapped to WIDTH, a laid-out block kept."""
    lines: list[str] = []
    for paragraph in inspect.cleandoc(text).split("\n\n") if text.strip() else ():
        if lines:
            lines.append("")
        if any(_LAID_OUT.search(line) for line in paragraph.splitlines()):
            lines += [" " * indent + line if line else "" for line in paragraph.splitlines()]
        else:
            lines += textwrap.wrap(" ".join(paragraph.split()), WIDTH, initial_indent=" " * indent,
                                   subsequent_indent=" " * indent, break_long_words=False, break_on_hyphens=False)  # fmt: skip
    return lines
