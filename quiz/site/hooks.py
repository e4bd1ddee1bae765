"""The site's MkDocs hooks: each event is a short pipeline into the `quiz.site` package.

The i18n plugin builds each language in turn with the same config object, so the site is checked
once per build and the result kept on that config (`mkdocs serve` loads a fresh config for every
rebuild, so nothing goes stale); this module holds no state of its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads this file by path; make the project's `quiz` package importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from quiz.problems import format_problems
from quiz.site.assets import BuildToolMissing, prepare_offline_copy
from quiz.site.finish import finish_site
from quiz.site.languages import (
    built_languages,
    every_language_built,
    is_default_language_build,
    language_homes,
    language_prefix,
    localizer,
    publish_in_language_folder,
    publisher,
)
from quiz.site.pages import PageSource, flat_toc, page_key, settings_from_config
from quiz.site.search import index_rendered_page, with_config_base
from quiz.site.settings import SiteCheck, check_rendered, check_site
from quiz.site.strings import translator
from quiz.site.templates import CompiledTemplates
from quiz.site.terms import with_terms_table
from quiz.site.view import QuizView


def on_config(config):
    if config.plugins["material/offline"].config.enabled:
        prepare_offline_copy(config)
    return config


def on_pre_build(*, config):
    site = _site_check(config)
    if site.problems:
        raise PluginError("The site has problems:\n" + format_problems(site.problems))


def on_env(env, *, config, files):
    language = config.theme["language"]
    site = _site_check(config)
    env.bytecode_cache = _compiled_templates(config)
    env.globals["t"] = translator(language)
    env.filters["localized"] = localizer(config)
    env.filters["published"] = publisher(config)
    env.filters["with_config_base"] = with_config_base
    env.globals["quiz_view"] = QuizView(
        site.quiz.quiz, language, site.quiz.witnesses, site.messages.messages
    )
    env.globals["language_folder"] = language_prefix(config)
    env.globals["language_homes"] = language_homes(config)
    env.globals["og_locale_alternates"] = [
        translator(other)("og.locale") for other in built_languages(config) if other != language
    ]
    return env


def on_page_markdown(markdown, *, page, config, files):
    """What the build generates into a page: the terms page's table of terms by flag."""
    site = _site_check(config)
    source = _page_source(site, page, config)
    return with_terms_table(source, markdown, site.terms_tables) if source else markdown


def on_page_content(html, *, page, config, files):
    """The checks that need a page's HTML, on the HTML this build has just rendered."""
    site = _site_check(config)
    source = _page_source(site, page, config)
    if source is None:  # not a page of docs/ (a generated one)
        return html
    problems = check_rendered(site, source, html, flat_toc(page.toc))
    if problems:
        raise PluginError("The page has problems:\n" + format_problems(problems))
    return html


def on_post_page(output, *, page, config):
    index_rendered_page(config, page, output)
    return output


def on_pre_template(template, *, template_name, config):
    if (
        template_name == NOT_FOUND
    ):  # no counterpart page: the switcher leads to each language's home
        # An attribute, as the i18n plugin sets it per page.
        config.extra.alternate = language_homes(config)
    return template


def on_post_template(output_content, *, template_name, config):
    if template_name == NOT_FOUND and not is_default_language_build(config):
        # The root's stays the default's.
        return publish_in_language_folder(output_content, template_name, config)
    return output_content


# After the i18n plugin has built every language and merged their search entries: the steps that
# work on the output folder alone (quiz/site/finish.py), once (each language's own build ends
# here too, before the site is whole).
@event_priority(-110)
def on_post_build(*, config):
    if not every_language_built(config):
        return
    try:
        finish_site(config.site_dir, [language + "/" for language in built_languages(config)[1:]])
    except BuildToolMissing as error:
        raise PluginError(str(error)) from None


def _site_check(config) -> SiteCheck:
    """The site's one check, run on the first language's build and kept on its config."""
    site = getattr(config, "_crf_site_check", None)
    if site is None:
        site = check_site(config, rendered=False)
        config._crf_site_check = site
    return site


def _page_source(site: SiteCheck, page, config) -> PageSource | None:
    """A page of docs/ as the site check read it; None for a page the build generates."""
    return site.pages.get(page_key(page.file.src_uri, settings_from_config(config)))


def _compiled_templates(config) -> CompiledTemplates:
    """The templates compiled in this build, shared by every language's environment."""
    compiled = getattr(config, "_crf_compiled_templates", None)
    if compiled is None:
        compiled = config._crf_compiled_templates = CompiledTemplates()
    return compiled


# GitHub Pages answers every missing path below the site with the root's 404.html.
NOT_FOUND = "404.html"
