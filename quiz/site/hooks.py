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

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from quiz.problems import format_problems  # noqa: E402
from quiz.site.assets import bundles, prepare_offline_copy  # noqa: E402
from quiz.site.content import check_rendered_page, page_key, settings_from_config, toc_tokens  # noqa: E402
from quiz.site.csp import with_policy  # noqa: E402
from quiz.site.settings import SiteCheck, check_site  # noqa: E402
from quiz.site.strings import is_default_language_build, localizer, publisher, translator  # noqa: E402
from quiz.site.view import QuizView  # noqa: E402


def on_config(config):
    if config.plugins["material/offline"].config.enabled:
        prepare_offline_copy(config)
    return config


def on_pre_build(*, config):
    site = _site_check(config)
    if site.problems:
        raise PluginError("The site has problems:\n" + format_problems(site.problems))


@event_priority(-110)  # after the i18n plugin's own file tree (it cannot take generated files)
def on_files(files, *, config):
    if is_default_language_build(config):  # one copy at the site's root serves every language
        for path, content in bundles().items():
            files.append(File.generated(config, path, content=content))
    return files


def on_env(env, *, config, files):
    language = config.theme["language"]
    checked = _site_check(config).quiz
    env.globals["t"] = translator(language)
    env.filters["localized"] = localizer(config)
    env.filters["published"] = publisher(config)
    env.globals["quiz_view"] = QuizView(checked.quiz, language, checked.witnesses)
    return env


def on_page_content(html, *, page, config, files):
    """The content checks that need a page's HTML, on the HTML this build has just rendered."""
    source = _site_check(config).pages.get(page_key(page.file.src_uri, settings_from_config(config)))
    if source is None:  # not a page of docs/ (a generated one)
        return html
    problems = check_rendered_page(source, html, toc_tokens(page.toc))
    if problems:
        raise PluginError("The page has problems:\n" + format_problems(problems))
    return html


def on_post_page(output, *, page, config):
    return with_policy(output)


def on_post_template(output_content, *, template_name, config):
    return with_policy(output_content)


def _site_check(config) -> SiteCheck:
    """The site's one check, run on the first language's build and kept on its config."""
    site = getattr(config, "_crf_site_check", None)
    if site is None:
        site = check_site(config, rendered=False)
        config._crf_site_check = site
    return site
