# Shared plotting helpers for executed page code: include with --8<-- "plotting.py" in a
# markdown-exec block with html="1", then print(svg(fig)).
# Why these settings: a fixed svg.hashsalt and no Date/Creator metadata make the SVG
# byte-identical across builds; NanumGothic (shipped inside the koreanize-matplotlib wheel, OFL)
# gives every machine the same Hangul metrics, so layout does not depend on installed fonts;
# svg.fonttype "none" keeps labels as selectable text rendered with the reader's fonts.
import importlib.util as _importlib_util
import io as _io

import matplotlib as _matplotlib

_matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import font_manager as _font_manager

# find_spec locates the wheel's font without importing the package (its import has side effects).
_FONT_DIR = _importlib_util.find_spec("koreanize_matplotlib").submodule_search_locations[0]
_font_manager.fontManager.addfont(f"{_FONT_DIR}/fonts/NanumGothic.ttf")

PLOT_STYLE = {
    "svg.hashsalt": "nnref",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["NanumGothic", "DejaVu Sans"],
    "axes.unicode_minus": False,
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "axes.grid": True,
    "grid.alpha": 0.3,
}
plt.rcParams.update(PLOT_STYLE)


def svg(fig, alt: str = "") -> str:
    """The figure as inline SVG markup (closed afterwards), reproducible byte for byte."""
    buffer = _io.StringIO()
    with _matplotlib.rc_context(PLOT_STYLE):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)
    text = buffer.getvalue()
    markup = text[text.index("<svg") :]
    if alt:
        markup = markup.replace("<svg ", f'<svg role="img" aria-label="{alt}" ', 1)
    return f'<div class="nnref-plot">\n{markup}\n</div>'
