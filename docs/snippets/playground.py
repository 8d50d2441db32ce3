# Executed page code of the playground page (playground.*.md) and of the links to it from the
# backpropagation chapter, the derive guide and the command-line page. The page's words, choices
# and default network come from nnref.playground; a link's address is built from the data of the
# example it links (nnref.examples, the derive guide's network, a CLI command), never typed.
import json
import shlex

from nnref.cli.parsing import build_parser
from nnref.cli.problem import problem_from_args
from nnref.playground import page_config
from nnref.playground.state import example_query, problem_query, query, state_of
from nnref.playground.words import word


def playground(lang):
    """The page's widget: a root the script fills in, and the config it reads (JSON)."""
    config = json.dumps(page_config(lang), ensure_ascii=False).replace("</", "<\\/")
    print(
        f'<div id="nnref-playground" class="nnref-playground" lang="{lang}">'
        f"<noscript><p>{word('no_script', lang)}</p></noscript></div>"
    )
    print(f'<script type="application/json" id="nnref-playground-config">{config}</script>')


def _link(key, query_string, lang, up):
    # The built page's address, not playground.md: markdown-exec's output skips MkDocs' link
    # rewriting, which would leave "playground.md?..." as it is (a broken link).
    print(word(key, lang, url=f"{up}playground/?{query_string}"))


def link_to_example(example, lang, up="../../"):
    """The link paragraph of a page whose example is one of nnref.examples."""
    _link("link_backprop", example_query(example), lang, up)


def link_to_network(net, x, target, weights, biases, lr, lang, up="../../"):
    """The link paragraph of a page that defines its own network and example."""
    _link("link_derive", query(state_of(net, x, target, weights, biases, lr)), lang, up)


def link_to_command(command, lang, up="../../"):
    """The link paragraph for an ``nnref derive`` command, read by the CLI's own parser."""
    argv = shlex.split(command)
    if argv[:2] != ["nnref", "derive"]:
        raise ValueError(f"command must be an nnref derive command; got {command!r}")
    _link("link_cli", problem_query(problem_from_args(build_parser().parse_args(argv[1:]))), lang, up)
