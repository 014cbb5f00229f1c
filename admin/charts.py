"""Charts as standalone SVG drawn on the server by pygal (installed from PyPI, nothing
fetched by the browser): bar, line and pie with Chinese labels, shown with <img>."""
from __future__ import annotations

import sys

import pygal
from pygal.style import Style

from models.stats import Figures
from models.stats_trend import QuarterCompare, Trend

# pygal appends a legacy meta-path finder for its map plugins (not used here); Python warns
# on every import that reaches a finder without find_spec, so take it out again.
sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "PluginImportFixer"]

FONT = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
STYLE = Style(
    background="#ffffff", plot_background="#ffffff", foreground="#333333", foreground_strong="#1f2d3d",
    foreground_subtle="#8a94a6", opacity=".9", opacity_hover="1", font_family=FONT, title_font_family=FONT,
    label_font_family=FONT, legend_font_family=FONT, value_font_family=FONT, major_label_font_family=FONT,
    title_font_size=18, label_font_size=13, major_label_font_size=13, legend_font_size=14, value_font_size=13,
    colors=("#1f6feb", "#f08c00", "#2f9e44", "#e03131", "#7048e8", "#0c8599", "#c2255c", "#5c940d"),
)
COMMON = dict(style=STYLE, js=[], width=760, height=380, disable_xml_declaration=True, legend_at_bottom=True,
              print_values=True, no_data_text="本月暂无数据", explicit_size=False, margin=16)


def _without_scripts(svg: str) -> str:
    """Cut every <script>…</script> by plain search: a lazy `<script.*?</script>` pattern
    rescans to the end from each unclosed "<script" (quadratic)."""
    kept, position = [], 0
    while (start := svg.find("<script", position)) != -1 and (end := svg.find("</script>", start)) != -1:
        kept.append(svg[position:start])
        position = end + len("</script>")
    kept.append(svg[position:])
    return "".join(kept)


def _svg(chart) -> str:
    # pygal embeds its tooltip config as a <script> even with js=[]: the image needs none.
    return _without_scripts(chart.render(is_unicode=True))


def _integer_axis(chart, values) -> None:
    """Counts are whole numbers: no 0.1 … 0.9 ticks on a small month."""
    top = max([v for v in values if v] or [1])
    step = max(1, -(-top // 5))
    chart.y_labels = list(range(0, top + step + 1, step))


def bar(title: str, rows: list[tuple[str, str, int]], horizontal: bool = False) -> str:
    chart = (pygal.HorizontalBar if horizontal else pygal.Bar)(title=title, show_legend=False, **COMMON)
    chart.x_labels = [label for _, label, _ in rows]
    chart.add("工单数", [n for _, _, n in rows])
    _integer_axis(chart, [n for _, _, n in rows])
    return _svg(chart)


def pie(title: str, rows: list[tuple[str, str, int]]) -> str:
    chart = pygal.Pie(title=title, inner_radius=0.45, **{**COMMON, "legend_at_bottom": False})
    for _, label, n in rows:
        chart.add(label, n)
    return _svg(chart)


def trend_line(title: str, data: Trend, category_labels: dict[str, str]) -> str:
    chart = pygal.Line(title=title, x_label_rotation=0, dots_size=3, **{**COMMON, "print_values": False})
    chart.x_labels = [f"{m.month}月" if m.month != 1 else f"{m.year}年1月" for m in data.months]
    chart.add("合计", data.totals)
    _integer_axis(chart, data.totals)
    for category, values in sorted(data.by_category.items()):
        chart.add(category_labels.get(category, category), values)
    return _svg(chart)


def quarter_bar(title: str, data: QuarterCompare) -> str:
    chart = pygal.Bar(title=title, **COMMON)
    chart.x_labels = [label for _, label, _, _ in data.rows]
    chart.add(data.previous, [p for _, _, p, _ in data.rows])
    chart.add(data.current, [c for _, _, _, c in data.rows])
    _integer_axis(chart, [v for r in data.rows for v in r[2:]])
    return _svg(chart)


def month_chart(name: str, stats: Figures) -> str:
    label = stats.label
    if name == "category":
        return bar(f"{label} 按类别", stats.rows("category"))
    if name == "code":
        return bar(f"{label} 按投诉代码", stats.rows("code")[:15], horizontal=True)
    if name == "department":
        return bar(f"{label} 按部门", stats.rows("department"))
    if name == "channel":
        return pie(f"{label} 按渠道", stats.rows("channel"))
    if name == "status":
        return pie(f"{label} 按状态", stats.rows("status"))
    raise KeyError(name)


MONTH_CHARTS = ("category", "code", "department", "channel", "status")
