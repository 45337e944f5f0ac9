"""`gpguide new`: a commented template with every schema field, which passes check once the required fields are set."""

from __future__ import annotations

import io
import re

import pytest
import yaml

from gpguide.catalogue import schema as schemas
from gpguide.cli import main
from gpguide.owner import new
from owner_helpers import check_lines


def _all_fields(node: dict, root: dict) -> set[str]:
    """Every property name in the service schema, nested ones included."""
    if "$ref" in node and node["$ref"].startswith("#/"):
        target = root
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    names = set()
    for key, prop in node.get("properties", {}).items():
        names.add(key)
        names |= _all_fields(prop, root)
    if "items" in node:
        names |= _all_fields(node["items"], root)
    return names


def scaffold_text(**kwargs) -> str:
    out = io.StringIO()
    new.run(kwargs.pop("catalog"), kwargs.pop("kommune"), service_id=kwargs.get("service_id"),
            name=kwargs.get("name"), to_stdout=True, out=out)
    return out.getvalue()


def test_every_field_is_in_the_template_with_a_norwegian_comment(catalog):
    text = scaffold_text(catalog=catalog, kommune="testby", name="Åpen dør")
    schema = schemas.schema("service")
    keys = {m.group(1) for m in re.finditer(r"^\s*(?:- )?([a-z_]+):", text, re.M)}
    explained = {m.group(1) for m in re.finditer(r"^\s*# ([a-z_]+)(?: \([^)]*\))?:", text, re.M)}
    assert _all_fields(schema, schema) <= keys
    assert _all_fields(schema, schema) <= explained
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../gpguide/schema/service.schema.json"
    assert "La stå tom hvis ukjent – aldri gjett." in text
    assert "Tillatt: active, planned, closed, uncertain, absent." in text
    assert "Intervjuobjekter i revisjonsrapporter er aldri kontaktpersoner." in text


def test_template_prefills_what_is_known(catalog):
    data = yaml.safe_load(scaffold_text(catalog=catalog, kommune="Testby", name="Åpen dør for unge"))
    assert data["id"] == "testby-apen-dor-for-unge"
    assert data["name"] == "Åpen dør for unge"
    assert data["kommune"] == "testby"
    assert data["level"] == "kommune"
    assert data["status"] is None  # the owner decides; never guessed


def test_written_template_fails_until_status_is_set_then_passes(catalog, capsys):
    assert main(["--catalog", str(catalog), "new", "--kommune", "testby", "--name", "Åpen dør"]) == 0
    path = catalog / "testby" / "apen-dor.yaml"
    assert capsys.readouterr().out.startswith(f"Skrev {path}")
    text = path.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=")

    code, lines = check_lines(path)
    status_line = text.splitlines().index("status:") + 1
    assert code == 1
    assert lines[0] == f"{path}:{status_line}:1: error: påkrevd felt 'status' er tomt; fyll det ut"

    path.write_text(text.replace("\nstatus:\n", "\nstatus: active\n"), "utf-8")
    code, lines = check_lines(path)
    assert code == 0, lines
    assert not any(": error: " in line for line in lines)


def test_filled_template_with_sources_and_contacts_passes(catalog):
    path = catalog / "testby" / "ny.yaml"
    text = scaffold_text(catalog=catalog, kommune="testby", service_id="testby-ny", name="Ny tjeneste")
    text = text.replace("\nstatus:\n", "\nstatus: active\n")
    text = text.replace("  - role:\n", "  - role: Sentralbord\n", 1)
    text = text.replace("    phone:\n", '    phone: "51 00 00 09"\n', 1)
    text = re.sub(r"(contacts:.*?\n    source:)\n", r"\1 a\n", text, count=1, flags=re.S)
    text = re.sub(r"(sources:.*?- key:)\n(.*?\n    doc:)\n(.*?\n    lines:)\n", r"\1 a\n\2 testby-2024\n\3 1-2\n",
                  text, count=1, flags=re.S)
    path.write_text(text, "utf-8")
    code, lines = check_lines(path)
    assert code == 0, lines
    assert [line for line in lines if ": warning: " in line] == [
        f"{path}:{text.splitlines().index('id: testby-ny') + 1}:1: warning: "
        "assured_date mangler: ingen tjenesteeier har bekreftet opplysningene"]


def test_refuses_to_overwrite(catalog, capsys):
    target = catalog / "testby" / "samtaletilbud.yaml"
    before = target.read_text("utf-8")
    code = main(["--catalog", str(catalog), "new", "--kommune", "testby", "--id", "testby-samtaletilbud-2",
                 "--name", "x"])
    assert code == 0
    code = main(["--catalog", str(catalog), "new", "--kommune", "testby", "--id", "testby-samtaletilbud-2"])
    assert code == 1
    assert "finnes allerede" in capsys.readouterr().err
    assert target.read_text("utf-8") == before


def test_refuses_an_id_in_use(catalog, capsys):
    code = main(["--catalog", str(catalog), "new", "--kommune", "testby", "--id", "testby-samtaletilbud", "-"])
    assert code == 1
    assert "id 'testby-samtaletilbud' er allerede brukt" in capsys.readouterr().err


def test_stdout_with_dash_writes_no_file(catalog, capsys):
    assert main(["--catalog", str(catalog), "new", "--kommune", "testby", "--name", "Kurs", "-"]) == 0
    assert capsys.readouterr().out.startswith("# yaml-language-server:")
    assert not (catalog / "testby" / "kurs.yaml").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--kommune", "oslo"], "ukjent kommune 'oslo'; kjente kommuner: testby"),
    (["--kommune", "testby", "--id", "Ugyldig Id"], "ugyldig id 'Ugyldig Id'"),
])
def test_bad_input_is_explained(catalog, capsys, args, message):
    assert main(["--catalog", str(catalog), "new", *args, "-"]) == 1
    assert message in capsys.readouterr().err


def test_national_service_has_no_kommune(catalog):
    data = yaml.safe_load(scaffold_text(catalog=catalog, kommune="national", name="Hjelpelinjen"))
    assert data["id"] == "nasjonal-hjelpelinjen"
    assert data["level"] == "nasjonal"
    assert "kommune" not in data


def test_slugify_follows_the_catalogue():
    assert new.slugify("Rask psykisk helsehjelp (RPH)") == "rask-psykisk-helsehjelp-rph"
    assert new.slugify("Pårørendegruppe for søsken") == "parorendegruppe-for-sosken"
    assert new.slugify("Kafé Ærlig") == "kafe-aerlig"
