"""A national-scale catalogue made from the bundled one, for benchmarks and scale tests.

Every kommune folder is copied `copies` times (copy 0 is the original, untouched). A copy gets an invented
kommune name and id, and its services get new ids; references inside the kommune (alternatives, related,
service_areas) follow the copy, and the specialist services that serve a kommune also serve its copies. With
the bundled catalogue and copies=106 that is about 15,000 services in 318 kommuner."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

try:
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is in the PyYAML wheels
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_CONSONANTS = "bdfghklmnprstv"
_VOWELS = "aeiou"


@dataclass(frozen=True)
class Synthesised:
    root: Path
    kommuner: int
    services: int


def copy_name(index: int) -> str:
    """An invented, pronounceable place name, different for every index ≥ 1 («Bafeki»)."""
    syllables = []
    n = index
    for _ in range(3):
        n, rest = divmod(n, len(_CONSONANTS) * len(_VOWELS))
        syllables.append(_CONSONANTS[rest // len(_VOWELS)] + _VOWELS[rest % len(_VOWELS)])
    return "".join(syllables).capitalize()


def synthesise_national(src_root: Path | str, dest_root: Path | str, copies: int = 106) -> Synthesised:
    """Write the national catalogue to dest_root (which must not exist yet)."""
    src, dest = Path(src_root), Path(dest_root)
    dest.mkdir(parents=True)
    for path in src.glob("*.yaml"):
        shutil.copy(path, dest / path.name)
    folders = sorted(p for p in src.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    kommune_ids = [p.name for p in folders if (p / "kommune.yaml").is_file()]
    names = {kid: [kid] + [copy_name(i * len(kommune_ids) + n).lower() for i in range(1, copies)]
             for n, kid in enumerate(kommune_ids)}
    services = 0
    for folder in folders:
        files = {p.name: yaml.load(p.read_text("utf-8"), Loader=_Loader) for p in sorted(folder.glob("*.yaml"))}
        if folder.name not in names:
            for data in files.values():
                if data.get("service_areas"):
                    data["service_areas"] = [new for area in data["service_areas"] for new in names.get(area, [area])]
            _write(dest / folder.name, files)
            services += len(files)
            continue
        own_ids = {d["id"] for name, d in files.items() if name != "kommune.yaml"}
        for copy in range(copies):
            kid = names[folder.name][copy]
            _write(dest / kid, {name: _copy(data, folder.name, kid, own_ids, names, copy, name == "kommune.yaml")
                                for name, data in files.items()})
            services += len(files) - ("kommune.yaml" in files)
    return Synthesised(dest, sum(len(v) for v in names.values()), services)


def _copy(data: dict, old: str, new: str, own_ids: set[str], names: dict[str, list[str]], copy: int,
          is_kommune: bool) -> dict:
    if copy == 0:
        return data
    data = dict(data)
    if is_kommune:
        data["id"] = new
        data["name"] = new.capitalize()
        for key in ("alternate_names", "kommunenummer"):
            data.pop(key, None)
        return data

    def renamed(service_id: str) -> str:
        if service_id not in own_ids:
            return service_id
        return new + service_id[len(old):] if service_id.startswith(f"{old}-") else f"{new}-{service_id}"

    data["id"] = renamed(data["id"])
    if data.get("kommune") == old:
        data["kommune"] = new
    for key in ("alternatives", "related"):
        if data.get(key):
            data[key] = [renamed(i) for i in data[key]]
    if data.get("service_areas"):
        data["service_areas"] = [names[a][copy] if a in names else a for a in data["service_areas"]]
    return data


def _write(folder: Path, files: dict[str, dict]) -> None:
    folder.mkdir()
    for name, data in files.items():
        text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
        (folder / name).write_text(text, encoding="utf-8")
