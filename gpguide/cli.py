"""Command line: `gpguide` opens the assistant; `gpguide ask` answers one question."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gpguide import __version__


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage dump
        self.exit(2, f"gpguide: {message} (se gpguide --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="gpguide", description="Finn riktig kommunalt tilbud innen psykisk helse og rus.")
    parser.add_argument("--version", action="version", version=f"gpguide {__version__}")
    parser.add_argument("--catalog", type=Path, help="katalogmappe (standard: den medfølgende, eller $GPGUIDE_CATALOG)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    ask = sub.add_parser("ask", help="still ett spørsmål og få svar")
    ask.add_argument("question", nargs="+", help="spørsmålet, f.eks. «gutt 17, angst og hasj, skulker»")
    ask.add_argument("--json", action="store_true", help="skriv svaret som JSON")
    ask.add_argument("--kommune", help="kommune (navn eller id, f.eks. Sandnes)")
    ask.add_argument("--age", type=_age, help="pasientens alder i år")
    ask.add_argument("--catalog", type=Path, default=argparse.SUPPRESS, help="katalogmappe")

    tui = sub.add_parser("tui", help="åpne assistenten (standard)")
    tui.add_argument("--kommune", help="start med denne kommunen")
    tui.add_argument("--catalog", type=Path, default=argparse.SUPPRESS, help="katalogmappe")
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

    catalogue = load_catalogue(path)
    if not catalogue.services:
        first = catalogue.errors[0] if catalogue.errors else None
        detail = f" ({first})" if first else ""
        return None, f"fant ingen brukbare tjenester i katalogen {catalogue.root}{detail}; angi en annen mappe med --catalog"
    return catalogue, None


def cmd_ask(args: argparse.Namespace) -> int:
    from gpguide.search import Engine, UnknownKommune

    catalogue, error = _load(args.catalog)
    if catalogue is None:
        return _fail(error)
    engine = Engine(catalogue)
    question = " ".join(args.question)
    try:
        answer = engine.ask(question, kommune=args.kommune, age=args.age)
    except UnknownKommune as exc:
        return _fail(str(exc))
    if catalogue.skipped:
        print(f"gpguide: {len(catalogue.skipped)} katalogfil(er) ble hoppet over; kjør «gpguide check» for detaljer",
              file=sys.stderr)
    if args.json:
        json.dump(engine.to_json(answer), sys.stdout, ensure_ascii=False)
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


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "catalog"):
        args.catalog = None
    command = args.command or "tui"
    handlers = {"ask": cmd_ask, "tui": cmd_tui}
    try:
        return handlers[command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
