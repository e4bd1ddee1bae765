"""Templates compiled once per build serve every language: nothing about a language may be fixed
in the compiled code."""

from __future__ import annotations

from types import SimpleNamespace

import jinja2

from quiz.site.languages import localizer, publisher
from quiz.site.templates import CompiledTemplates

TEMPLATE = "{{ 'quiz/' | localized }} {{ 'terms/' | published }}"


def _config(language: str, directory_urls: bool = True) -> SimpleNamespace:
    i18n = SimpleNamespace(current_language=language, default_language="en")
    return SimpleNamespace(
        plugins={"i18n": i18n},
        use_directory_urls=directory_urls,
        site_url="https://example.org/site",
    )


def _render(compiled: CompiledTemplates, config: SimpleNamespace, source: str = TEMPLATE) -> str:
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"page.html": source}), bytecode_cache=compiled
    )
    env.filters["localized"] = localizer(config)
    env.filters["published"] = publisher(config)
    return env.get_template("page.html").render()


def test_a_template_compiled_for_one_language_renders_each_language_its_own_links():
    compiled = CompiledTemplates()
    assert _render(compiled, _config("en")) == "quiz/ https://example.org/site/terms/"
    assert _render(compiled, _config("ko")) == "ko/quiz/ https://example.org/site/ko/terms/"
    assert (
        _render(compiled, _config("ko", directory_urls=False))
        == "ko/quiz.html https://example.org/site/ko/terms/"
    )


def test_the_second_language_reuses_the_compiled_code_and_an_edited_template_compiles_anew(
    monkeypatch,
):
    compiled = CompiledTemplates()
    _render(compiled, _config("en"))
    compiles = []
    original = jinja2.Environment.compile
    monkeypatch.setattr(
        jinja2.Environment,
        "compile",
        lambda self, *a, **k: compiles.append(a) or original(self, *a, **k),
    )
    _render(compiled, _config("ko"))
    assert compiles == []
    assert (
        _render(compiled, _config("ko"), TEMPLATE + "!")
        == "ko/quiz/ https://example.org/site/ko/terms/!"
    )
    assert len(compiles) == 1
