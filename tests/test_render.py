"""Pure rendering helpers: links between pages and advisor text made safe."""

from __future__ import annotations

import posixpath

import pytest

from speelveld.render import text
from speelveld.render.paths import page_path, relative


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("index.md", "maatregelen/x.md"),
        ("maatregelen/x.md", "partners/y.md"),
        ("maatregelen/x.md", "maatregelen/z.md"),
        ("maatregelen/index.md", "methode.md"),
        ("speelveld.md", "domeinen/index.md"),
        ("a/b/c.md", "a/d.md"),
        ("a/b/c.md", "e.md"),
    ],
)
def test_relative_links_agree_with_posixpath(current: str, target: str) -> None:
    expected = posixpath.relpath(target, posixpath.dirname(current) or ".")
    assert relative(current, target) == expected
    assert relative(current, f"{target}#anker") == f"{expected}#anker"


def test_an_entity_called_index_does_not_replace_the_index_page() -> None:
    assert page_path("maatregelen", "index") == "maatregelen/index_.md"
    assert page_path("maatregelen", "meldpilot") == "maatregelen/meldpilot.md"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("[a](https://example.org)", "[a](https://example.org)"),
        ("[a](mailto:x@example.org)", "[a](mailto:x@example.org)"),
        ("[a](javascript:alert(1))", "[a]\\(javascript:alert(1))"),
        ("[a](java\nscript:alert(1))", "[a]\\(java\nscript:alert(1))"),
        ("[a]( JaVaScRiPt:alert(1))", "[a]\\( JaVaScRiPt:alert(1))"),
        ("[a](&#106;avascript:x)", "[a]\\(&amp;#106;avascript:x)"),
        ("[a](data:text/html,x)", "[a]\\(data:text/html,x)"),
        ("[a](pagina.md)", "[a]\\(pagina.md)"),
        ("- [r]: javascript:x", "- \\[r]: javascript:x"),
        ("![x](https://example.org/a.png)", "\\![x](https://example.org/a.png)"),
        ("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
        ("## Kop { onclick=x }", "## Kop &#123; onclick=x &#125;"),
        ("A &amp; B", "A &amp;amp; B"),
        ("links \u202erechts", "links rechts"),
    ],
)
def test_advisor_markdown_keeps_markdown_and_neutralises_the_rest(typed: str, shown: str) -> None:
    assert text.markdown(typed) == shown


def test_inline_text_cannot_break_a_table_row() -> None:
    assert text.inline("a | b\nc") == "a \\| b c"


def test_chart_json_cannot_close_its_script_element() -> None:
    encoded = text.script_json({"label": "</script><script>alert(1)</script>"})
    assert "</script>" not in encoded
    assert "<" not in encoded


def test_the_page_title_is_escaped_for_themes_that_print_it_raw() -> None:
    assert text.front_matter('A <b> & "c"') == (
        '---\ntitle: "A &lt;b&gt; &amp; &quot;c&quot;"\n---\n\n'
    )


def test_the_pages_escape_each_name_once_and_alike_every_time() -> None:
    """The filters for names and short texts keep what they made, within one environment:
    the same escaping every time, and a new environment starts empty."""
    from speelveld.render import environment

    filters = environment.build().filters
    for name, escape in (("inline", text.inline), ("plain", text.plain)):
        typed = "Politie | *Noord*\n[x](javascript:y)"
        assert filters[name](typed) == filters[name](typed) == escape(typed)
        assert filters[name].cache_info().hits == 1
        assert environment.build().filters[name].cache_info().currsize == 0
