"""Plots for notebooks and ``nnref train --plot``: matplotlib with Hangul that renders everywhere.

NanumGothic (inside the koreanize-matplotlib wheel, when installed) or a system Korean font
draws the Korean labels; matplotlib is imported only when a plot is drawn.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nnref.render.plan import Figure

__all__ = ["draw_figure", "plot_style"]


def plot_style() -> dict[str, Any]:
    """matplotlib settings with a Korean font first (registered on the way) and reproducible SVGs."""
    from matplotlib import font_manager

    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is not None and spec.submodule_search_locations:
        font = Path(spec.submodule_search_locations[0]) / "fonts" / "NanumGothic.ttf"
        if font.is_file():
            font_manager.fontManager.addfont(str(font))
    return {
        "svg.hashsalt": "nnref",
        "font.family": "sans-serif",
        "axes.unicode_minus": False,
        "font.sans-serif": ["NanumGothic", "Noto Sans CJK KR", "DejaVu Sans"],
    }


def draw_figure(figure: Figure) -> Any:
    """A plan's :class:`~nnref.render.plan.Figure` as a matplotlib figure (shown by Jupyter)."""
    import matplotlib
    import matplotlib.pyplot as plt

    with matplotlib.rc_context(plot_style()):  # type: ignore[arg-type]  # matplotlib types rc keys as Literals
        fig, ax = plt.subplots(figsize=(6, 3.2))
        ax.plot(figure.x, [float(v) for v in figure.y], marker="o" if len(figure.x) <= 30 else None)
        ax.set_xlabel(figure.x_label)
        ax.set_ylabel(figure.y_label)
        ax.set_title(figure.title, fontsize=11)
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
        fig.tight_layout()
    return fig
