"""Command line: `gpguide` opens the assistant; `gpguide ask` answers one question; `check`, `new`, `report` and
`export` are the service owners' tools (gpguide/owner/)."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gpguide import __version__, privacy
from gpguide.catalogue.model import UnknownKommune


# argparse's own words, in Norwegian: it looks each one up through argparse._ (gettext) when it needs it.
NORWEGIAN = {
    "usage: ": "bruk: ",
    "positional arguments": "argumenter",
    "options": "valg",
    "show this help message and exit": "vis denne hjelpen og avslutt",
    "the following arguments are required: %s": "disse argumentene mangler: %s",
    "unrecognized arguments: %s": "ukjente argumenter: %s",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ugyldig valg: %(value)r (velg blant %(choices)s)",
    "invalid %(type)s value: %(value)r": "ugyldig verdi: %(value)r",
    "expected one argument": "mangler en verdi",
    "expected at most one argument": "tar høyst én verdi",
    "expected at least one argument": "mangler minst én verdi",
    "expected %s argument": "mangler %s verdi",
    "expected %s arguments": "mangler %s verdier",
    "ambiguous option: %(option)s could match %(matches)s": "tvetydig valg: %(option)s kan være %(matches)s",
    "not allowed with argument %s": "kan ikke brukes sammen med %s",
    "one of the arguments %s is required": "ett av argumentene %s må være med",
    "commands": "kommandoer",
    "ignored explicit argument %r": "argumentet %r ble ikke brukt",
    "unexpected option string: %s": "uventet valg: %s",
}


@contextmanager
def _norwegian() -> Iterator[None]:
    gettext, ngettext = argparse._, argparse.ngettext
    # gettext is asked only for the words not here: each call looks for translation files on disk.
    argparse._ = lambda text: NORWEGIAN.get(text) or (text and gettext(text))
    argparse.ngettext = lambda one, many, n: NORWEGIAN.get(one if n == 1 else many) or ngettext(one, many, n)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = gettext, ngettext


class _Formatter(argparse.HelpFormatter):
    """argparse's, but the terminal's width is found without importing shutil (and the compression modules it
    imports): argparse makes a formatter for every argument it is given."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


def _columns() -> int:
    """shutil.get_terminal_size().columns."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # one line, no usage dump
        self.exit(2, f"gpguide: {message} (se gpguide --help)\n")

    def parse_args(self, args=None, namespace=None):
        with _norwegian():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with _norwegian():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _norwegian():
            return super().format_usage()

    def format_help(self) -> str:
        with _norwegian():
            return super().format_help()


def build_parser() -> argparse.ArgumentParser:
    with _norwegian():  # the group titles and -h's help are made here
        return _build_parser()


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="gpguide", description="Finn riktig kommunalt tilbud innen psykisk helse og rus.")
    parser.add_argument("--version", action="version", version=f"gpguide {__version__}",
                        help="vis versjonsnummeret og avslutt")
    parser.add_argument("--catalog", type=Path, metavar="MAPPE",
                        help="katalogmappe (standard: den medfølgende, eller $GPGUIDE_CATALOG)")
    # argparse translates the title: «commands» comes back as «kommandoer» from NORWEGIAN, without gettext
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, title="commands", metavar="KOMMANDO",
                                help="uten kommando åpnes assistenten")

    ask = sub.add_parser("ask", help="still ett spørsmål og få svar")
    ask.add_argument("question", nargs="+", metavar="SPØRSMÅL", help="spørsmålet, f.eks. «gutt 17, angst og hasj, skulker»")
    ask.add_argument("--json", action="store_true", help="skriv svaret som JSON")
    ask.add_argument("--kommune", help="kommune (navn eller id, f.eks. Sandnes eller «Nes (Akershus)»)")
    ask.add_argument("--age", type=_age, metavar="ALDER", help="pasientens alder i år")
    ask.add_argument("--catalog", type=Path, metavar="MAPPE", default=argparse.SUPPRESS, help="katalogmappe")

    tui = sub.add_parser("tui", help="åpne assistenten (standard)")
    tui.add_argument("--kommune", help="start med denne kommunen")
    tui.add_argument("--catalog", type=Path, metavar="MAPPE", default=argparse.SUPPRESS, help="katalogmappe")

    check = sub.add_parser("check", help="kontroller katalogen: feil og advarsler som fil:linje:kolonne")
    check.add_argument("path", nargs="?", type=Path, metavar="STI",
                       help="katalogmappe eller én fil (standard: --catalog eller den medfølgende katalogen)")
    check.add_argument("-e", "--errors-only", action="store_true", help="vis bare feil; advarslene telles i sammendraget")
    check.add_argument("-g", "--group", action="store_true", help="vis advarslene gruppert etter type")
    check.add_argument("--catalog", type=Path, metavar="MAPPE", default=argparse.SUPPRESS, help="katalogmappe")

    new = sub.add_parser("new", help="lag en ny tjenestefil der hvert felt er forklart")
    new.add_argument("--kommune", required=True, help="kommunen (mappen) tjenesten hører til, f.eks. sandnes")
    new.add_argument("--id", help="tjenestens id, f.eks. sandnes-ny-tjeneste (standard: laget av kommune og navn)")
    new.add_argument("--name", metavar="NAVN", help="tjenestens navn slik kommunen bruker det")
    new.add_argument("output", nargs="?", choices=["-"], help="- skriver malen til skjermen i stedet for til en fil")
    new.add_argument("--stdout", action="store_true", help="skriv malen til skjermen i stedet for til en fil")
    new.add_argument("--catalog", type=Path, metavar="MAPPE", default=argparse.SUPPRESS, help="katalogmappe")

    report = sub.add_parser("report", help="oversikt per kommune: status, manglende kontakt, kilder og bekreftelser")
    report.add_argument("--kommune", help="bare denne kommunen")
    report.add_argument("--json", action="store_true", help="skriv rapporten som JSON")
    report.add_argument("--catalog", type=Path, metavar="MAPPE", default=argparse.SUPPRESS, help="katalogmappe")

    export = sub.add_parser("export", help="eksporter en oversikt (markdown, html) eller Open Referral HSDS (hsds)")
    export.add_argument("--format", required=True, choices=["markdown", "html", "hsds"],
                        help="markdown eller html: utskriftsvennlig oversikt for fastleger; hsds: Open Referral HSDS 3.x JSON")
    export.add_argument("--kommune", help="bare tjenester for denne kommunen (med spesialist- og nasjonale tjenester)")
    export.add_argument("-o", "--output", type=Path, metavar="FIL", help="fil å skrive til (standard: skjermen)")
    export.add_argument("--catalog", type=Path, metavar="MAPPE", default=argparse.SUPPRESS, help="katalogmappe")
    return parser


def _age(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"alder må være et helt tall, ikke {text!r}") from None
    if not 0 <= value <= 120:
        raise argparse.ArgumentTypeError(f"alder {value} er utenfor 0–120")
    return value


def _fail(message: str, code: int = 2) -> int:
    print(f"gpguide: {message}", file=sys.stderr)
    return code


def _load(path: Path | None):
    from gpguide.catalogue import load_catalogue

    return _usable(load_catalogue(path))


def _usable(catalogue):
    if not catalogue.services:
        first = catalogue.errors[0] if catalogue.errors else None
        detail = f" ({first})" if first else ""
        return None, f"fant ingen brukbare tjenester i katalogen {catalogue.root}{detail}; angi en annen mappe med --catalog"
    return catalogue, None


def cmd_ask(args: argparse.Namespace) -> int:
    from gpguide.catalogue import loading

    loaded = loading(args.catalog)  # a helper process looks at a national catalogue's files while the search loads
    from gpguide.search import Engine

    catalogue, error = _usable(loaded())
    if catalogue is None:
        return _fail(error)
    engine = Engine(catalogue)

    def decoded(text: str) -> str:
        """Bytes that were not UTF-8 reach argv as lone surrogates, which no output can encode; read each as
        Windows-1252, the likely legacy terminal (so «s\\xf8vn» is «søvn»)."""
        return "".join(bytes([ord(c) - 0xDC00]).decode("cp1252", "replace") if "\udc80" <= c <= "\udcff" else c
                       for c in text)

    guarded = privacy.guard(decoded(" ".join(args.question)))
    if guarded.found:
        print(f"gpguide: {privacy.WARNING}", file=sys.stderr)
    try:
        answer = engine.ask(guarded.searchable, kommune=args.kommune and decoded(args.kommune), age=args.age)
    except UnknownKommune as exc:
        return _fail(str(exc))
    if catalogue.skipped:
        print(f"gpguide: {len(catalogue.skipped)} katalogfil(er) ble hoppet over; kjør «gpguide check» for detaljer",
              file=sys.stderr)
    if args.json:
        data = engine.to_json(answer)
        data["privacy_warning"] = privacy.WARNING if guarded.found else None
        json.dump(data, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    from rich.console import Console

    from gpguide.console import render

    render(answer, catalogue, Console())
    return 0


def cmd_tui(args: argparse.Namespace) -> int:
    catalogue, error = _load(args.catalog)
    if catalogue is None:
        return _fail(error)
    from gpguide.tui.app import GPGuideApp

    GPGuideApp(catalogue, kommune=getattr(args, "kommune", None)).run()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from gpguide.owner import check

    return check.run(args.path or args.catalog, sys.stdout, errors_only=args.errors_only, group=args.group)


def cmd_new(args: argparse.Namespace) -> int:
    from gpguide.owner import new

    try:
        return new.run(args.catalog, args.kommune, service_id=args.id, name=args.name,
                       to_stdout=args.stdout or args.output == "-", out=sys.stdout)
    except new.ScaffoldError as exc:
        return _fail(str(exc), 1)


def cmd_report(args: argparse.Namespace) -> int:
    from gpguide.owner import report

    catalogue, error = _load(args.catalog)
    if catalogue is None:
        return _fail(error)
    try:
        return report.run(catalogue, sys.stdout, kommune=args.kommune, as_json=args.json)
    except UnknownKommune as exc:
        return _fail(str(exc))


def cmd_export(args: argparse.Namespace) -> int:
    from gpguide.owner import export

    catalogue, error = _load(args.catalog)
    if catalogue is None:
        return _fail(error)
    try:
        text = export.render(catalogue, args.format, kommune=args.kommune)
    except UnknownKommune as exc:
        return _fail(str(exc))
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        return _fail(f"kunne ikke skrive {args.output}: {exc.strerror or exc}", 1)
    print(f"Skrev {args.output}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    return _run(_parse(argv))


def run() -> None:
    """The `gpguide` command (and `python -m gpguide`). `ask` answers one question in a process of its own: the
    cycle collector would only scan the catalogue's objects over and over, and taking a national catalogue apart
    object by object at exit would take longer than answering, so the process ends as soon as the answer is out."""
    args = _parse(None)
    if args.command == "ask":
        gc.disable()
    code = _run(args)
    if args.command == "ask":
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:  # a closed pipe: nothing more can be said
            pass
        os._exit(code)
    raise SystemExit(code)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    if not hasattr(args, "catalog"):
        args.catalog = None
    return args


def _run(args: argparse.Namespace) -> int:
    command = args.command or "tui"
    handlers = {"ask": cmd_ask, "tui": cmd_tui, "check": cmd_check, "new": cmd_new, "report": cmd_report,
                "export": cmd_export}
    try:
        return handlers[command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
