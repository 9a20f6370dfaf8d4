"""The web UI in-process (httpx through FastAPI's TestClient), on the demo case: every page
answers, its JSON twin carries the same facts, every number leads to its passages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Dossier
from fastapi.testclient import TestClient

from dossier.web import create_app, pages


@pytest.fixture(scope="module")
def client(demo_case: Path) -> Iterator[TestClient]:
    with TestClient(create_app(demo_case)) as c:
        yield c


def test_overview_counts_match_the_claims(client: TestClient) -> None:
    overview = client.get("/api/overview").json()
    counts = overview["counts"]
    claims = client.get("/api/claims", params={"limit": 500}).json()
    assert counts["claims"] == claims["total"] > 0
    assert sum(counts["claims_by_status"].values()) == counts["claims"]
    for status, n in counts["claims_by_status"].items():
        assert client.get("/api/claims", params={"status": status}).json()["total"] == n
    assert counts["documents"] == len(client.get("/api/documents").json()["documents"])
    assert counts["rejected"] == len(client.get("/api/rejected").json()["rejected"])
    page = client.get("/")
    assert page.status_code == 200 and "Most corroborated claims" in page.text
    top = overview["most_corroborated"][0]
    assert f'href="/claims/{top["id"]}"' in page.text


def test_claims_are_filtered_and_sorted(client: TestClient) -> None:
    everything = client.get("/api/claims", params={"limit": 500}).json()
    origins = [c["independent_sources"] for c in everything["claims"]]
    assert origins == sorted(origins, reverse=True)
    argun = client.get("/api/claims", params={"q": "argun", "limit": 500}).json()
    assert 0 < argun["total"] < everything["total"]
    contested = client.get("/api/claims", params={"status": "contested"}).json()
    assert contested["total"] and all(c["status"] == "contested" for c in contested["claims"])
    dated = client.get("/api/claims", params={"since": "2017-04", "until": "2017-04",
                                              "limit": 500}).json()
    assert dated["total"] and all(c["date"].startswith("2017-04") for c in dated["claims"])
    outlet = everything["choices"]["outlets"][0]
    by_outlet = client.get("/api/claims", params={"outlet": outlet, "limit": 500}).json()
    assert by_outlet["total"] and all(outlet in c["outlets"] for c in by_outlet["claims"])
    entity = everything["choices"]["entities"][0]["id"]
    assert client.get("/api/claims", params={"entity": entity}).json()["total"] > 0
    by_date = client.get("/api/claims", params={"sort": "date", "limit": 500}).json()["claims"]
    dates = [c["date"] for c in by_date if c["date"]]
    assert dates == sorted(dates)
    html = client.get("/claims", params={"status": "contested"}).text
    assert contested["claims"][0]["statement"].replace("'", "&#39;")[:40] in html
    assert client.get("/claims", params={"sort": "nonsense"}).status_code == 422


def test_a_claims_page_shows_every_passage_in_context(client: TestClient,
                                                      demo_case: Path) -> None:
    claims = client.get("/api/claims", params={"status": "contested"}).json()["claims"]
    # the most corroborated contested claim whose passages fit on one page (paging: below)
    data = next(d for c in claims if (d := client.get(f"/api/claims/{c['id']}").json())[
        "page"]["pages"] == 1)
    cid = data["claim"]["id"]
    claim = data["claim"]
    assert claim["independent_sources"] == len(claim["origins"]) >= 1
    assert all(o["reasons"] for o in claim["origins"])
    exported = next(c for c in Dossier(demo_case).export()["claims"] if c["id"] == cid)
    assert claim == {k: v for k, v in exported.items() if k != "mentions"}
    passages = data["passages"]
    denying = [m["quote"] for m in exported["mentions"] if m["stance"] == "denies"]
    assert [p["quote"] for p in passages] == denying + [
        m["quote"] for m in exported["mentions"] if m["stance"] != "denies"]
    assert data["page"] == {"number": 1, "pages": 1, "size": pages.PASSAGES_PER_PAGE,
                            "first": 1, "last": len(passages), "total": len(passages)}
    for p in passages:
        assert p["passage"] == p["quote"]  # the body at the passage's offsets is the sentence
        body = client.get(f"/api/documents/{p['document']}").json()["document"]["text"]
        assert body[p["start"]:p["end"]] == p["quote"]
        assert p["before"].removeprefix("… ") in body
    assert claim["denied_by"] and denying
    named = {e["id"] for p in passages for e in p["entities"]} | {
        p["speaker"] for p in passages if p["speaker"]}
    assert named
    for eid in named:
        assert client.get(f"/api/entities/{eid}").status_code == 200
    html = client.get(f"/claims/{cid}").text
    assert html.count("<mark>") == len(passages)
    assert "Denied by" in html and "independent origin" in html
    for p in passages:
        assert f'href="/documents/{p["document"]}#{p["mention"]}"' in html


def test_a_claims_passages_come_a_page_at_a_time(client: TestClient,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A syndicated story's claim has thousands of passages: each page shows some of them in
    their context, and the pages together show each once, the denials first."""
    claims = client.get("/api/claims", params={"status": "contested"}).json()["claims"]
    cid = claims[0]["id"]
    monkeypatch.setattr(pages, "PASSAGES_PER_PAGE", 10_000)
    everything = client.get(f"/api/claims/{cid}").json()["passages"]
    assert len(everything) > 3
    monkeypatch.setattr(pages, "PASSAGES_PER_PAGE", 2)
    seen = []
    first = client.get(f"/api/claims/{cid}").json()
    count = first["page"]["pages"]
    assert count == -(-len(everything) // 2)
    for number in range(1, count + 1):
        data = client.get(f"/api/claims/{cid}", params={"page": number}).json()
        assert data["page"]["number"] == number
        assert data["page"]["first"] == 2 * number - 1
        seen += [p["mention"] for p in data["passages"]]
        html = client.get(f"/claims/{cid}", params={"page": number}).text
        assert html.count("<mark>") == len(data["passages"])
        assert ('rel="next"' in html) == (number < count)
        assert ('rel="prev"' in html) == (number > 1)
    assert seen == [p["mention"] for p in everything]
    beyond = client.get(f"/api/claims/{cid}", params={"page": count + 5}).json()
    assert beyond["page"]["number"] == count  # past the end: the last page
    assert client.get(f"/api/claims/{cid}", params={"page": 0}).status_code == 422


def test_a_documents_page_marks_its_statements_and_offers_the_original(
        client: TestClient) -> None:
    claims = client.get("/api/claims").json()["claims"]
    # the first supporting passage whose document names nobody protected (the demo protects a
    # witness); a denial's passage is marked with the denial's own claim
    passage, data = next(
        (p, d) for p in client.get(f"/api/claims/{claims[0]['id']}").json()["passages"]
        if p["stance"] != "denies"
        and not (d := client.get(f"/api/documents/{p['document']}").json())["original_withheld"])
    document = data["document"]
    assert "".join(s["text"] for s in data["segments"]) == document["text"]
    marked = [data["statements"][s["statement"]] for s in data["segments"]
              if s["statement"] is not None]
    assert any(s["mention"] == passage["mention"] and s["claim"] == claims[0]["id"]
               for s in marked)
    html = client.get(f"/documents/{document['id']}").text
    assert f'id="{passage["mention"]}"' in html and document["sha256"] in html
    original = client.get(f"/documents/{document['id']}/original")
    assert original.status_code == 200
    assert original.headers["content-disposition"].startswith("attachment")
    import hashlib
    assert hashlib.sha256(original.content).hexdigest() == document["sha256"]


def test_removed_blocks_are_shown_on_demand(client: TestClient) -> None:
    for row in client.get("/api/documents").json()["documents"]:
        data = client.get(f"/api/documents/{row['id']}").json()
        if data["document"]["removed"]:
            html = client.get(f"/documents/{row['id']}").text
            for kind in data["removed_kinds"]:
                assert f"<summary>{kind} (" in html
            return
    pytest.fail("the demo case has no document with removed blocks")


def test_unknown_ids_are_clear_404s(client: TestClient) -> None:
    assert client.get("/api/claims/claim-nope").json() == {
        "detail": "there is no claim claim-nope in this case"}
    page = client.get("/documents/doc-nope")
    assert page.status_code == 404 and "there is no document doc-nope" in page.text
    assert client.get("/documents/doc-nope/original").status_code == 404


def test_every_api_route_is_in_the_openapi_schema(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/api/overview", "/api/claims", "/api/claims/{cid}", "/api/documents",
                  "/api/documents/{did}", "/api/rejected", "/documents/{did}/original"):
        assert route in paths
    params = {p["name"] for p in paths["/api/claims"]["get"]["parameters"]}
    assert {"status", "kind", "entity", "outlet", "since", "until", "q", "sort"} <= params


def test_pages_need_no_network(client: TestClient) -> None:
    for url in ("/", "/claims", "/documents", "/rejected"):
        html = client.get(url).text
        assert "http://" not in html and "https://" not in html
    assert client.get("/docs").status_code == 404  # Swagger UI would load a CDN's scripts


def test_an_entity_page_shows_its_spellings_mentions_and_claims(client: TestClient) -> None:
    entities = client.get("/api/entities").json()["entities"]
    merged = next(e for e in entities if len(e["aliases"]) > 1 and e["type"] == "person")
    data = client.get(f"/api/entities/{merged['id']}").json()
    assert data["entity"]["merges"], "a person with several spellings says why they are one"
    assert {m["text"] for m in data["mentions"]} <= set(data["entity"]["aliases"])
    assert len(data["mentions"]) == merged["mentions"]
    assert client.get("/api/claims", params={"entity": merged["id"], "limit": 500}
                      ).json()["total"] == len(data["claims"])
    html = client.get(f"/entities/{merged['id']}").text
    for reason in data["entity"]["merges"]:
        assert reason.replace("'", "&#39;").replace('"', "&#34;") in html


def test_the_timeline_is_in_date_order_and_filters_by_entity(client: TestClient) -> None:
    data = client.get("/api/timeline").json()
    entries = data["entries"]
    assert entries and all(e["precision"] in ("day", "month", "year") for e in entries)
    years = [e["date"][:4] for e in entries]
    assert years == sorted(years)
    claims = client.get("/api/claims", params={"limit": 500}).json()
    dated = {c["id"] for c in claims["claims"] if c["date"]}
    assert {e["claim"] for e in entries} == dated
    assert {c["id"] for c in data["undated"]} == {c["id"] for c in claims["claims"]} - dated
    place = next(e for e in client.get("/api/entities").json()["entities"]
                 if e["name"] == "Argun")
    narrowed = client.get("/api/timeline", params={"entity": place["id"]}).json()
    assert 0 < len(narrowed["entries"]) < len(entries)
    page = client.get("/timeline", params={"entity": place["id"]}).text
    assert "Timeline: Argun" in page


def test_search_groups_statements_by_claim_and_finds_documents(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "Argun compound"}).json()
    assert found["claims"] and found["documents"]
    for claim in found["claims"]:
        for passage in claim["passages"]:
            marked = {p["text"].casefold() for p in passage["passage"] if p["match"]}
            assert marked & {"argun"} and any(w.startswith("compound") for w in marked)
            data = client.get(f"/api/claims/{claim['id']}").json()
            assert passage["mention"] in {p["mention"] for p in data["passages"]}
    for document in found["documents"]:
        body = client.get(f"/api/documents/{document['id']}").json()["document"]
        text = (body["title"] or "") + " " + body["text"]
        assert "argun" in text.casefold() and "compound" in text.casefold()
    # every document containing both words is found (the demo case is small)
    both = [d for d in client.get("/api/documents").json()["documents"]
            if {"argun", "compound"} <= set(
                client.get(f"/api/documents/{d['id']}").json()["document"]["text"].casefold()
                .replace(",", " ").replace(".", " ").split())]
    assert {d["id"] for d in both} <= {d["id"] for d in found["documents"]}
    prefix = client.get("/api/search", params={"q": "compoun*"}).json()
    assert len(prefix["documents"]) >= len(found["documents"])


@pytest.mark.parametrize("words", ['"', "AND OR NOT", "NEAR(", "*", "", "Kadyrov's"])
def test_search_never_fails_on_what_a_user_types(client: TestClient, words: str) -> None:
    assert client.get("/api/search", params={"q": words}).status_code == 200
    assert client.get("/search", params={"q": words}).status_code == 200


def test_rejected_documents_are_not_searched(client: TestClient) -> None:
    for row in client.get("/api/rejected").json()["rejected"]:
        name = row["path"].rsplit("/", 1)[-1].split(".")[0]
        hits = client.get("/api/search", params={"q": name}).json()["documents"]
        assert row["id"] not in {h["id"] for h in hits}


def test_testimonies_are_listed_locked(client: TestClient) -> None:
    data = client.get("/api/testimonies").json()["testimonies"]
    assert data and all(t["pseudonym"].startswith("Witness W-") for t in data)
    supported = {s["claim"] for t in data for s in t["supports"]}
    assert supported
    for cid in supported:
        origins = client.get(f"/api/claims/{cid}").json()["claim"]["origins"]
        assert any(o.get("confidential") for o in origins)
    html = client.get("/testimonies").text
    assert "confidential — locked" in html and "plastic pipes" not in html


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for url in ("/", "/api/claims", "/static/dossier.css", "/claims/none-such", "/openapi.json"):
        headers = client.get(url).headers
        assert "default-src 'none'" in headers["content-security-policy"], url
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["cache-control"] == "no-store"
