# Shared plotting helpers for executed page code: include with --8<-- "plotting.py" in a
# markdown-exec block with html="1", then print(svg(fig)).
# Why these settings: a fixed svg.hashsalt and no Date/Creator metadata make the SVG
# byte-identical across builds; NanumGothic (shipped inside the koreanize-matplotlib wheel, OFL)
# gives every machine the same Hangul metrics, so layout does not depend on installed fonts;
# svg.fonttype "none" keeps labels as selectable text rendered with the reader's fonts.
# DejaVu Sans comes first because NanumGothic has no minus sign (U+2212); Hangul falls back.
# Light and dark pages: the figure has no background, text and axes are drawn in INK, which
# svg() turns into "currentColor" (the page's text colour, nnref.css), legend boxes and hollow
# markers in PAPER, the page's background colour; COLORS read on white and on the dark theme.
import importlib.util as _importlib_util
import io as _io

import matplotlib as _matplotlib

_matplotlib.use("Agg")
import matplotlib.pyplot as plt
from cycler import cycler as _cycler
from matplotlib import font_manager as _font_manager

# find_spec locates the wheel's font without importing the package (its import has side effects).
_FONT_DIR = _importlib_util.find_spec("koreanize_matplotlib").submodule_search_locations[0]
_font_manager.fontManager.addfont(f"{_FONT_DIR}/fonts/NanumGothic.ttf")

INK = "#0b0c0d"  # -> currentColor
PAPER = "#fdfcfb"  # -> var(--md-default-bg-color)
COLORS = {  # contrast of at least 3.4:1 on white and on Material's slate background
    "blue": "#4a7bd8",
    "orange": "#e65100",
    "green": "#259a55",
    "red": "#e04b3a",
    "purple": "#9966cc",
    "grey": "#8a8a8a",
}

PLOT_STYLE = {
    "svg.hashsalt": "nnref",
    "svg.fonttype": "none",
    "font.family": ["DejaVu Sans", "NanumGothic", "sans-serif"],
    "font.sans-serif": ["DejaVu Sans"],  # the generic's own list, kept short in the SVG
    "font.size": 11,
    "axes.titlesize": 11,
    "legend.fontsize": 10,
    "axes.unicode_minus": True,
    "figure.dpi": 100,
    "figure.facecolor": "none",
    "axes.facecolor": "none",
    "savefig.facecolor": "none",
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.edgecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.prop_cycle": _cycler(color=list(COLORS.values())),
    "axes.grid": True,
    "grid.color": INK,
    "grid.alpha": 0.15,
    "legend.facecolor": PAPER,
    "legend.edgecolor": INK,
    "legend.framealpha": 0.9,
}
plt.rcParams.update(PLOT_STYLE)


def svg(fig, alt: str = "") -> str:
    """The figure as inline SVG markup (closed afterwards), reproducible byte for byte."""
    buffer = _io.StringIO()
    with _matplotlib.rc_context(PLOT_STYLE):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)
    text = buffer.getvalue()
    markup = text[text.index("<svg") :].replace(INK, "currentColor")
    markup = markup.replace(PAPER, "var(--md-default-bg-color)")
    if alt:
        markup = markup.replace("<svg ", f'<svg role="img" aria-label="{alt}" ', 1)
    return f'<div class="nnref-plot">\n{markup}\n</div>'


def minus(text: str) -> str:
    """Tick and label text with a real minus sign (U+2212) instead of the hyphen-minus."""
    return text.replace("-", "\u2212")


def plain_ticks(axis, template: str = "{:g}") -> None:
    """Major tick labels of a (log-scale) axis as plain text from ``template``, no minor labels.

    The default log labels are mathtext (10^k); plain numbers read better on a small screen.
    """
    from matplotlib.ticker import FuncFormatter, NullFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _: minus(template.format(value))))
    axis.set_minor_formatter(NullFormatter())


def figure_legend(fig, axes, ncol: int = 3, below: float = -0.03) -> None:
    """One legend for the whole figure, under the panels (off the data), from the axes' labels."""
    handles, labels = [], []
    for ax in axes:
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            if label not in labels:
                handles.append(handle)
                labels.append(label)
    fig.legend(handles, labels, loc="upper center", ncol=ncol, frameon=False,
               bbox_to_anchor=(0.5, below), bbox_transform=fig.transFigure)
