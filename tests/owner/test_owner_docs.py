"""docs/tjenesteeiere.md explains every field of the schemas and every status value."""

from __future__ import annotations

from pathlib import Path

from gpguide.catalogue import schema as schemas

DOC = Path(__file__).resolve().parents[2] / "docs" / "tjenesteeiere.md"


def _fields(node, root) -> set[str]:
    if isinstance(node, dict):
        if "$ref" in node and node["$ref"].startswith("#/"):
            target = root
            for part in node["$ref"][2:].split("/"):
                target = target[part]
            return _fields(target, root)
        names = set(node.get("properties", {}))
        for child in (*node.get("properties", {}).values(), *([node["items"]] if "items" in node else [])):
            names |= _fields(child, root)
        return names
    return set()


def test_every_field_and_status_is_documented():
    text = DOC.read_text("utf-8")
    service = schemas.schema("service")
    kommune = schemas.schema("kommune")
    fields = _fields(service, service) | set(kommune["properties"])
    missing = sorted(f for f in fields if f"`{f}`" not in text)
    assert missing == []
    for status in service["properties"]["status"]["enum"]:
        assert f"`{status}`" in text
    for command in ("gpguide check", "gpguide new", "gpguide report", "gpguide export"):
        assert command in text
