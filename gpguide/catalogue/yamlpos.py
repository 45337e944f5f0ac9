"""YAML parsing that remembers where every value came from, with guards against hostile files and every parser
complaint in Norwegian."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _BaseLoader

    _BYTE_OFFSETS = True  # libyaml reports a bad character's position in bytes
except ImportError:  # pragma: no cover - libyaml is in the PyYAML wheels
    from yaml import SafeLoader as _BaseLoader

    _BYTE_OFFSETS = False


Path_ = tuple[str | int, ...]

_STR, _NULL, _BOOL, _INT, _FLOAT, _MERGE = (f"tag:yaml.org,2002:{t}" for t in ("str", "null", "bool", "int", "float", "merge"))
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


_RESOLVERS = {  # PyYAML's implicit types, except timestamps
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_WILDCARD = tuple(_RESOLVERS.get(None, []))
_BY_FIRST = {first: tuple(resolvers) + _WILDCARD for first, resolvers in _RESOLVERS.items() if first is not None}
# The implicit types other than numbers are a few words each, all listed in PyYAML's patterns: they are looked
# up, and only a scalar that may be a number is matched against the patterns.
_WORDS = {word: tag for word in ("yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF "
                                 "~ null Null NULL << = ! & *").split() + [""]
          for tag, regexp in _BY_FIRST.get(word[:1], ()) if regexp.match(word)}
_NUMBERS = {first: _BY_FIRST[first] for first in "-+.0123456789"}
_FIRSTS = frozenset(_BY_FIRST)  # what an implicit value other than text can start with
_ScalarNode, _SequenceNode, _MappingNode = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that keeps dates as the text the owner wrote (2024-13-40 is then a clear error, not a crash).

    Its resolver does what PyYAML's does for the core schema without path resolvers, with less work per value."""

    yaml_implicit_resolvers = _RESOLVERS

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is _ScalarNode:
            if implicit[0] and value[:1] in _FIRSTS:
                tag = _WORDS.get(value)
                if tag is not None:
                    return tag
                for tag, regexp in _NUMBERS.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is _SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


MAX_NODES = 50_000
MAX_DEPTH = 40
MAX_DIGITS = 20


class YamlProblem(ValueError):
    """A file that cannot be read as a catalogue document: a Norwegian message and a 1-based position."""

    def __init__(self, message: str, line: int = 1, col: int = 1):
        super().__init__(message)
        self.line, self.col = line, col


@dataclass
class Positions:
    """Maps a path inside a document to the (line, column) of its key, 1-based."""

    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # (path of the repeated key, where it repeats, where it was first written)
    duplicates: list[tuple[Path_, tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    # values that are not acceptable as data (NaN, 5,000-digit numbers, keys that are lists): (line, col, message)
    invalid: list[tuple[int, int, str]] = field(default_factory=list)

    def of(self, path: Path_) -> tuple[int, int]:
        path = tuple(path)
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))


_BLANK = object()


def parse(text: str) -> tuple[Any, Positions]:
    """Parse one YAML document into plain data and the position of every key. Raises YamlProblem.

    Mapping keys are always text. An empty value means «not known» (the scaffold says: la stå tom hvis ukjent –
    aldri gjett), so it is dropped, and so is an object or a list that held nothing else; the key's position is
    kept, so a required field left empty can be reported on its own line."""
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as exc:
            raise _problem(exc, text) from None
        positions = Positions()
        if node is None:
            return None, positions
        value = _Builder(loader, positions, "<<" in text).build(node, (), 0)
        return ({} if value is _BLANK else value), positions
    finally:
        loader.dispose()


class _Builder:
    """One walk over the node tree that builds the values and records their positions."""

    def __init__(self, loader: Any, positions: Positions, merges: bool):
        self.loader, self.positions, self.merges, self.count = loader, positions, merges, 0
        self.marks = positions.marks

    def limit(self, node: yaml.Node) -> None:
        if self.count > MAX_NODES:
            raise YamlProblem(f"filen har mer enn {MAX_NODES} verdier (YAML-bombe?)", node.start_mark.line + 1,
                              node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        mark = node.start_mark
        line, col = mark.line + 1, mark.column + 1
        if self.count > MAX_NODES:
            self.limit(node)
        if depth > MAX_DEPTH:
            raise YamlProblem(f"filen er nøstet dypere enn {MAX_DEPTH} nivåer", line, col)
        marks = self.marks
        if path not in marks:
            marks[path] = (line, col)
        tag = node.tag
        kind = type(node)
        if kind is _ScalarNode:
            if tag == _STR:
                return node.value
            return self.scalar(node, tag, line, col)
        if kind is _SequenceNode and tag == _SEQ:
            items = []
            i = 0
            for item in node.value:
                if item.tag == _STR and type(item) is _ScalarNode:  # most values: text, built right here
                    self.count += 1
                    at = path + (i,)
                    if at not in marks:
                        item_mark = item.start_mark
                        marks[at] = (item_mark.line + 1, item_mark.column + 1)
                    items.append(item.value)
                else:
                    items.append(self.build(item, path + (i,), depth + 1))
                i += 1
            self.limit(node)
            kept = [v for v in items if v is not _BLANK]
            return _BLANK if items and not kept else kept
        if kind is _MappingNode and tag == _MAP:
            return self.mapping(node, path, depth)
        return self.constructed(node)

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> Any:
        if self.merges and any(key.tag == _MERGE for key, _ in node.value):
            self.loader.flatten_mapping(node)
        result: dict[str, Any] = {}
        written = False
        marks = self.marks
        for key_node, value_node in node.value:
            key_mark = key_node.start_mark
            where = (key_mark.line + 1, key_mark.column + 1)
            if type(key_node) is not _ScalarNode:
                self.positions.invalid.append((*where, "en nøkkel må være tekst, ikke en liste eller et oppslag"))
                continue
            key = key_node.value
            child = path + (key,)
            if child in marks:
                self.positions.duplicates.append((child, where, marks[child]))
            marks[child] = where
            written = True
            if value_node.tag == _STR and type(value_node) is _ScalarNode:  # most values: text
                self.count += 1
                result[key] = value_node.value
                continue
            value = self.build(value_node, child, depth + 1)
            if value is _BLANK:
                result.pop(key, None)
            else:
                result[key] = value
        self.limit(node)
        return _BLANK if written and not result else result

    def scalar(self, node: yaml.ScalarNode, tag: str, line: int, col: int) -> Any:
        if tag == _NULL:
            return _BLANK
        digits = len(node.value.replace("_", "").lstrip("+-"))
        if tag == _INT and digits > MAX_DIGITS:
            self.positions.invalid.append((line, col, f"tallet har {digits} sifre; så store tall er ikke tillatt"))
            return _BLANK
        value = self.constructed(node)
        if tag == _FLOAT and not math.isfinite(value):
            self.positions.invalid.append((line, col, f"ugyldig tall {node.value!r}: bare vanlige tall er tillatt "
                                                      "(ikke .nan eller .inf)"))
            return _BLANK
        return value

    def constructed(self, node: yaml.Node) -> Any:
        """Explicitly tagged values (!!binary, !!timestamp, ...): PyYAML's safe constructors; dates become text."""
        try:
            value = self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            raise _problem(exc, "") from None
        except (ValueError, TypeError, OverflowError):  # an explicit tag on a value it does not fit: !!int x
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlProblem(f"YAML-syntaksfeil: verdien passer ikke til taggen {tag}", node.start_mark.line + 1,
                              node.start_mark.column + 1) from None
        if hasattr(value, "isoformat"):
            return value.isoformat()[:10]
        return value


# ---------- parser messages in Norwegian ----------

UNKNOWN_REASON = "filen kan ikke leses som YAML her; sjekk innrykk, kolon og anførselstegn"
REASONS = {  # libyaml's and PyYAML's wording, by a part of the problem text (the longer before the shorter)
    "mapping values are not allowed": "kolon på feil sted: står det et kolon inne i en tekst, sett teksten i "
                                      "anførselstegn; ellers er innrykket feil",
    "could not find expected ':'": "fant ikke forventet kolon etter feltnavnet (feil innrykk eller manglende anførselstegn?)",
    "did not find expected key": "fant ikke forventet felt; sjekk innrykket (like mange mellomrom som linjen over)",
    "did not find expected '-' indicator": "fant ikke forventet listestrek '-'; sjekk innrykket i listen",
    "did not find expected ',' or ']'": "fant ikke forventet komma eller ] i listen",
    "did not find expected ',' or '}'": "fant ikke forventet komma eller } i oppslaget",
    "did not find expected node content": "mangler en verdi her",
    "block sequence entries are not allowed": "listestrek på feil sted; sjekk innrykket",
    "mapping keys are not allowed": "spørsmålstegn (?) på feil sted; sett teksten i anførselstegn",
    "found unexpected end of stream": "filen slutter før teksten er avsluttet (mangler et avsluttende anførselstegn?)",
    "found unexpected document indicator": "'---' eller '...' midt i en tekst; sett teksten i anførselstegn",
    "found a tab character": "tabulator er ikke tillatt i YAML; bruk mellomrom",
    "found character '\\t' that cannot start any token": "tabulator er ikke tillatt i YAML; bruk mellomrom",
    "found character that cannot start any token": "tegnet kan ikke starte en verdi (tabulator, @ eller `?); sett "
                                                   "teksten i anførselstegn og bruk mellomrom i stedet for tabulator",
    "found undefined alias": "ukjent alias (*navn); skriv verdien helt ut",
    "did not find expected alphabetic or numeric character": "et anker (&) eller alias (*) må ha et navn; sett "
                                                             "teksten i anførselstegn",
    "found unknown escape character": "ugyldig escape-tegn etter \\ i tekst med doble anførselstegn; bruk enkle "
                                      "anførselstegn",
    "did not find expected hexdecimal number": "ugyldig \\x-, \\u- eller \\U-kode i tekst med doble anførselstegn",
    "found invalid Unicode character escape code": "ugyldig Unicode-kode i tekst med doble anførselstegn",
    "found duplicate anchor": "samme anker (&navn) er brukt to ganger",
    "found undefined tag handle": "ukjent tag (!…); sett teksten i anførselstegn",
    "could not determine a constructor for the tag": "ukjent tag (!…); fjern den eller sett teksten i anførselstegn",
    "did not find expected tag URI": "ugyldig tag (!…); sett teksten i anførselstegn",
    "did not find expected '!'": "ugyldig tag (!…); sett teksten i anførselstegn",
    "did not find URI escaped octet": "ugyldig tag (!…); sett teksten i anførselstegn",
    "found an incorrect leading UTF-8 octet": "ugyldig tag (!…); sett teksten i anførselstegn",
    "found an incorrect trailing UTF-8 octet": "ugyldig tag (!…); sett teksten i anførselstegn",
    "found unhashable key": "en nøkkel må være tekst, ikke en liste eller et oppslag",
    "failed to decode base64 data": "ugyldige base64-data i !!binary",
    "expected a mapping node": "ugyldig innhold for !!-taggen her",
    "expected a sequence node": "ugyldig innhold for !!-taggen her",
    "expected a mapping or list of mappings for merging": "'<<' må vise til et oppslag (&navn)",
    "expected a mapping for merging": "'<<' må vise til et oppslag (&navn)",
    "expected <block end>": "feil innrykk: linjen passer ikke med innrykket til linjene rundt",
    "did not find expected <document start>": "filen skal inneholde ett dokument; fjern '---' og teksten etter",
    "expected a single document": "filen skal inneholde ett dokument; fjern '---' midt i filen",
    "but found another document": "filen skal inneholde ett dokument; fjern '---' midt i filen",
    "found duplicate %YAML directive": "ugyldig %-direktiv øverst i filen; fjern linjen som begynner med %",
    "found incompatible YAML document": "ugyldig %-direktiv øverst i filen; fjern linjen som begynner med %",
    "found duplicate %TAG directive": "ugyldig %-direktiv øverst i filen; fjern linjen som begynner med %",
    "found unknown directive name": "ugyldig %-direktiv øverst i filen; fjern linjen som begynner med %",
    "did not find expected directive name": "ugyldig %-direktiv øverst i filen; fjern linjen som begynner med %",
    "found an indentation indicator equal to 0": "ugyldig innrykksangivelse etter | eller >; bruk 1–9",
    "did not find expected comment or line break": "uventet tekst etter | eller >; start teksten på neste linje",
    "did not find expected whitespace or line break": "uventet tegn; sett teksten i anførselstegn",
    "did not find expected whitespace": "uventet tegn; sett teksten i anførselstegn",
    "did not find the expected '>'": "ugyldig tag (!…); sett teksten i anførselstegn",
    "found unexpected non-alphabetical character": "ugyldig tag (!…); sett teksten i anførselstegn",
    "found unexpected ':'": "kolon på feil sted; sett teksten i anførselstegn",
    "did not find expected digit or '.' character": "ugyldig %-direktiv øverst i filen; fjern linjen som begynner med %",
    "did not find expected version number": "ugyldig %-direktiv øverst i filen; fjern linjen som begynner med %",
    "found extremely long version number": "ugyldig %-direktiv øverst i filen; fjern linjen som begynner med %",
    "did not find expected <stream-start>": UNKNOWN_REASON,
    "input is too long": "filen er for stor",
    "control characters are not allowed": "filen inneholder et kontrolltegn som ikke er tillatt i YAML; fjern det",
    "special characters are not allowed": "filen inneholder et kontrolltegn som ikke er tillatt i YAML; fjern det",
}


def reason(exc: yaml.YAMLError) -> str:
    """PyYAML's or libyaml's complaint in Norwegian."""
    text = " ".join(str(getattr(exc, attr, None) or "") for attr in ("problem", "reason", "context")) or str(exc)
    for english, norwegian in REASONS.items():
        if english in text:
            return norwegian
    return UNKNOWN_REASON


def _problem(exc: yaml.YAMLError, text: str) -> YamlProblem:
    message = f"YAML-syntaksfeil: {reason(exc)}"
    if isinstance(exc, yaml.reader.ReaderError):
        if text and _BYTE_OFFSETS:
            before = text.encode("utf-8", "surrogatepass")[: exc.position].decode("utf-8", "ignore")
        else:
            before = text[: exc.position]
        line = before.count("\n") + 1
        return YamlProblem(f"{message} (tegn #x{exc.character:04x})", line, len(before) - before.rfind("\n"))
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if "end of stream" in (getattr(exc, "problem", None) or "") and getattr(exc, "context_mark", None):
        mark = exc.context_mark  # an unclosed quote: point at where it opens, not at the end of the file
    elif mark is not None and text:
        opened = _runaway_quote(text, mark.line)
        if opened is not None:
            line, col = opened
            return YamlProblem("YAML-syntaksfeil: anførselstegnet som åpnes her, lukkes ikke på samme linje, så "
                               f"teksten fortsetter til linje {mark.line + 1} (mangler et avsluttende anførselstegn?)",
                               line, col)
    return YamlProblem(message, mark.line + 1, mark.column + 1) if mark else YamlProblem(message)


def _runaway_quote(text: str, error_line: int) -> tuple[int, int] | None:
    """Where a quoted text opens when it runs over several lines and ends where the parser gave up: the usual
    result of a missing closing quote, which YAML only notices at the next quote further down."""
    found = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.line > error_line:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ("'", '"')
                    and token.end_mark.line > token.start_mark.line and token.end_mark.line >= error_line - 1):
                found = (token.start_mark.line + 1, token.start_mark.column + 1)
    except yaml.YAMLError:
        pass
    return found
