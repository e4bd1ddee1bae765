"""Where each language lives in the built site: the default at the root, the others each in a
folder named by its locale (`ko/`). The i18n plugin builds the languages in turn with one config;
these read which one is being built and where its pages go."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import pass_context
from mkdocs.utils import write_file


def is_default_language_build(config) -> bool:
    """Whether the i18n plugin is building the default language (it builds each in turn)."""
    i18n = config.plugins["i18n"]
    return i18n.current_language in (None, i18n.default_language)


def every_language_built(config) -> bool:
    """Whether the i18n plugin has built every language: false inside the builds it starts for
    the other languages from the default's `on_post_build`, true once they are all done."""
    return not config.plugins["i18n"].building


def language_prefix(config) -> str:
    """The folder of the language being built, below the site's root: '' or 'ko/'."""
    i18n = config.plugins["i18n"]
    return "" if is_default_language_build(config) else f"{i18n.current_language}/"


def built_languages(config) -> list[str]:
    """The locale of every language the site publishes, the default first."""
    return [language.locale for language in _published(config)]


def localizer(config) -> Callable[[Any, str], str]:
    """A filter that points a site-relative page path (`quiz/`) at the current language's copy.

    In a non-default language build, MkDocs' `url` filter still resolves paths from the site's
    root, so `'quiz/' | url` would lead a Korean reader to the English quiz.
    """
    prefix = language_prefix(config)
    directory_urls = config.use_directory_urls

    @pass_context  # never folded into a constant at compile time (quiz.site.templates)
    def localized(context, path: str) -> str:
        if not directory_urls:  # the offline copy: page.md becomes page.html
            path = path[:-1] + ".html" if path.endswith("/") else path or "index.html"
        return prefix + path

    return localized


def publisher(config) -> Callable[[Any, str], str]:
    """A filter that gives a site-relative page path (`quiz/`) its absolute address on the
    published site (`site_url`), in the current language: what paper prints and what share
    links from the offline copy lead to, which a file:// address or `quiz.html` would not."""
    site = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    prefix = language_prefix(config)

    @pass_context  # never folded into a constant at compile time (quiz.site.templates)
    def published(context, path: str) -> str:
        return site + prefix + path

    return published


def language_homes(config) -> list[dict[str, str]]:
    """Each language's home page as the language switcher lists it (`name`, absolute `link`,
    `lang`), the default first: where the switcher leads from a page that has no counterpart,
    such as the 404 page."""
    site = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    suffix = "" if config.use_directory_urls else "index.html"
    homes = []
    for language in _published(config):
        folder = "" if language.default else f"{language.locale}/"
        homes.append(
            {"name": language.name, "link": site + folder + suffix, "lang": language.locale}
        )
    return homes


def publish_in_language_folder(output: str, template_name: str, config) -> str:
    """Write a theme template's page (404.html) of a non-default language into that language's
    folder, and return '' so that MkDocs leaves the root's copy, the default language's, alone."""
    write_file(
        output.encode("utf-8"), str(Path(config.site_dir) / language_prefix(config) / template_name)
    )
    return ""


def _published(config) -> list:
    """The i18n plugin's languages that are built, the default first."""
    languages = [language for language in config.plugins["i18n"].config.languages if language.build]
    return sorted(languages, key=lambda language: not language.default)
