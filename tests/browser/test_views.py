"""The infographic in the view of any option, its grouped segments, and the Rapport on paper.

The rings start from the policy in force; a keyboard reader switches them to the plan and
sees a different figure. A segment that stands for the partners a ring leaves out opens a
page that exists. Chromium's A4 print of the Rapport has "In het kort" and the version of
the data on its first page, and the text of every option and every domain.
"""

from __future__ import annotations

import io
from typing import Any

import pypdf

from .conftest import SitePage
from .test_site import _entities, domains, infographic, open_page, pie_traces, slice_points

#: How many segments of the rings carry a mark (∅ or ⚠).
MARKS = "els => els.filter(e => /[\\u2205\\u26a0]/.test(e.textContent)).length"


def marked(site_page: SitePage) -> int:
    count: int = site_page.page.locator("#speelveld g.slice text").evaluate_all(MARKS)
    return count


def test_the_rings_switch_between_the_policy_in_force_and_the_plan(site_page: SitePage) -> None:
    open_page(site_page, "/speelveld/")
    infographic(site_page)
    page = site_page.page
    caption = page.locator("#speelveld-weergave")
    assert caption.inner_text() == "Geldend beleid"
    in_force = marked(site_page)
    checked = page.locator("fieldset.speelveld-views input[value=in-force]")
    assert checked.is_checked()
    checked.focus()
    page.keyboard.press("ArrowRight")  # radio buttons move with the arrow keys
    assert page.locator("fieldset.speelveld-views input[value=plan]").is_checked()
    page.wait_for_function("document.querySelector('#speelveld-weergave').textContent === 'Plan'")
    page.wait_for_function(
        "[...document.querySelectorAll('#speelveld g.slice text')]"
        f".filter(e => /[\\u2205\\u26a0]/.test(e.textContent)).length !== {in_force}"
    )
    plan = marked(site_page)
    # The plan uses more partners and instruments, and serves every domain.
    assert plan < in_force
    gap = "[...document.querySelectorAll('#speelveld g.trace:last-of-type g.slice text')]"
    assert page.evaluate(f"{gap}.some(e => e.textContent.includes('\\u26a0'))") is False
    page.locator("fieldset.speelveld-views input[value=in-force]").check()
    page.wait_for_function(f"{gap}.some(e => e.textContent.includes('\\u26a0'))")
    site_page.assert_clean()


def test_a_segment_for_the_others_opens_their_index_page(site_page: SitePage) -> None:
    open_page(site_page, "/speelveld/")
    chart = infographic(site_page)
    labels: list[str] = site_page.page.evaluate(
        "JSON.parse(document.getElementById('speelveld-data').textContent).data[1].text"
    )
    others = [n for n, label in enumerate(labels) if label.startswith("en ")]
    assert others, "the Amsterdam rings group some partners"
    point = slice_points(site_page, pie_traces(chart).nth(1))[others[0]]
    assert point["hits"]
    page = site_page.page
    before = page.url
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url(lambda url: url != before)
    site_page.settle()
    assert site_page.path == "/partners/"
    assert page.locator("h1").inner_text().strip().rstrip("#") == "Partners"
    site_page.assert_clean()


def pdf_text(site_page: SitePage, path: str) -> list[str]:
    site_page.goto(path)
    site_page.page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length > 0")
    site_page.page.emulate_media(media="print")
    document = site_page.page.pdf(format="A4", print_background=True)
    reader = pypdf.PdfReader(io.BytesIO(document))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def test_the_rapport_prints_for_the_council(site_page: SitePage) -> None:
    pages = pdf_text(site_page, "/rapport/")
    first = pages[0]
    assert "In het kort" in first
    assert "Stand van de gegevens" in first
    assert "Zoeken" not in first  # no search box, no navigation
    whole = " ".join(pages)
    squeezed = whole.replace(" ", "")
    titles: list[Any] = [
        "Nuloptie (geldend beleid)",
        "Plan",
        *(s["title"] for s in _entities("scenarios").values()),
    ]
    for title in titles:
        assert title.replace(" ", "") in squeezed, title
    for domain in domains().values():
        assert " ".join(domain["name"].split()).replace(" ", "") in squeezed, domain["name"]
    # The options side by side: every row of the table, whole, on paper.
    section = squeezed.split("Deoptiesnaastelkaar")[1]
    for title in titles:
        assert title.replace(" ", "") in section, title
    site_page.assert_clean()
