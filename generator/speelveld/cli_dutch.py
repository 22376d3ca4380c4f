"""Click in Dutch: help screens, usage errors, choices and prompts.

Click writes its own English ("Usage:", "Error: Invalid value ...") through gettext. Rather
than change gettext or click for the whole process, the commands use the subclasses here,
and :class:`DutchGroup` renders click's exceptions itself from their structured data (the
option, the parameter, the possibilities), so no English sentence of click reaches the user.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
from click import exceptions

from .formats import FORMATS
from .oserrors import described
from .printable import visible
from .suggest import Suggestions, did_you_mean

F = TypeVar("F", bound=Callable[..., Any])
HELP_TEXT = "Toon deze hulp en stop."
VERSION_TEXT = "Toon de versie en stop."
VERSION_MESSAGE = "%(prog)s, versie %(version)s"
#: ``speelveld`` without arguments shows the help; click raises this for it since 8.2.
_NO_ARGS_IS_HELP: tuple[type[BaseException], ...] = tuple(
    getattr(exceptions, name) for name in ("NoArgsIsHelpError",) if hasattr(exceptions, name)
)


def usage_error(message: str) -> NoReturn:
    """A usage problem found by a command: one Dutch line, exit 2."""
    click.echo(f"speelveld: {message}", err=True)
    sys.exit(2)


def _quoted(values: Iterable[str]) -> str:
    return ", ".join(f"'{value}'" for value in values)


class DutchChoice(click.Choice):  # type: ignore[type-arg]
    """A choice that says in Dutch what it allows and which value was probably meant.

    ``aliases`` are other words for a choice (``maatregel`` for ``measure``): accepted as
    that choice, and a typo is answered with the word it comes nearest, alias or choice, so
    that whoever types Dutch is answered in Dutch.
    """

    def __init__(self, choices: Sequence[str], aliases: dict[str, str] | None = None) -> None:
        super().__init__(choices)
        self.aliases = aliases or {}

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and value in self.aliases:
            return self.aliases[value]
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            self.fail(self.refusal(str(value)), param, ctx)

    def refusal(self, value: str) -> str:
        allowed = [str(choice) for choice in self.choices]
        nearest = Suggestions([*allowed, *self.aliases]).nearest(value)
        hint = f" Bedoelt u '{nearest}'?" if nearest else ""
        also = f" (of {_quoted(self.aliases)})" if self.aliases else ""
        return f"'{value}' is geen van {_quoted(allowed)}{also}.{hint}"


class DutchInt(click.types.IntParamType):
    """A whole number, refused in Dutch."""

    name = "getal"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            self.fail(f"'{value}' is geen geheel getal", param, ctx)


class DutchIntRange(click.IntRange):
    """A whole number within bounds, refused in Dutch."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            try:
                int(value)
            except (TypeError, ValueError):
                self.fail(f"'{value}' is geen geheel getal", param, ctx)
            self.fail(f"{value} ligt niet binnen {self.bounds()}", param, ctx)

    def bounds(self) -> str:
        """The range in Dutch, from click's public ``min``, ``max`` and ``*_open``."""
        low = (
            None
            if self.min is None
            else f"{'meer dan' if self.min_open else 'ten minste'} {self.min}"
        )
        high = (
            None
            if self.max is None
            else f"{'minder dan' if self.max_open else 'ten hoogste'} {self.max}"
        )
        return " en ".join(part for part in (low, high) if part) or "de toegestane waarden"


class DutchPath(click.Path):
    """A path refused in Dutch: a folder where a file is wanted, or the other way round."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            path = Path(str(value))
            if not path.exists():
                self.fail(f"'{value}' bestaat niet", param, ctx)
            if path.is_dir() and not self.dir_okay:
                self.fail(f"'{value}' is een map, geen bestand", param, ctx)
            if not path.is_dir() and not self.file_okay:
                self.fail(f"'{value}' is een bestand, geen map", param, ctx)
            self.fail(f"'{value}' is niet te gebruiken (geen rechten?)", param, ctx)


def _help_record(param: click.Option, ctx: click.Context) -> tuple[str, str] | None:
    """Click's help record of an option, with the default and the rest in Dutch."""
    record = param.get_help_record(ctx)
    if record is None:
        return None
    extra = param.get_help_extra(ctx)
    items = []
    if "envvars" in extra:
        items.append(f"omgevingsvariabele: {', '.join(extra['envvars'])}")
    if "default" in extra:
        items.append(f"standaard: {extra['default']}")
    if "range" in extra:
        items.append(extra["range"])
    if "required" in extra:
        items.append("verplicht")
    text = param.help or ""
    if items:
        text = f"{text}  [{'; '.join(items)}]" if text else f"[{'; '.join(items)}]"
    return record[0], text


class _Dutch(click.Command):
    """Usage line, headings and the help option in Dutch."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Gebruik: ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = [
            record
            for param in self.get_params(ctx)
            if isinstance(param, click.Option) and (record := _help_record(param, ctx))
        ]
        if records:
            with formatter.section("Opties"):
                formatter.write_dl(records)

    def format_arguments(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        arguments = [param for param in self.get_params(ctx) if isinstance(param, click.Argument)]
        if any(argument.help is not None for argument in arguments):
            with formatter.section("Argumenten"):
                formatter.write_dl([argument.get_help_record(ctx) for argument in arguments])


class DutchCommand(_Dutch):
    """A command whose help and whose surplus arguments are in Dutch."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # Click refuses surplus arguments in English; let them through and refuse them here.
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            word = "argument" if len(rest) == 1 else "argumenten"
            raise click.UsageError(f"onverwacht {word}: {' '.join(rest)}", ctx)
        return rest


class UnknownCommand(click.UsageError):
    """A command name that the group does not have (what ``NoSuchCommand`` is in click 8.4+)."""

    def __init__(self, name: str, commands: Sequence[str], ctx: click.Context) -> None:
        super().__init__(f"onbekende opdracht '{name}'", ctx)
        self.command_name = name
        self.commands = tuple(commands)


class DutchGroup(_Dutch, click.Group):
    """The command group: Dutch help, and click's exceptions rendered in Dutch."""

    command_class = DutchCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                commands.append((name, command))
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            with formatter.section("Opdrachten"):
                formatter.write_dl([(name, c.get_short_help_str(limit)) for name, c in commands])

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        known = self.get_command(ctx, name) is not None
        if name and not known and not name.startswith("-") and not ctx.resilient_parsing:
            raise UnknownCommand(name, self.list_commands(ctx), ctx)
        return super().resolve_command(ctx, args)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; a usage error is reported in Dutch and exits 2."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            result = super().main(args, prog_name, complete_var, False, **extra)
        except click.ClickException as error:
            report(error)
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo("Afgebroken.", err=True)
            sys.exit(1)
        except OSError as error:  # what no command foresaw: a message, not a traceback
            usage_error(f"kan niet verder: {visible(described(error))}")
        sys.exit(result if isinstance(result, int) else 0)


def report(error: click.ClickException) -> None:
    """Write a click exception as click would, in Dutch: usage, where to find help, problem."""
    if isinstance(error, _NO_ARGS_IS_HELP):
        click.echo(error.message, err=True)
        return
    ctx = error.ctx if isinstance(error, click.UsageError) else None
    if ctx is not None:
        click.echo(ctx.get_usage(), err=True)
        names = ctx.command.get_help_option_names(ctx)
        if ctx.command.get_help_option(ctx) is not None and names:
            help_name = max(names, key=len)
            click.echo(f"Zie '{ctx.command_path} {help_name}' voor hulp.\n", err=True)
    click.echo(f"Fout: {message(error)}", err=True)


def message(error: click.ClickException) -> str:
    """The problem in Dutch, built from what the exception knows."""
    if isinstance(error, click.NoSuchOption):
        possibilities = error.possibilities or []
        hint = f" Bedoelt u '{possibilities[0]}'?" if possibilities else ""
        return f"onbekende optie '{error.option_name}'.{hint}"
    if isinstance(error, UnknownCommand):
        hint = did_you_mean(error.command_name, error.commands)
        return f"onbekende opdracht '{error.command_name}'.{hint}"
    no_such_command = getattr(exceptions, "NoSuchCommand", None)
    if no_such_command is not None and isinstance(error, no_such_command):
        name = str(error.command_name)
        possibilities = list(error.possibilities or [])
        hint = f" Bedoelt u '{possibilities[0]}'?" if possibilities else ""
        return f"onbekende opdracht '{name}'.{hint}"
    if isinstance(error, click.MissingParameter):
        return _missing(error)
    if isinstance(error, click.BadParameter):
        name = _name(error.param, error.param_hint)
        return f"ongeldige waarde voor {name}: {error.message}" if name else error.message
    if isinstance(error, click.BadOptionUsage):
        return _bad_option_usage(error)
    return error.message


def _name(param: click.Parameter | None, hint: Sequence[str] | str | None) -> str:
    """How the user wrote the parameter: ``'--format'`` or ``SOORT``."""
    if hint is not None:
        return hint if isinstance(hint, str) else " / ".join(f"'{h}'" for h in hint)
    if isinstance(param, click.Option):
        return " / ".join(f"'{opt}'" for opt in param.opts)
    if param is not None:
        return param.human_readable_name
    return ""


def _missing(error: click.MissingParameter) -> str:
    param = error.param
    name = _name(param, error.param_hint)
    kind = error.param_type or (param.param_type_name if param else "parameter")
    text = {"argument": "het argument", "option": "de optie"}.get(kind, "de parameter")
    result = f"{text} {name} ontbreekt".replace("  ", " ")
    if param is not None and isinstance(param.type, click.Choice):
        result += f". Kies uit: {', '.join(str(c) for c in param.type.choices)}"
    return result


def _bad_option_usage(error: click.BadOptionUsage) -> str:
    ctx = error.ctx
    params = ctx.command.get_params(ctx) if ctx is not None else []
    option = next(
        (p for p in params if isinstance(p, click.Option) and error.option_name in p.opts), None
    )
    if option is not None and option.is_flag:
        return f"de optie '{error.option_name}' neemt geen waarde"
    return f"de optie '{error.option_name}' heeft een waarde nodig"


def command(name: str | None = None, **attrs: Any) -> Callable[[Callable[..., Any]], DutchCommand]:
    """``click.command`` for a Dutch command."""
    return click.command(name, cls=DutchCommand, **attrs)


def project_option(help: str) -> Callable[[F], F]:
    """``--project``: the project folder, the working directory by default."""
    return click.option(
        "--project",
        default=".",
        show_default=True,
        metavar="MAP",
        type=DutchPath(path_type=Path),
        help=help,
    )


def format_option(help: str) -> Callable[[F], F]:
    """``--format``: one of the report formats of the registry."""
    return click.option(
        "--format",
        "format_",
        default="text",
        show_default=True,
        type=DutchChoice(list(FORMATS)),
        help=help,
    )


def ask(text: str, default: str = "", *, show_default: bool = True) -> str:
    """An answer typed in the terminal; Enter gives ``default``."""
    shown = f" [standaard: {default}]" if show_default and default else ""
    return str(click.prompt(f"{text}{shown}", default=default, show_default=False))


def ask_choice(text: str, choices: Sequence[str], default: str) -> str:
    """One of ``choices``, asked again with a suggestion until the answer is one of them."""
    choice = DutchChoice(choices)
    while True:
        answer = ask(f"{text} ({', '.join(choices)})", default)
        try:
            return str(choice.convert(answer.strip(), None, None))
        except click.BadParameter:
            click.echo(f"Fout: {choice.refusal(answer.strip())}")
