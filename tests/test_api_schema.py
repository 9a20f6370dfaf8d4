"""The JSON API against its own OpenAPI schema, by Schemathesis: every operation in /openapi.json
is called with generated parameters and bodies (valid ones, and invalid ones), in-process, on a
copy of the demo case with one analyst. With the analyst's API token (scope judge) no call may
fail on the server, and each answer must be one the schema declares, of the declared content
type and shape. Without a token every operation must answer 401, never a 5xx.

Schemathesis's own pytest plugin (`from_fixture` with `parametrize`) breaks on pytest 9 (it
reads a private attribute of the test item), so the operations are walked here, each with
Hypothesis drawing from Schemathesis's strategy for it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import Case, GenerationMode
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from dossier.cli import main
from dossier.web import create_app

PASSWORD = "an analyst's long password"
EXAMPLES = settings(max_examples=15, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))
CHECKS = [schemathesis.checks.not_a_server_error, status_code_conformance,
          content_type_conformance, response_schema_conformance]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def analyst_token(demo_case: Path, tmp_path_factory: pytest.TempPathFactory
                  ) -> tuple[Path, str]:
    """A copy of the demo case with one analyst, and their API token of scope judge."""
    case = tmp_path_factory.mktemp("schema") / "case.db"
    shutil.copy(demo_case, case)
    runner = CliRunner()
    added = runner.invoke(main, ["user", "add", "amina", "--role", "analyst", "--password-stdin",
                                 "--case", str(case)], input=PASSWORD, catch_exceptions=False)
    assert added.exit_code == 0, added.output
    made = runner.invoke(main, ["token", "add", "amina", "--scope", "judge", "--label", "schema",
                                "--case", str(case)], catch_exceptions=False)
    assert made.exit_code == 0, made.output
    (token,) = [line for line in made.stdout.splitlines() if line.startswith("dsr_")]
    return case, token


@pytest.fixture(scope="module")
def api(analyst_token: tuple[Path, str]) -> schemathesis.BaseSchema:
    case, token = analyst_token
    # the schema itself is behind the sign-in too: it is read with the token
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(case),
                                          headers=bearer(token))


def explore(api: schemathesis.BaseSchema, mode: GenerationMode,
            check: Callable[[Case[Any]], object],
            ids: dict[str, str] | None = None) -> dict[str, bool]:
    """`check` on generated calls to every operation: for each operation's label, whether any
    call was made (an operation whose parameters take any string has no invalid data). With
    `ids`, only the operations with path parameters, each given the case's own IDs."""
    explored = {}
    for result in api.get_all_operations():
        assert isinstance(result, Ok), result.err()
        operation = result.ok()
        names = {p.name for p in operation.path_parameters}
        if ids is not None and not names:
            continue

        @EXAMPLES
        @given(case=operation.as_strategy(generation_mode=mode, path_parameters=(
            {name: ids[name] for name in names} if ids is not None else None)))
        def run(case: Case[Any]) -> None:
            check(case)

        try:
            run()
            explored[operation.label] = True
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE, operation.label
            explored[operation.label] = False
        except BaseException as exc:
            exc.add_note(f"operation: {operation.label} ({mode} data)")
            raise
    return explored


def first_id(api: schemathesis.BaseSchema, path: str, headers: dict[str, str], key: str
             ) -> str:
    response = api[path]["GET"].Case().call(headers=headers)
    assert response.status_code == 200, response.text
    found: str = response.json()[key][0]["id"]
    return found


MUST = {"GET /api/claims", "GET /api/claims/{cid}", "GET /api/search", "POST /api/judgements",
        "GET /api/admin", "GET /report"}
NEGATED = {"GET /api/claims", "GET /api/claims/{cid}", "POST /api/judgements"}


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_with_a_token_every_answer_is_as_the_schema_says(
        api: schemathesis.BaseSchema, analyst_token: tuple[Path, str],
        mode: GenerationMode) -> None:
    headers = bearer(analyst_token[1])
    explored = explore(api, mode, lambda case: case.call_and_validate(headers=headers,
                                                                      checks=CHECKS))
    assert {label for label, ran in explored.items() if ran} >= (
        MUST if mode is GenerationMode.POSITIVE else NEGATED)


def test_the_case_own_ids_with_generated_parameters(
        api: schemathesis.BaseSchema, analyst_token: tuple[Path, str]) -> None:
    """Generated IDs are unknown (404): the case's own claim, document and entity, with the
    other parameters generated, reach the code behind the 404."""
    headers = bearer(analyst_token[1])
    ids = {"cid": first_id(api, "/api/claims", headers, "claims"),
           "did": first_id(api, "/api/documents", headers, "documents"),
           "eid": first_id(api, "/api/entities", headers, "entities")}

    def found(case: Case[Any]) -> None:
        response = case.call_and_validate(headers=headers, checks=CHECKS)
        assert response.status_code == 200, (case.formatted_path, case.query,
                                              response.status_code)

    assert set(explore(api, GenerationMode.POSITIVE, found, ids)) == {
        "GET /api/claims/{cid}", "GET /api/documents/{did}", "GET /api/entities/{eid}",
        "GET /documents/{did}/original"}


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_without_a_token_every_operation_answers_401(api: schemathesis.BaseSchema,
                                                     mode: GenerationMode) -> None:
    def anonymous(case: Case[Any]) -> None:
        response = case.call_and_validate(checks=CHECKS)  # the 401 is in the schema too
        assert response.status_code == 401, (case.method, case.formatted_path,
                                              response.status_code, response.text[:200])
        assert response.headers["www-authenticate"] == ["Bearer"]

    explored = explore(api, mode, anonymous)
    assert {label for label, ran in explored.items() if ran} >= (
        MUST if mode is GenerationMode.POSITIVE else NEGATED)


def test_the_schema_says_how_a_script_signs_in(api: schemathesis.BaseSchema) -> None:
    raw = api.raw_schema
    assert raw["components"]["securitySchemes"]["token"] == {
        "type": "http", "scheme": "bearer", "description": raw["components"][
            "securitySchemes"]["token"]["description"]}
    assert raw["security"] == [{"token": []}]
    assert all("401" in operation["responses"] for operations in raw["paths"].values()
               for operation in operations.values())
