"""The Content Security Policy's hashes, without a browser (the browser tests check it holds)."""

from __future__ import annotations

from quiz.site.csp import PLACEHOLDER, inline_script_hashes, policy, with_policy


def test_the_policy_hashes_exactly_the_inline_scripts():
    page = (
        f'<head><meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}"></head>'
        '<script>alert(1)</script><script type="application/json">{"a": 1}</script>'
        '<script src="x.js"></script><script type="module">let b = 2</script>'
        "<script>alert(1)</script>"
    )
    assert inline_script_hashes(page) == [
        "bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=",  # sha256 of "alert(1)"
        "hw6SF70TgtO+azcigl1qlSK/03SKqmHr++X+jfL8cto=",  # sha256 of "let b = 2"
    ]
    assert with_policy(page).count("'sha256-") == 2
    assert policy([]).startswith("default-src 'self'; script-src 'self'; ")


def test_a_script_in_the_pages_article_gets_no_hash_even_beside_the_templates_own():
    content = "<p>Hello</p><script>steal()</script>"
    page = (
        f'<head><meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}"></head>'
        f'<script>theme()</script><article class="md-content__inner md-typeset">{content}'
        "</article><script>footer()</script>"
    )
    [theme, steal, footer] = inline_script_hashes(page)
    written = with_policy(page)
    assert f"'sha256-{theme}'" in written and f"'sha256-{footer}'" in written
    assert f"'sha256-{steal}'" not in written


def test_an_article_closed_early_in_the_markdown_still_hides_its_script():
    page = (
        f'<head><meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}"></head>'
        '<article class="md-content__inner md-typeset"><p>x</p></article>'
        "<script>steal()</script></article>"
    )
    [steal] = inline_script_hashes(page)
    assert f"'sha256-{steal}'" not in with_policy(page)
