"""End to end in headless Chromium: click through dyad → incident → document, upload an article, hostile text."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from webclient import ThreadServer, post_json

HOSTILE = [
    'Russian forces shelled the Ukrainian city of Kharkiv <img src=x onerror="window.__xss=1"> on 3 May 2025, '
    "Ukrainian officials said.",
    "Russian troops attacked Ukrainian positions near Kupiansk </script><script>window.__xss=2</script> on 4 May 2025.",
    'Ukraine accused Russia of war crimes <b onmouseover="window.__xss=3">here</b> on 5 May 2025.',
]
UPLOAD = ("Azerbaijan summoned the Russian ambassador in Baku on 2 July 2025 after the deaths of two "
          "Azerbaijani brothers in police custody in Yekaterinburg.\n")


@pytest.fixture()
def page(browser: Any, server: ThreadServer) -> Iterator[Any]:
    """A fresh page that fails the test on any JavaScript error, dialog (alert, confirm) or missing asset."""
    ctx = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("console", lambda m: problems.append(f"console: {m.text}")
          if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    pg.on("response", lambda r: problems.append(f"{r.status} {r.url}")  # pages may answer 4xx, their assets not
          if r.status >= 400 and r.request.resource_type != "document" else None)
    pg.set_default_timeout(30_000)
    yield pg
    ctx.close()
    assert not problems, problems


def screenshot(pg: Any, folder: Path, name: str) -> Path:
    """A full-page screenshot, checked to be a picture and not a blank page."""
    from PIL import Image

    path = folder / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    with Image.open(path) as img:
        small = img.convert("RGB").resize((160, 120))
        colours = len(small.getcolors(maxcolors=160 * 120) or [])
        assert img.width >= 1000 and img.height >= 400 and colours > 30, (name, img.size, colours)
    return path


def test_browser_click_through_dyad_incident_document(page: Any, shots: Path) -> None:
    page.goto("/")
    screenshot(page, shots, "index")
    page.locator("a.dyad-link").first.click()
    page.wait_for_url("**/dyads/*")
    page.wait_for_selector("#timeline .main-svg")  # plotly drew the timeline (local plotly.js, no CDN)
    assert page.locator("#timeline .bars path, #timeline .points path").count() > 0
    screenshot(page, shots, "dyad")
    page.locator("table.events td.date a").first.click()
    page.wait_for_url("**/incidents/*")
    evidence = page.locator("mark.evidence").first
    assert evidence.is_visible() and len(evidence.inner_text()) > 10
    assert page.locator("article.report").count() >= 1
    screenshot(page, shots, "incident")
    page.locator("a.doc-link").first.click()
    page.wait_for_url("**/documents/*#ev-*")
    anchor = page.url.split("#", 1)[1]
    assert page.locator(f"#{anchor}").count() == 1
    assert page.locator(".doctext .ann-focus").count() > 0  # the evidence sentence it came from is highlighted
    assert page.locator(".doctext .ann-actor").count() > 0 and page.locator(".doctext .ann-evidence").count() > 0
    screenshot(page, shots, "document")


def test_browser_upload_form_shows_the_new_events(page: Any, shots: Path) -> None:
    page.goto("/upload")
    screenshot(page, shots, "upload")
    page.fill("textarea[name=text]", UPLOAD)
    page.fill("input[name=published]", "2025-07-03")
    page.select_option("select[name=lang]", "en")
    page.fill("input[name=outlet]", "Upload Test Wire")
    page.click("form.upload button[type=submit]")
    page.wait_for_url("**/documents/*?stored=1")
    assert "found" in page.locator("p.notice").inner_text()
    rows = page.locator("table.events tr.q3, table.events tr.q1, table.events tr.q2, table.events tr.q4")
    assert rows.count() >= 1
    page.goto("/events?outlet=Upload+Test+Wire")
    assert page.locator("table.events td.evidence").first.inner_text().startswith("Azerbaijan summoned")


def test_browser_upload_form_says_what_is_wrong(page: Any) -> None:
    page.goto("/upload")
    page.fill("textarea[name=text]", "Some text.")
    page.fill("input[name=published]", "not a date")
    page.click("form.upload button[type=submit]")
    assert "invalid date" in page.locator("#upload-error").inner_text()


def test_browser_events_table_filters_and_pages(page: Any, shots: Path) -> None:
    page.goto("/events?limit=5")
    assert page.locator("table.events tr").count() == 6
    page.click("a[rel=next]")
    page.wait_for_url("**offset=5**")
    page.select_option("select[name=type]", "ASSAULT")
    page.fill("input[name=limit]" if page.locator("input[name=limit]").count() else "input[name=search]", "")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**type=ASSAULT**")
    kinds = {t.strip() for t in page.locator("table.events .etype").all_inner_texts()}
    assert kinds == {"ASSAULT"}
    screenshot(page, shots, "events")


def test_browser_pattern_page_reads_the_result_in_words(page: Any, shots: Path) -> None:
    page.goto("/pattern")
    page.locator("p.help a").last.click()  # material conflict after verbal conflict, over the whole store
    page.wait_for_selector("#verdict")
    assert len(page.locator("#verdict").inner_text()) > 40
    assert page.locator("table.grid tr").count() == 5  # a row for each of the four default windows
    screenshot(page, shots, "pattern")


def test_browser_hostile_articles_render_as_text(page: Any, server: ThreadServer, shots: Path) -> None:
    r = post_json(server.url + "/documents", {"text": "\n".join(HOSTILE) + "\n", "published": "2025-05-06", "lang": "en",
                                              "title": "<script>window.__xss=4</script>Hostile",
                                              "outlet": '<img src=x onerror="window.__xss=5">'})
    assert r.status == 201, r.text
    doc = r.json()["documents"][0]
    assert doc["events"]
    incident = next(e["incident_id"] for e in doc["events"] if e["incident_id"])
    for path in (f"/documents/{doc['id']}", "/events?search=Kupiansk", "/incidents?dyad=RUS-UKR&limit=200",
                 f"/incidents/{incident}", "/dyads/RUS-UKR", "/documents", "/"):
        page.goto(path)
        page.wait_for_load_state("load")
        if path.startswith("/dyads"):
            page.wait_for_selector("#timeline .main-svg")
            box = page.locator("#timeline .scatterlayer .points path").first.bounding_box()
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_selector("#timeline .hoverlayer .hovertext")  # the hover text shows the evidence
        page.locator("body").hover()
        assert page.evaluate("window.__xss") is None, path
        assert page.locator("script:not([src])").count() == 0 or path.startswith("/dyads"), path
        assert page.locator("img").count() == 0, path
    page.goto(f"/documents/{doc['id']}")
    text = page.locator(".doctext").inner_text()
    assert '<img src=x onerror="window.__xss=1">' in text and "</script><script>window.__xss=2</script>" in text
    assert page.locator("h1").inner_text().startswith("<script>")
    screenshot(page, shots, "hostile-document")
